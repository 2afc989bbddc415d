namespace Iad.Client.Transport;

/// <summary>
/// A connection stream that reads the socket in blocks of up to <see cref="BufferBytes"/> and serves the HTTP/2
/// client's small reads from them. Writes pass straight through.
/// </summary>
/// <remarks>
/// The HTTP/2 client reads at most one 16 KiB frame's worth at a time, about 8 KiB per receive call on average: a
/// 768 KiB float32 image then costs some ninety system calls. Reading ahead into one reused 256 KiB buffer costs a
/// copy of warm memory instead, and turns those calls into three or four. A read never waits for more data than one
/// receive returns, so latency is unchanged.
/// </remarks>
public sealed class ReadAheadStream(Stream inner) : Stream
{
    /// <summary>Size of the read-ahead buffer, bytes (256 KiB).</summary>
    public const int BufferBytes = 256 << 10;

    private readonly byte[] _buffer = GC.AllocateUninitializedArray<byte>(BufferBytes);
    private int _start;
    private int _end;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => inner.CanWrite;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        if (destination.IsEmpty) return 0;
        if (_start == _end)
        {
            // A caller asking for a whole buffer or more gains nothing from the extra copy.
            if (destination.Length >= BufferBytes) return await inner.ReadAsync(destination, cancellationToken).ConfigureAwait(false);
            _start = 0;
            _end = await inner.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false);
        }
        return TakeBuffered(destination.Span);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> destination)
    {
        if (destination.IsEmpty) return 0;
        if (_start == _end)
        {
            if (destination.Length >= BufferBytes) return inner.Read(destination);
            _start = 0;
            _end = inner.Read(_buffer);
        }
        return TakeBuffered(destination);
    }

    /// <summary>Moves as much buffered data as fits into <paramref name="destination"/> (none at end of stream).</summary>
    private int TakeBuffered(Span<byte> destination)
    {
        var count = Math.Min(destination.Length, _end - _start);
        _buffer.AsSpan(_start, count).CopyTo(destination);
        _start += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default) =>
        inner.WriteAsync(source, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        inner.WriteAsync(buffer, offset, count, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> source) => inner.Write(source);

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override void Flush() => inner.Flush();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync() => inner.DisposeAsync();
}
