using Iad.Onnx.Backbones;
using Iad.Onnx.Models;
using Iad.Onnx.Runtime;
using Iad.Onnx.Tests.Support;

namespace Iad.Onnx.Tests.Backbones;

/// <summary>
/// The built-in backbone's purpose: features on which a nearest-neighbour patch score (PatchCore without coreset)
/// separates defective from normal images of a texture, with no training.
/// </summary>
public sealed class BuiltInFeatureQualityTests
{
    private const int Size = 128;
    private const int Grid = Size / 8;
    private const int Channels = 128;

    [Fact]
    public void Nearest_neighbour_patch_scores_flag_scratches_and_spots_above_every_normal_image()
    {
        using var session = TensorSession.Open(OnnxModelFile.ToBytes(BuiltInModel.Create()),
            new TensorSessionOptions { OutputNames = ["layer2"], SampleShape = [3, Size, Size], Settings = new SessionSettings { IntraOpThreads = 1 } });
        var bank = new List<float[]>();
        for (var seed = 0; seed < 4; seed++) bank.AddRange(Patches(session, Texture(seed)));

        var normal = Enumerable.Range(10, 4).Select(seed => Score(session, bank, Texture(seed))).ToList();
        var scratch = Texture(20);
        for (var i = 30; i < 90; i++)
        for (var c = 0; c < 3; c++)
            scratch[(c * Size + i) * Size + i / 2 + 20] = (0.1f - BackboneSpec.ImageNetMean[c]) / BackboneSpec.ImageNetStd[c];
        var spot = Texture(21);
        for (var y = 60; y < 66; y++)
        for (var x = 70; x < 76; x++)
            spot[(0 * Size + y) * Size + x] = (0.95f - BackboneSpec.ImageNetMean[0]) / BackboneSpec.ImageNetStd[0];

        var defective = new[] { Score(session, bank, scratch), Score(session, bank, spot) };
        Assert.True(defective.Min() > normal.Max(), $"defective [{string.Join(", ", defective)}] vs normal max {normal.Max()}");
    }

    private static float Score(TensorSession session, List<float[]> bank, float[] image) =>
        Patches(session, image).Max(patch => bank.Min(b => Distance(patch, b)));

    private static List<float[]> Patches(TensorSession session, float[] image)
    {
        session.Run(image, 1);
        var features = session.GetOutput(0);
        var patches = new List<float[]>(Grid * Grid);
        for (var p = 0; p < Grid * Grid; p++)
        {
            var patch = new float[Channels];
            for (var c = 0; c < Channels; c++) patch[c] = features[c * Grid * Grid + p];
            patches.Add(patch);
        }
        return patches;
    }

    private static float Distance(float[] a, float[] b) => System.Numerics.Tensors.TensorPrimitives.Distance(a, b);

    // A woven-looking texture: two crossing gratings with seeded phase, slight colour and pixel noise, ImageNet-normalised.
    private static float[] Texture(int seed)
    {
        var random = new Random(seed);
        var (phaseA, phaseB) = (random.NextDouble() * 6.28, random.NextDouble() * 6.28);
        var image = new float[3 * Size * Size];
        for (var y = 0; y < Size; y++)
        for (var x = 0; x < Size; x++)
        {
            var weave = 0.5 + 0.15 * Math.Sin(x * 0.7 + phaseA) * Math.Sin(y * 0.7 + phaseB);
            for (var c = 0; c < 3; c++)
            {
                var rgb = weave * (0.8 + 0.1 * c) + 0.02 * (random.NextDouble() - 0.5);
                image[(c * Size + y) * Size + x] = (float)((rgb - BackboneSpec.ImageNetMean[c]) / BackboneSpec.ImageNetStd[c]);
            }
        }
        return image;
    }
}
