using System.Globalization;
using Iad.Onnx.Detector;
using Iad.Onnx.Graph;
using Iad.Onnx.Protobuf;

namespace Iad.Onnx.Backbones.BuiltIn;

/// <summary>
/// The default backbone, generated from a seed with no download and no training (about 1.6 MB of weights).
/// Input <c>image</c> float32 [N, 3, H, W], ImageNet-normalised, H and W multiples of 16. Layers:
/// <list type="number">
/// <item>stem: the fixed 5×5 filters of <see cref="FixedFilterBank"/> (Gabor, colour-opponent, centre–surround), stride 2,
/// each response standardised and split into its positive and negative halves by ReLU (40 channels), then 3×3 max-pool, stride 2;</item>
/// <item><c>layer1</c>: 3×3 seeded random convolution → 64 channels + ReLU (stride 4);</item>
/// <item><c>layer2</c>: 2×2 max-pool, 3×3 random convolution → 128 channels + ReLU (stride 8, graph output);</item>
/// <item><c>layer3</c>: 2×2 max-pool, 3×3 random convolution → 256 channels + ReLU (stride 16, graph output).</item>
/// </list>
/// Random filters are Gaussian with their mean removed (they respond to structure, not to overall activation level).
/// Every convolution is followed by a per-channel affine standardisation, folded into its weights and bias, computed on
/// seeded synthetic calibration images (<see cref="CalibrationImages"/>): pre-activations have mean 0 and standard
/// deviation 1 there, so ReLU outputs have mean ≈ 0.4 on image-like input. The same seed gives a byte-identical model.
/// </summary>
public static class BuiltInBackbone
{
    /// <summary>Backbone name recorded in detector metadata.</summary>
    public const string Name = "iad_builtin_v1";

    /// <summary>Seed used when none is given.</summary>
    public const int DefaultSeed = 0;

    /// <summary>Metadata key holding the generation seed.</summary>
    public const string SeedMetadataKey = "iad.backbone_seed";

    private const int StemChannels = 2 * FixedFilterBank.Count;
    private const int CalibrationImageCount = 4;
    private const int CalibrationImageSize = 128;

    /// <summary>Generates the backbone for <paramref name="seed"/>; graph outputs <c>layer2</c> then <c>layer3</c>.</summary>
    public static ModelProto Create(int seed = DefaultSeed)
    {
        var random = new SeededRandom(unchecked((ulong)seed));
        var images = CalibrationImages.Create(random, CalibrationImageCount, CalibrationImageSize);

        var (stemWeights, stemBias, stem) = Stem(images);
        var pooled = ReferenceOps.MaxPool(stem, 3, 2, 1);
        var layer1 = RandomStage(pooled, 64, random);
        var layer2 = RandomStage(ReferenceOps.MaxPool(layer1.Output, 2, 2, 0), 128, random);
        var layer3 = RandomStage(ReferenceOps.MaxPool(layer2.Output, 2, 2, 0), 256, random);

        var b = new GraphBuilder("iad_builtin_backbone");
        b.Model.ProducerVersion = Name;
        var image = b.AddInput(BackboneSpec.InputName, TensorProto.Types.DataType.Float, "batch", 3, "height", "width");
        var x = b.Relu(b.Conv(image, b.AddInitializer("stem.weight", stemWeights, StemChannels, 3, FixedFilterBank.Size, FixedFilterBank.Size),
            b.AddInitializer("stem.bias", stemBias, StemChannels), strides: [2, 2], pads: [2, 2, 2, 2]), "stem");
        x = b.MaxPool(x, [3, 3], [2, 2], [1, 1, 1, 1]);
        x = AddStage(b, x, layer1, StemChannels, "layer1");
        x = AddStage(b, b.MaxPool(x, [2, 2], [2, 2]), layer2, 64, "layer2");
        AddStage(b, b.MaxPool(x, [2, 2], [2, 2]), layer3, 128, "layer3");
        b.AddOutput("layer2", TensorProto.Types.DataType.Float, "batch", 128, "layer2_height", "layer2_width");
        b.AddOutput("layer3", TensorProto.Types.DataType.Float, "batch", 256, "layer3_height", "layer3_width");
        b.SetMetadata(DetectorMetadataKeys.Backbone, Name);
        b.SetMetadata(SeedMetadataKey, seed.ToString(CultureInfo.InvariantCulture));
        return b.Model;
    }

    private static string AddStage(GraphBuilder b, string input, Stage stage, int inChannels, string name) =>
        b.Relu(b.Conv(input,
            b.AddInitializer($"{name}.weight", stage.Weights, stage.Bias.Length, inChannels, 3, 3),
            b.AddInitializer($"{name}.bias", stage.Bias, stage.Bias.Length),
            pads: [1, 1, 1, 1]), name);

    private static (float[] Weights, float[] Bias, FeatureMap Activation) Stem(FeatureMap images)
    {
        const int area = FixedFilterBank.Size * FixedFilterBank.Size;
        // The filters are defined on RGB; fold x_rgb = std·x + mean into them so they apply to normalised input.
        var rgb = FixedFilterBank.Create();
        var folded = new float[rgb.Length];
        var foldedBias = new float[FixedFilterBank.Count];
        for (var f = 0; f < FixedFilterBank.Count; f++)
        {
            double bias = 0;
            for (var c = 0; c < 3; c++)
            {
                var offset = (f * 3 + c) * area;
                for (var i = 0; i < area; i++)
                {
                    folded[offset + i] = rgb[offset + i] * BackboneSpec.ImageNetStd[c];
                    bias += (double)rgb[offset + i] * BackboneSpec.ImageNetMean[c];
                }
            }
            foldedBias[f] = (float)bias;
        }
        var response = ReferenceOps.Conv2d(images, folded, foldedBias, FixedFilterBank.Count, FixedFilterBank.Size, 2, 2);
        var (mean, std) = ReferenceOps.ChannelStatistics(response);

        var weights = new float[StemChannels * 3 * area];
        var biases = new float[StemChannels];
        var activation = new float[response.Count * StemChannels * response.Plane];
        for (var f = 0; f < FixedFilterBank.Count; f++)
        {
            var scale = 1 / SafeStd(std[f]);
            for (var i = 0; i < 3 * area; i++)
            {
                var w = (float)(folded[f * 3 * area + i] * scale);
                weights[2 * f * 3 * area + i] = w;
                weights[(2 * f + 1) * 3 * area + i] = -w;
            }
            var b = (float)((foldedBias[f] - mean[f]) * scale);
            biases[2 * f] = b;
            biases[2 * f + 1] = -b;
            for (var n = 0; n < response.Count; n++)
            {
                var src = response.Data.AsSpan((n * FixedFilterBank.Count + f) * response.Plane, response.Plane);
                var positive = activation.AsSpan((n * StemChannels + 2 * f) * response.Plane, response.Plane);
                var negative = activation.AsSpan((n * StemChannels + 2 * f + 1) * response.Plane, response.Plane);
                for (var i = 0; i < src.Length; i++)
                {
                    var z = (float)((src[i] - mean[f]) * scale);
                    positive[i] = MathF.Max(z, 0);
                    negative[i] = MathF.Max(-z, 0);
                }
            }
        }
        return (weights, biases, new FeatureMap(activation, response.Count, StemChannels, response.Height, response.Width));
    }

    private static Stage RandomStage(FeatureMap input, int outChannels, SeededRandom random)
    {
        var fanIn = input.Channels * 9;
        var weights = new float[outChannels * fanIn];
        for (var m = 0; m < outChannels; m++)
        {
            var filter = weights.AsSpan(m * fanIn, fanIn);
            double sum = 0;
            for (var i = 0; i < fanIn; i++)
            {
                var value = random.NextGaussian();
                filter[i] = (float)value;
                sum += value;
            }
            var mean = (float)(sum / fanIn);
            var scale = (float)Math.Sqrt(2.0 / fanIn);
            for (var i = 0; i < fanIn; i++) filter[i] = (filter[i] - mean) * scale;
        }
        var response = ReferenceOps.Conv2d(input, weights, default, outChannels, 3, 1, 1);
        var (channelMean, channelStd) = ReferenceOps.ChannelStatistics(response);
        var bias = new float[outChannels];
        for (var m = 0; m < outChannels; m++)
        {
            var scale = 1 / SafeStd(channelStd[m]);
            foreach (ref var w in weights.AsSpan(m * fanIn, fanIn)) w = (float)(w * scale);
            bias[m] = (float)(-channelMean[m] * scale);
        }
        // Standardise and rectify in place to feed the next stage.
        for (var n = 0; n < response.Count; n++)
        {
            for (var m = 0; m < outChannels; m++)
            {
                var scale = 1 / SafeStd(channelStd[m]);
                foreach (ref var value in response.Data.AsSpan((n * outChannels + m) * response.Plane, response.Plane))
                    value = MathF.Max((float)((value - channelMean[m]) * scale), 0);
            }
        }
        return new Stage(weights, bias, response);
    }

    // A channel that never varies on the calibration images keeps its scale rather than being blown up.
    private static double SafeStd(double std) => std > 1e-6 ? std : 1;

    private sealed record Stage(float[] Weights, float[] Bias, FeatureMap Output);
}
