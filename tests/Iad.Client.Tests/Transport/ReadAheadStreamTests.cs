using Iad.Client.Transport;

namespace Iad.Client.Tests.Transport;

public sealed class ReadAheadStreamTests
{
    [Fact]
    public async Task Small_reads_are_served_from_few_large_reads_of_the_connection_with_the_same_bytes()
    {
        var data = RandomBytes(1 << 20);
        var inner = new CountingStream(data);
        await using var stream = new ReadAheadStream(inner);

        var received = new MemoryStream();
        var chunk = new byte[9 + 16_384];
        int read;
        while ((read = await stream.ReadAsync(chunk)) > 0) received.Write(chunk, 0, read);

        Assert.Equal(data, received.ToArray());
        // 1 MiB in 256 KiB reads (plus the read that sees the end), instead of ~64 for 16 KiB frames.
        Assert.Equal(data.Length / ReadAheadStream.BufferBytes + 1, inner.Reads);
    }

    [Fact]
    public async Task A_read_returns_what_one_receive_gave_without_waiting_for_more()
    {
        var inner = new CountingStream(RandomBytes(100), maxPerRead: 10);
        await using var stream = new ReadAheadStream(inner);

        var first = await stream.ReadAsync(new byte[64]);

        Assert.Equal(10, first);
        Assert.Equal(1, inner.Reads);
    }

    [Fact]
    public void Synchronous_reads_see_the_same_bytes_and_a_read_of_a_whole_buffer_bypasses_the_copy()
    {
        var data = RandomBytes(3 * ReadAheadStream.BufferBytes);
        var inner = new CountingStream(data);
        using var stream = new ReadAheadStream(inner);

        var head = new byte[1000];
        Assert.Equal(1000, stream.Read(head, 0, head.Length));
        var rest = new byte[data.Length];
        var total = 0;
        int read;
        while ((read = stream.Read(rest.AsSpan(total))) > 0) total += read;

        Assert.Equal(data, head.Concat(rest.Take(total)));
        Assert.Equal(0, stream.Read(new byte[8]));
    }

    [Fact]
    public async Task Writes_and_flushes_go_straight_to_the_connection()
    {
        var inner = new CountingStream([]);
        await using var stream = new ReadAheadStream(inner);

        await stream.WriteAsync(new byte[] { 1, 2, 3 });
        stream.Write([4, 5]);
        await stream.FlushAsync();

        Assert.Equal([1, 2, 3, 4, 5], inner.Written.ToArray());
        Assert.Equal(1, inner.Flushes);
    }

    [Fact]
    public void Sdk_connections_are_read_through_it()
    {
        using var handler = IadClient.CreateHttpHandler();

        Assert.NotNull(handler.ConnectCallback);
    }

    private static byte[] RandomBytes(int length)
    {
        var data = new byte[length];
        new Random(7).NextBytes(data);
        return data;
    }

    /// <summary>A readable stream over fixed bytes that counts reads and records writes.</summary>
    private sealed class CountingStream(byte[] data, int maxPerRead = int.MaxValue) : Stream
    {
        private int _position;

        public int Reads { get; private set; }

        public int Flushes { get; private set; }

        public MemoryStream Written { get; } = new();

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => data.Length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> destination)
        {
            Reads++;
            var count = Math.Min(Math.Min(destination.Length, maxPerRead), data.Length - _position);
            data.AsSpan(_position, count).CopyTo(destination);
            _position += count;
            return count;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(destination.Span));

        public override void Write(byte[] buffer, int offset, int count) => Written.Write(buffer, offset, count);

        public override void Flush() => Flushes++;

        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            Flushes++;
            return Task.CompletedTask;
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
