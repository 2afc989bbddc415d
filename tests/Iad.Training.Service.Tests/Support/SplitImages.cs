using System.Numerics.Tensors;
using Iad.Client.Datasets;
using Iad.Contracts.V1;

namespace Iad.Training.Service.Tests.Support;

/// <summary>Reads a split into float CHW images in [0, 1] (uint8 ÷ 255, as training does) with their labels.</summary>
public static class SplitImages
{
    public static async Task<(float[] Pixels, int[] Labels)> ReadAsync(DatasetService.DatasetServiceClient client, string sha, int task, Split split, int limit)
    {
        await using var stream = await SplitStream.OpenAsync(client, new StreamSplitRequest
        {
            ManifestSha256 = sha, TaskIndex = task, Split = split, Format = ItemFormat.Uint8, Limit = limit,
        });
        var pixels = new List<float>();
        var labels = new List<int>();
        await foreach (var item in stream.ReadItemsAsync())
        {
            var floats = new float[item.Payload.Length];
            TensorPrimitives.ConvertChecked<byte, float>(item.Payload.Span, floats);
            TensorPrimitives.Multiply(floats, 1f / 255f, floats);
            pixels.AddRange(floats);
            labels.Add(item.Item.Label == Label.Anomalous ? 1 : 0);
        }
        return ([.. pixels], [.. labels]);
    }
}
