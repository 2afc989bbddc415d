using System.Threading.Channels;
using Iad.Client.Datasets;
using Iad.Contracts.V1;
using Iad.Methods;
using Iad.Onnx.Detector;

namespace Iad.Training.Service.Pipeline;

/// <summary>
/// Feeds a fit from a split stream: an asynchronous pump reads uint8 [3, H, W] items and converts them (÷255) into
/// float batches; the fit enumerates them synchronously. Three batch buffers rotate through a one-slot channel, so at
/// most three batches exist however long the split (the consumer has left a batch once it asks for the next).
/// </summary>
public sealed class SplitBatchSource : IEnumerable<ImageBatch>
{
    private const int Buffers = 3;
    private readonly SplitStream _stream;
    private readonly int _batchSize;
    private readonly int _side;
    private readonly CancellationToken _cancellation;

    public SplitBatchSource(SplitStream stream, int batchSize, CancellationToken cancellation)
    {
        _stream = stream;
        _batchSize = batchSize;
        _side = stream.Header.ImageSize;
        _cancellation = cancellation;
    }

    /// <summary>Images read so far.</summary>
    public long ImagesRead { get; private set; }

    public IEnumerator<ImageBatch> GetEnumerator()
    {
        var imageLength = 3 * _side * _side;
        var buffers = new float[Buffers][];
        for (var i = 0; i < Buffers; i++) buffers[i] = new float[_batchSize * imageLength];
        var channel = Channel.CreateBounded<ImageBatch>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        // Stops the pump when the fit stops early (an error or cancellation), so it never waits on a reader that left.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(_cancellation);
        var pump = Task.Run(() => PumpAsync(channel.Writer, buffers, imageLength, stop.Token), CancellationToken.None);
        var reader = channel.Reader;
        try
        {
            while (reader.WaitToReadAsync(stop.Token).AsTask().GetAwaiter().GetResult())
            {
                while (reader.TryRead(out var batch)) yield return batch;
            }
        }
        finally
        {
            stop.Cancel();
            pump.Wait(CancellationToken.None);
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private async Task PumpAsync(ChannelWriter<ImageBatch> writer, float[][] buffers, int imageLength, CancellationToken cancellation)
    {
        Exception? failure = null;
        try
        {
            var next = 0;
            var filled = 0;
            var buffer = buffers[0];
            await foreach (var item in _stream.ReadItemsAsync(cancellation).ConfigureAwait(false))
            {
                if (item.Format != ItemFormat.Uint8 || item.Payload.Length != imageLength)
                    throw new InvalidDataException($"Item {item.Item.Index} carries {item.Payload.Length} bytes; a uint8 3x{_side}x{_side} image has {imageLength}.");
                var target = buffer.AsSpan(filled * imageLength, imageLength);
                PixelConversion.Uint8ToUnit(item.Payload.Span, target);
                ImagesRead++;
                if (++filled < _batchSize) continue;
                await writer.WriteAsync(new ImageBatch(buffer, filled), cancellation).ConfigureAwait(false);
                next = (next + 1) % Buffers;
                buffer = buffers[next];
                filled = 0;
            }
            if (filled > 0) await writer.WriteAsync(new ImageBatch(buffer.AsMemory(0, filled * imageLength), filled), cancellation).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            failure = e;
        }
        writer.Complete(failure);
    }
}
