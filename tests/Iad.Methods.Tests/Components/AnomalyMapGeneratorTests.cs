using Iad.Methods.Components.AnomalyMaps;
using Iad.Onnx.Graph;
using Iad.Onnx.Models;
using Iad.Onnx.Protobuf;
using Microsoft.ML.OnnxRuntime;

namespace Iad.Methods.Tests.Components;

public class AnomalyMapGeneratorTests
{
    [Fact]
    public void Kernel_has_anomalib_size_and_unit_sum()
    {
        var kernel = GaussianKernel.Create(4f);
        Assert.Equal(33, kernel.Length);
        Assert.Equal(1f, kernel.Sum(), 1e-5f);
        Assert.Equal(kernel[0], kernel[^1]);
        Assert.Equal(kernel.Max(), kernel[16]);
    }

    [Fact]
    public void A_constant_grid_gives_a_constant_map()
    {
        var generator = new AnomalyMapGenerator(4, 4, 32, 32);
        var grid = Enumerable.Repeat(2.5f, 16).ToArray();
        var map = new float[32 * 32];
        generator.Generate(grid, map, new float[2 * 32 * 32]);
        Assert.All(map, v => Assert.Equal(2.5f, v, 1e-5f));
    }

    [Fact]
    public void Matches_a_direct_two_dimensional_reference_and_the_onnx_nodes()
    {
        const int gh = 5, gw = 6, h = 40, w = 48;
        var random = new Random(3);
        var grid = new float[gh * gw];
        for (var i = 0; i < grid.Length; i++) grid[i] = random.NextSingle() * 3;
        var generator = new AnomalyMapGenerator(gh, gw, h, w, 2f);
        var map = new float[h * w];
        generator.Generate(grid, map, new float[2 * h * w]);

        var reference = Reference(grid, gh, gw, h, w, GaussianKernel.Create(2f));
        for (var i = 0; i < map.Length; i++) Assert.Equal(reference[i], map[i], 1e-4f);

        var b = new GraphBuilder("map");
        b.AddInput("grid", TensorProto.Types.DataType.Float, "batch", 1, gh, gw);
        generator.AddTo(b, "grid", "map");
        b.AddOutput("map", TensorProto.Types.DataType.Float, "batch", 1, h, w);
        using var session = new InferenceSession(OnnxModelFile.ToBytes(b.Model));
        using var input = OrtValue.CreateTensorValueFromMemory(grid, [1, 1, gh, gw]);
        using var results = session.Run(new RunOptions(), ["grid"], [input], ["map"]);
        var onnx = results[0].GetTensorDataAsSpan<float>().ToArray();
        for (var i = 0; i < map.Length; i++) Assert.Equal(map[i], onnx[i], 1e-5f);
    }

    // Bilinear (half-pixel, clamped) upsampling followed by a full 2-D convolution with reflect indexing.
    private static float[] Reference(float[] grid, int gh, int gw, int h, int w, float[] kernel)
    {
        var up = new double[h * w];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                var sy = Math.Clamp((y + 0.5) * gh / h - 0.5, 0, gh - 1);
                var sx = Math.Clamp((x + 0.5) * gw / w - 0.5, 0, gw - 1);
                int y0 = (int)sy, x0 = (int)sx, y1 = Math.Min(y0 + 1, gh - 1), x1 = Math.Min(x0 + 1, gw - 1);
                double fy = sy - y0, fx = sx - x0;
                up[y * w + x] = (1 - fy) * ((1 - fx) * grid[y0 * gw + x0] + fx * grid[y0 * gw + x1]) + fy * ((1 - fx) * grid[y1 * gw + x0] + fx * grid[y1 * gw + x1]);
            }
        }
        var r = kernel.Length / 2;
        static int Reflect(int i, int n) => i < 0 ? -i : i >= n ? 2 * (n - 1) - i : i;
        var result = new float[h * w];
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                double sum = 0;
                for (var ty = 0; ty < kernel.Length; ty++)
                {
                    for (var tx = 0; tx < kernel.Length; tx++)
                        sum += kernel[ty] * kernel[tx] * up[Reflect(y + ty - r, h) * w + Reflect(x + tx - r, w)];
                }
                result[y * w + x] = (float)sum;
            }
        }
        return result;
    }
}
