using System.Runtime.CompilerServices;
using Grpc.Core;
using Iad.Contracts.V1;

namespace Iad.Client.Datasets;

/// <summary>One item of a split with its whole payload (chunks reassembled).</summary>
/// <param name="Item">Labels and ids; its <c>image</c> is cleared once the payload is extracted.</param>
/// <param name="Payload">Encoded file bytes, or the tensor data (uint8 / float32 [3, H, W]) as sent.</param>
/// <param name="Format">How <see cref="Payload"/> is encoded.</param>
public sealed record SplitItem(DatasetItem Item, ReadOnlyMemory<byte> Payload, ItemFormat Format);

/// <summary>
/// Reads a <c>StreamSplit</c> call: the header, then items in manifest order with chunked payloads reassembled. Only the
/// item being assembled is held, so memory stays at one item however long the split.
/// </summary>
public sealed class SplitStream : IAsyncDisposable
{
    private readonly AsyncServerStreamingCall<StreamSplitResponse> _call;
    private readonly ItemFormat _format;

    private SplitStream(AsyncServerStreamingCall<StreamSplitResponse> call, SplitHeader header, ItemFormat format)
    {
        _call = call;
        Header = header;
        _format = format;
    }

    /// <summary>The split's header (task, item count, image side).</summary>
    public SplitHeader Header { get; }

    /// <summary>Starts the call and reads its header.</summary>
    /// <exception cref="RpcException">The dataset service refused the request (its status) or sent no header (DATA_LOSS).</exception>
    public static async Task<SplitStream> OpenAsync(DatasetService.DatasetServiceClient client, StreamSplitRequest request,
        CancellationToken cancellationToken = default)
    {
        var call = client.StreamSplit(request, cancellationToken: cancellationToken);
        try
        {
            if (!await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false)
                || call.ResponseStream.Current.MessageCase != StreamSplitResponse.MessageOneofCase.Header)
                throw new RpcException(new Status(StatusCode.DataLoss, "The split stream did not start with its header."));
            return new SplitStream(call, call.ResponseStream.Current.Header, request.Format);
        }
        catch
        {
            call.Dispose();
            throw;
        }
    }

    /// <summary>The items in order.</summary>
    /// <exception cref="RpcException">DATA_LOSS when chunks arrive out of order or incomplete; any status the server sends.</exception>
    public async IAsyncEnumerable<SplitItem> ReadItemsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        DatasetItem? open = null;
        byte[]? buffer = null;
        var filled = 0;
        while (await _call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            var message = _call.ResponseStream.Current;
            switch (message.MessageCase)
            {
                case StreamSplitResponse.MessageOneofCase.Item when open is null:
                    var item = message.Item;
                    if (item.Chunked)
                    {
                        if (item.PayloadBytes is < 0 or > int.MaxValue) throw Loss($"Item {item.Index} announces {item.PayloadBytes} payload bytes.");
                        (open, buffer, filled) = (item, new byte[item.PayloadBytes], 0);
                        break;
                    }
                    yield return new SplitItem(item, Payload(item), _format);
                    break;
                case StreamSplitResponse.MessageOneofCase.Chunk when open is not null:
                    var chunk = message.Chunk;
                    if (chunk.Index != open.Index || chunk.Offset != filled || filled + chunk.Data.Length > buffer!.Length)
                        throw Loss($"Chunk of item {chunk.Index} at offset {chunk.Offset} ({chunk.Data.Length} bytes) does not continue item {open.Index} at {filled} of {buffer!.Length}.");
                    chunk.Data.Span.CopyTo(buffer.AsSpan(filled));
                    filled += chunk.Data.Length;
                    if (chunk.Last)
                    {
                        if (filled != buffer.Length) throw Loss($"Item {open.Index} ended after {filled} of {buffer.Length} payload bytes.");
                        var done = open;
                        open = null;
                        yield return new SplitItem(done, buffer, _format);
                    }
                    break;
                default:
                    throw Loss($"Unexpected {message.MessageCase} message in a split stream.");
            }
        }
        if (open is not null) throw Loss($"The stream ended inside item {open.Index}.");
    }

    public ValueTask DisposeAsync()
    {
        _call.Dispose();
        return ValueTask.CompletedTask;
    }

    private static ReadOnlyMemory<byte> Payload(DatasetItem item)
    {
        var image = item.Image ?? throw Loss($"Item {item.Index} carries neither an image nor chunks.");
        var bytes = image.ContentCase == Image.ContentOneofCase.Tensor ? image.Tensor.Data : image.Encoded.Data;
        return bytes.Memory;
    }

    private static RpcException Loss(string message) => new(new Status(StatusCode.DataLoss, message));
}
