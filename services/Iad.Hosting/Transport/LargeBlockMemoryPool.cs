using System.Buffers;
using System.Collections.Concurrent;

namespace Iad.Hosting.Transport;

/// <summary>
/// The memory pool behind Kestrel's connection pipes: pinned blocks of <see cref="BlockBytes"/> instead of Kestrel's
/// 4 KiB, so one socket read takes up to 64 KiB of a large request and one pipe segment holds four HTTP/2 frames.
/// </summary>
/// <remarks>
/// Kestrel reads the socket into whatever block its pool hands out. With 4 KiB blocks a 192 KiB image costs about
/// fifty receive calls and as many wake-ups of the connection loop, which on a machine where each system call is
/// expensive made the transport, not the model, the larger part of a request's overhead. Blocks are reused; at most
/// <see cref="MaxRetainedBlocks"/> free blocks are kept (16 MiB), the rest go back to the garbage collector, so the
/// pool holds no more than the peak of data in flight allowed by Kestrel's own buffer and flow-control limits.
/// </remarks>
public sealed class LargeBlockMemoryPool : MemoryPool<byte>
{
    /// <summary>Size of every pooled block, bytes (64 KiB).</summary>
    public const int BlockBytes = 64 << 10;

    /// <summary>Free blocks kept for reuse.</summary>
    public const int MaxRetainedBlocks = 256;

    private readonly ConcurrentQueue<Block> _free = new();
    private int _freeCount;
    private long _allocated;

    /// <inheritdoc />
    public override int MaxBufferSize => BlockBytes;

    /// <summary>Blocks allocated since creation (reused blocks not counted).</summary>
    public long BlocksAllocated => Interlocked.Read(ref _allocated);

    /// <summary>Free blocks held for reuse now.</summary>
    public int BlocksRetained => Volatile.Read(ref _freeCount);

    /// <summary>A block of <see cref="BlockBytes"/>; a larger request gets an unpooled buffer of its size.</summary>
    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        if (minBufferSize > BlockBytes) return new Block(null, GC.AllocateUninitializedArray<byte>(minBufferSize, pinned: true));
        if (_free.TryDequeue(out var block))
        {
            Interlocked.Decrement(ref _freeCount);
            block.Lease();
            return block;
        }
        Interlocked.Increment(ref _allocated);
        return new Block(this, GC.AllocateUninitializedArray<byte>(BlockBytes, pinned: true));
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        while (_free.TryDequeue(out _)) Interlocked.Decrement(ref _freeCount);
    }

    private void Return(Block block)
    {
        if (Interlocked.Increment(ref _freeCount) > MaxRetainedBlocks)
        {
            Interlocked.Decrement(ref _freeCount);
            return;
        }
        _free.Enqueue(block);
    }

    private sealed class Block(LargeBlockMemoryPool? pool, byte[] array) : IMemoryOwner<byte>
    {
        private int _leased = 1;

        public Memory<byte> Memory => array;

        public void Lease() => _leased = 1;

        public void Dispose()
        {
            // A second Dispose must not put the block in the pool twice.
            if (Interlocked.Exchange(ref _leased, 0) == 1) pool?.Return(this);
        }
    }
}
