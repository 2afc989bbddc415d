using Iad.Methods.Components.FeatureExtraction;
using Iad.Onnx.Models;
using Microsoft.ML.OnnxRuntime;

namespace Iad.Methods.Tests.Components;

public class EmbeddingGraphTests
{
    private const int Size = 64;

    [Fact]
    public void PatchCore_embedding_equals_aggregated_upsampled_backbone_layers()
    {
        var backbone = FeatureBackbone.BuiltIn();
        var image = TestImage();
        var (layer2, layer3) = RunBackbone(backbone, image);
        using var extractor = new FeatureExtractor(backbone, EmbeddingSpec.PatchCore, Size, Size);
        var embedding = extractor.Extract(image, 1).ToArray();
        Assert.Equal(new EmbeddingShape(384, 8, 8), extractor.Shape);

        var a2 = AveragePool(layer2, 128, 8);
        var a3 = Upsample(AveragePool(layer3, 256, 4), 256, 4, 8);
        for (var p = 0; p < 64; p++)
        {
            for (var c = 0; c < 128; c++) Assert.Equal(a2[c * 64 + p], embedding[p * 384 + c], 1e-4f);
            for (var c = 0; c < 256; c++) Assert.Equal(a3[c * 64 + p], embedding[p * 384 + 128 + c], 1e-4f);
        }
    }

    [Fact]
    public void Channel_subset_gathers_raw_channels_with_nearest_upsampling()
    {
        var backbone = FeatureBackbone.BuiltIn();
        var image = TestImage();
        var (layer2, layer3) = RunBackbone(backbone, image);
        int[] subset = [3, 127, 128, 300];
        using var extractor = new FeatureExtractor(backbone, new EmbeddingSpec(false, EmbeddingUpsampling.Nearest, subset), Size, Size);
        var embedding = extractor.Extract(image, 1).ToArray();
        for (var y = 0; y < 8; y++)
        {
            for (var x = 0; x < 8; x++)
            {
                var p = y * 8 + x;
                Assert.Equal(layer2[3 * 64 + p], embedding[p * 4], 1e-5f);
                Assert.Equal(layer2[127 * 64 + p], embedding[p * 4 + 1], 1e-5f);
                Assert.Equal(layer3[0 * 16 + (y / 2) * 4 + x / 2], embedding[p * 4 + 2], 1e-5f);
                Assert.Equal(layer3[172 * 16 + (y / 2) * 4 + x / 2], embedding[p * 4 + 3], 1e-5f);
            }
        }
        Assert.Throws<ArgumentException>(() => EmbeddingGraph.ShapeOf(backbone, new EmbeddingSpec(false, EmbeddingUpsampling.Nearest, [1, 1]), Size, Size));
    }

    private static float[] TestImage()
    {
        var random = new Random(1);
        var image = new float[3 * Size * Size];
        for (var i = 0; i < image.Length; i++) image[i] = random.NextSingle();
        return image;
    }

    private static (float[] Layer2, float[] Layer3) RunBackbone(FeatureBackbone backbone, float[] image)
    {
        float[] mean = [0.485f, 0.456f, 0.406f], std = [0.229f, 0.224f, 0.225f];
        var normalised = new float[image.Length];
        for (var i = 0; i < image.Length; i++) normalised[i] = (image[i] - mean[i / (Size * Size)]) / std[i / (Size * Size)];
        using var session = new InferenceSession(OnnxModelFile.ToBytes(backbone.Model));
        using var input = OrtValue.CreateTensorValueFromMemory(normalised, [1, 3, Size, Size]);
        using var results = session.Run(new RunOptions(), ["image"], [input], ["layer2", "layer3"]);
        return (results[0].GetTensorDataAsSpan<float>().ToArray(), results[1].GetTensorDataAsSpan<float>().ToArray());
    }

    private static float[] AveragePool(float[] x, int channels, int side)
    {
        var result = new float[x.Length];
        for (var c = 0; c < channels; c++)
        {
            for (var y = 0; y < side; y++)
            {
                for (var xx = 0; xx < side; xx++)
                {
                    var sum = 0f;
                    for (var dy = -1; dy <= 1; dy++)
                    {
                        for (var dx = -1; dx <= 1; dx++)
                        {
                            int sy = y + dy, sx = xx + dx;
                            if (sy >= 0 && sy < side && sx >= 0 && sx < side) sum += x[(c * side + sy) * side + sx];
                        }
                    }
                    result[(c * side + y) * side + xx] = sum / 9;
                }
            }
        }
        return result;
    }

    private static float[] Upsample(float[] x, int channels, int from, int to)
    {
        var result = new float[channels * to * to];
        for (var c = 0; c < channels; c++)
        {
            for (var y = 0; y < to; y++)
            {
                for (var xx = 0; xx < to; xx++)
                {
                    var sy = Math.Clamp((y + 0.5f) * from / to - 0.5f, 0, from - 1);
                    var sx = Math.Clamp((xx + 0.5f) * from / to - 0.5f, 0, from - 1);
                    int y0 = (int)sy, x0 = (int)sx, y1 = Math.Min(y0 + 1, from - 1), x1 = Math.Min(x0 + 1, from - 1);
                    float fy = sy - y0, fx = sx - x0;
                    float V(int a, int b) => x[(c * from + a) * from + b];
                    result[(c * to + y) * to + xx] = (1 - fy) * ((1 - fx) * V(y0, x0) + fx * V(y0, x1)) + fy * ((1 - fx) * V(y1, x0) + fx * V(y1, x1));
                }
            }
        }
        return result;
    }
}
