using Iad.Onnx.Backbones;
using Iad.Onnx.Backbones.BuiltIn;
using Iad.Onnx.Graph;
using Iad.Onnx.Models;
using Iad.Onnx.Runtime;
using Iad.Onnx.Tests.Support;

namespace Iad.Onnx.Tests.Backbones;

public sealed class BuiltInBackboneTests
{
    [Fact]
    public void The_same_seed_gives_a_byte_identical_model_and_another_seed_does_not()
    {
        var first = OnnxModelFile.ToBytes(BuiltInModel.Create());
        var again = OnnxModelFile.ToBytes(BuiltInBackbone.Create(BuiltInBackbone.DefaultSeed));
        var other = OnnxModelFile.ToBytes(BuiltInBackbone.Create(7));
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal("7", ModelMetadata.Read(OnnxModelFile.FromBytes(other))[BuiltInBackbone.SeedMetadataKey]);
    }

    [Fact]
    public void The_model_is_small()
    {
        var size = OnnxModelFile.ToBytes(BuiltInModel.Create()).Length;
        Assert.InRange(size, 1_000_000, 4_000_000);
    }

    [Fact]
    public void Outputs_have_the_catalogued_channels_and_strides_for_non_square_input()
    {
        var image = TestData.Uniform(70, 2 * 3 * 64 * 96, -2, 2);
        var result = OrtRunner.Run(BuiltInModel.Create(), ("image", image, [2, 3, 64, 96]));
        Assert.Equal([2L, 128, 8, 12], result["layer2"].Shape);
        Assert.Equal([2L, 256, 4, 6], result["layer3"].Shape);
    }

    [Fact]
    public void Activations_are_finite_non_negative_and_of_unit_scale_on_texture_input()
    {
        var image = Texture(128);
        var result = OrtRunner.Run(BuiltInModel.Create(), ("image", image, [1, 3, 128, 128]));
        foreach (var name in new[] { "layer2", "layer3" })
        {
            var data = result[name].Data;
            Assert.All(data, v => Assert.True(float.IsFinite(v) && v >= 0));
            var mean = data.Average();
            Assert.InRange(mean, 0.05, 3);
            Assert.True(data.Count(v => v > 0) > data.Length / 10, $"{name}: fewer than 10 % of activations are positive");
        }
    }

    [Fact]
    public void A_local_defect_changes_features_mostly_near_it()
    {
        const int size = 128;
        var clean = Texture(size);
        var defective = (float[])clean.Clone();
        for (var c = 0; c < 3; c++)
        for (var y = 20; y < 28; y++)
        for (var x = 20; x < 28; x++)
            defective[(c * size + y) * size + x] = -2f;

        using var session = TensorSession.Open(OnnxModelFile.ToBytes(BuiltInModel.Create()), new TensorSessionOptions { OutputNames = ["layer2"], SampleShape = [3, size, size] });
        session.Run(clean, 1);
        var before = session.GetOutput(0).ToArray();
        session.Run(defective, 1);
        var after = session.GetOutput(0).ToArray();

        // layer2 is 16×16 at stride 8: the defect covers cell (2..3, 2..3); compare change there with a far cell.
        static double Change(float[] a, float[] b, int cy, int cx)
        {
            double sum = 0;
            for (var c = 0; c < 128; c++) sum += Math.Abs(a[(c * 16 + cy) * 16 + cx] - b[(c * 16 + cy) * 16 + cx]);
            return sum;
        }
        Assert.True(Change(before, after, 3, 3) > 10 * Change(before, after, 12, 12) + 1e-3);
    }

    [Fact]
    public void The_builtin_backbone_passes_its_catalogue_check_and_fails_wide_resnet_s()
    {
        var model = BuiltInModel.Create();
        BackboneLoader.Check(model, BackboneCatalogue.BuiltIn, ["layer2", "layer3"]);
        var error = Assert.Throws<ModelContractException>(() => BackboneLoader.Check(model, BackboneCatalogue.WideResNet50, ["layer2", "layer3"]));
        Assert.Contains("512", error.Message);
        Assert.Contains("128", error.Message);
    }

    // Diagonal stripes with a colour gradient, ImageNet-normalised.
    private static float[] Texture(int size)
    {
        var image = new float[3 * size * size];
        for (var c = 0; c < 3; c++)
        for (var y = 0; y < size; y++)
        for (var x = 0; x < size; x++)
        {
            var rgb = 0.5 + 0.3 * Math.Sin((x + 2 * y) * 0.6 + c) + 0.1 * x / size;
            image[(c * size + y) * size + x] = (float)((rgb - BackboneSpec.ImageNetMean[c]) / BackboneSpec.ImageNetStd[c]);
        }
        return image;
    }
}
