using Grpc.Core;
using Iad.Contracts.V1;

namespace Iad.Dataset.Service.Tests;

/// <summary>Reads a StreamSplit call into its header and items, reassembling chunked payloads and checking chunk order.</summary>
public static class SplitReader
{
    public sealed record StreamedItem(DatasetItem Item, byte[] Payload, int Chunks);

    public static async Task<(SplitHeader Header, List<StreamedItem> Items)> ReadAllAsync(AsyncServerStreamingCall<StreamSplitResponse> call)
    {
        using (call)
        {
            SplitHeader? header = null;
            var items = new List<StreamedItem>();
            DatasetItem? open = null;
            MemoryStream? payload = null;
            var chunks = 0;
            await foreach (var message in call.ResponseStream.ReadAllAsync())
            {
                switch (message.MessageCase)
                {
                    case StreamSplitResponse.MessageOneofCase.Header:
                        Assert.Null(header);
                        header = message.Header;
                        break;
                    case StreamSplitResponse.MessageOneofCase.Item:
                        Assert.NotNull(header);
                        Assert.Null(open);
                        if (message.Item.Chunked)
                        {
                            Assert.Null(message.Item.Image);
                            (open, payload, chunks) = (message.Item, new MemoryStream(), 0);
                        }
                        else
                        {
                            var image = Assert.IsType<Image>(message.Item.Image);
                            var bytes = image.ContentCase == Image.ContentOneofCase.Tensor ? image.Tensor.Data : image.Encoded.Data;
                            items.Add(new StreamedItem(message.Item, bytes.ToByteArray(), 0));
                        }
                        break;
                    case StreamSplitResponse.MessageOneofCase.Chunk:
                        Assert.NotNull(open);
                        Assert.Equal(open.Index, message.Chunk.Index);
                        Assert.Equal(payload!.Length, message.Chunk.Offset);
                        message.Chunk.Data.WriteTo(payload);
                        chunks++;
                        if (message.Chunk.Last)
                        {
                            Assert.Equal(open.PayloadBytes, payload.Length);
                            items.Add(new StreamedItem(open, payload.ToArray(), chunks));
                            open = null;
                        }
                        break;
                }
            }
            Assert.Null(open);
            return (header!, items);
        }
    }
}
