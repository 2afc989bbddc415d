using Iad.Onnx.Graph;
using Iad.Onnx.Tests.Support;
using DataType = Iad.Onnx.Protobuf.TensorProto.Types.DataType;

namespace Iad.Onnx.Tests.Graph;

/// <summary>Each builder helper, run in ONNX Runtime on small random inputs, against a direct C# computation.</summary>
public sealed class GraphBuilderOperatorTests
{
    private static OrtRunner.Result RunUnary(Func<GraphBuilder, string, string> build, float[] x, params long[] shape)
    {
        var b = new GraphBuilder("test");
        var input = b.AddInput("x", DataType.Float, [.. shape.Select(d => (TensorDim)d)]);
        var output = build(b, input);
        b.AddOutput(output, DataType.Float);
        return OrtRunner.Run(b.Model, ("x", x, shape))[output];
    }

    [Fact]
    public void Conv_matches_direct_convolution_with_stride_padding_and_bias()
    {
        var x = TestData.Uniform(1, 2 * 3 * 7 * 6);
        var w = TestData.Uniform(2, 4 * 3 * 3 * 3);
        var bias = TestData.Uniform(3, 4);
        var result = RunUnary((b, input) => b.Conv(input, b.AddInitializer("w", w, 4, 3, 3, 3), b.AddInitializer("bias", bias, 4), strides: [2, 2], pads: [1, 1, 1, 1]), x, 2, 3, 7, 6);
        var expected = ReferenceMath.Conv2d(x, 2, 3, 7, 6, w, bias, 4, 3, 2, 1, out var oh, out var ow);
        Assert.Equal([2, 4, oh, ow], result.Shape);
        TestData.AssertClose(expected, result.Data, 1e-4f);
    }

    [Theory]
    [InlineData("Add")]
    [InlineData("Sub")]
    [InlineData("Mul")]
    [InlineData("Div")]
    public void Binary_operators_broadcast_a_row_vector(string op)
    {
        var x = TestData.Uniform(4, 6);
        var row = TestData.Uniform(5, 3, 0.5f, 2f);
        var result = RunUnary((b, input) =>
        {
            var r = b.AddInitializer("row", row, 3);
            return op switch { "Add" => b.Add(input, r), "Sub" => b.Sub(input, r), "Mul" => b.Mul(input, r), _ => b.Div(input, r) };
        }, x, 2, 3);
        var expected = new float[6];
        for (var i = 0; i < 6; i++)
        {
            var (a, c) = (x[i], row[i % 3]);
            expected[i] = op switch { "Add" => a + c, "Sub" => a - c, "Mul" => a * c, _ => a / c };
        }
        TestData.AssertClose(expected, result.Data);
    }

    [Fact]
    public void MatMul_matches_direct_product()
    {
        var a = TestData.Uniform(6, 2 * 5);
        var m = TestData.Uniform(7, 5 * 4);
        var result = RunUnary((b, input) => b.MatMul(input, b.AddInitializer("m", m, 5, 4)), a, 2, 5);
        Assert.Equal([2L, 4], result.Shape);
        TestData.AssertClose(ReferenceMath.MatMul(a, m, 2, 5, 4), result.Data);
    }

    [Fact]
    public void Gemm_applies_transpose_alpha_beta_and_bias()
    {
        var a = TestData.Uniform(8, 3 * 5);
        var bt = TestData.Uniform(9, 4 * 5);
        var c = TestData.Uniform(10, 4);
        var result = RunUnary((b, input) => b.Gemm(input, b.AddInitializer("bt", bt, 4, 5), b.AddInitializer("c", c, 4), alpha: 0.5f, beta: 2f, transB: true), a, 3, 5);
        var expected = new float[12];
        for (var i = 0; i < 3; i++)
        for (var j = 0; j < 4; j++)
        {
            double sum = 0;
            for (var t = 0; t < 5; t++) sum += (double)a[i * 5 + t] * bt[j * 5 + t];
            expected[i * 4 + j] = (float)(0.5 * sum + 2 * c[j]);
        }
        TestData.AssertClose(expected, result.Data);
    }

    [Theory]
    [InlineData("ReduceMin")]
    [InlineData("ReduceMax")]
    [InlineData("ReduceSum")]
    [InlineData("ReduceMean")]
    public void Reductions_over_the_middle_axis(string op)
    {
        var x = TestData.Uniform(11, 2 * 3 * 4);
        var result = RunUnary((b, input) => op switch
        {
            "ReduceMin" => b.ReduceMin(input, [1], keepDims: false),
            "ReduceMax" => b.ReduceMax(input, [1], keepDims: false),
            "ReduceSum" => b.ReduceSum(input, [1], keepDims: false),
            _ => b.ReduceMean(input, [1], keepDims: false),
        }, x, 2, 3, 4);
        Assert.Equal([2L, 4], result.Shape);
        var expected = new float[8];
        for (var n = 0; n < 2; n++)
        for (var k = 0; k < 4; k++)
        {
            var values = Enumerable.Range(0, 3).Select(j => x[(n * 3 + j) * 4 + k]).ToArray();
            expected[n * 4 + k] = op switch { "ReduceMin" => values.Min(), "ReduceMax" => values.Max(), "ReduceSum" => values.Sum(), _ => values.Average() };
        }
        TestData.AssertClose(expected, result.Data);
    }

    [Fact]
    public void TopK_returns_the_k_smallest_values_and_their_indices()
    {
        var x = TestData.Uniform(12, 3 * 7);
        var b = new GraphBuilder("test");
        var input = b.AddInput("x", DataType.Float, 3, 7);
        var (values, indices) = b.TopK(input, 2, axis: 1, largest: false);
        b.AddOutput(values, DataType.Float);
        b.AddOutput(indices, DataType.Int64);
        var result = OrtRunner.Run(b.Model, ("x", x, [3, 7]));
        for (var row = 0; row < 3; row++)
        {
            var order = Enumerable.Range(0, 7).OrderBy(i => x[row * 7 + i]).Take(2).ToArray();
            Assert.Equal(order.Select(i => (float)i), result[indices].Data.Skip(row * 2).Take(2));
            Assert.Equal(order.Select(i => x[row * 7 + i]), result[values].Data.Skip(row * 2).Take(2));
        }
    }

    [Fact]
    public void Resize_linear_half_pixel_matches_bilinear_interpolation()
    {
        var x = TestData.Uniform(13, 1 * 2 * 3 * 4);
        var result = RunUnary((b, input) => b.Resize(input, [1, 2, 6, 8]), x, 1, 2, 3, 4);
        Assert.Equal([1L, 2, 6, 8], result.Shape);
        var expected = new float[2 * 6 * 8];
        for (var c = 0; c < 2; c++)
        for (var oy = 0; oy < 6; oy++)
        for (var ox = 0; ox < 8; ox++)
        {
            var (y0, y1, fy) = ReferenceMath.HalfPixel(oy, 3, 6);
            var (x0, x1, fx) = ReferenceMath.HalfPixel(ox, 4, 8);
            float At(int y, int xx) => x[(c * 3 + y) * 4 + xx];
            var top = At(y0, x0) * (1 - fx) + At(y0, x1) * fx;
            var bottom = At(y1, x0) * (1 - fx) + At(y1, x1) * fx;
            expected[(c * 6 + oy) * 8 + ox] = top * (1 - fy) + bottom * fy;
        }
        TestData.AssertClose(expected, result.Data, 1e-5f);
    }

    [Fact]
    public void Resize_by_scales_with_nearest_repeats_pixels()
    {
        var x = TestData.Uniform(14, 2 * 3);
        var result = RunUnary((b, input) => b.ResizeByScales(input, [1f, 1f, 2f, 2f], mode: "nearest", coordinateMode: "asymmetric"), x, 1, 1, 2, 3);
        Assert.Equal([1L, 1, 4, 6], result.Shape);
        for (var y = 0; y < 4; y++)
        for (var xx = 0; xx < 6; xx++)
            Assert.Equal(x[y / 2 * 3 + xx / 2], result.Data[y * 6 + xx]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AveragePool_3x3_same_padding_divides_as_configured(bool countIncludePad)
    {
        var x = TestData.Uniform(15, 1 * 2 * 5 * 4);
        var result = RunUnary((b, input) => b.AveragePool(input, [3, 3], [1, 1], [1, 1, 1, 1], countIncludePad), x, 1, 2, 5, 4);
        var expected = new float[x.Length];
        for (var c = 0; c < 2; c++)
        for (var y = 0; y < 5; y++)
        for (var xx = 0; xx < 4; xx++)
        {
            float sum = 0;
            var count = 0;
            for (var dy = -1; dy <= 1; dy++)
            for (var dx = -1; dx <= 1; dx++)
            {
                int iy = y + dy, ix = xx + dx;
                if (iy < 0 || iy >= 5 || ix < 0 || ix >= 4) continue;
                sum += x[(c * 5 + iy) * 4 + ix];
                count++;
            }
            expected[(c * 5 + y) * 4 + xx] = sum / (countIncludePad ? 9 : count);
        }
        TestData.AssertClose(expected, result.Data);
    }

    [Fact]
    public void MaxPool_2x2_takes_block_maxima()
    {
        var x = TestData.Uniform(16, 4 * 6);
        var result = RunUnary((b, input) => b.MaxPool(input, [2, 2], [2, 2]), x, 1, 1, 4, 6);
        Assert.Equal([1L, 1, 2, 3], result.Shape);
        for (var y = 0; y < 2; y++)
        for (var xx = 0; xx < 3; xx++)
        {
            var max = new[] { x[2 * y * 6 + 2 * xx], x[2 * y * 6 + 2 * xx + 1], x[(2 * y + 1) * 6 + 2 * xx], x[(2 * y + 1) * 6 + 2 * xx + 1] }.Max();
            Assert.Equal(max, result.Data[y * 3 + xx]);
        }
    }

    [Fact]
    public void Softmax_normalises_the_last_axis()
    {
        var x = TestData.Uniform(17, 2 * 5, -3, 3);
        var result = RunUnary((b, input) => b.Softmax(input), x, 2, 5);
        var expected = new float[10];
        for (var row = 0; row < 2; row++)
        {
            var sum = Enumerable.Range(0, 5).Sum(i => Math.Exp(x[row * 5 + i]));
            for (var i = 0; i < 5; i++) expected[row * 5 + i] = (float)(Math.Exp(x[row * 5 + i]) / sum);
        }
        TestData.AssertClose(expected, result.Data);
    }

    [Theory]
    [InlineData("Sqrt")]
    [InlineData("Exp")]
    [InlineData("Log")]
    [InlineData("Relu")]
    [InlineData("Neg")]
    [InlineData("Abs")]
    [InlineData("Sigmoid")]
    public void Unary_operators_apply_element_wise(string op)
    {
        var x = op is "Sqrt" or "Log" ? TestData.Uniform(18, 12, 0.1f, 4f) : TestData.Uniform(18, 12, -2f, 2f);
        var result = RunUnary((b, input) => op switch
        {
            "Sqrt" => b.Sqrt(input), "Exp" => b.Exp(input), "Log" => b.Log(input), "Relu" => b.Relu(input),
            "Neg" => b.Neg(input), "Abs" => b.Abs(input), _ => b.Sigmoid(input),
        }, x, 3, 4);
        var expected = x.Select(v => op switch
        {
            "Sqrt" => MathF.Sqrt(v), "Exp" => MathF.Exp(v), "Log" => MathF.Log(v), "Relu" => MathF.Max(v, 0),
            "Neg" => -v, "Abs" => MathF.Abs(v), _ => 1 / (1 + MathF.Exp(-v)),
        }).ToArray();
        TestData.AssertClose(expected, result.Data);
    }

    [Fact]
    public void Clip_bounds_both_sides_and_one_side()
    {
        var x = TestData.Uniform(19, 10);
        var both = RunUnary((b, input) => b.Clip(input, -0.2f, 0.5f), x, 10);
        var lower = RunUnary((b, input) => b.Clip(input, 0f, null), x, 10);
        TestData.AssertClose(x.Select(v => Math.Clamp(v, -0.2f, 0.5f)).ToArray(), both.Data);
        TestData.AssertClose(x.Select(v => MathF.Max(v, 0f)).ToArray(), lower.Data);
    }

    [Fact]
    public void Concat_joins_along_channels()
    {
        var x = TestData.Uniform(20, 2 * 1 * 3);
        var other = TestData.Uniform(21, 2 * 2 * 3);
        var result = RunUnary((b, input) => b.Concat([input, b.AddInitializer("o", other, 2, 2, 3)], 1), x, 2, 1, 3);
        Assert.Equal([2L, 3, 3], result.Shape);
        for (var n = 0; n < 2; n++)
        {
            Assert.Equal(x.Skip(n * 3).Take(3), result.Data.Skip(n * 9).Take(3));
            Assert.Equal(other.Skip(n * 6).Take(6), result.Data.Skip(n * 9 + 3).Take(6));
        }
    }

    [Fact]
    public void Reshape_Transpose_Unsqueeze_Squeeze_move_elements_as_numpy_does()
    {
        var x = TestData.Uniform(22, 2 * 3 * 4);
        var reshaped = RunUnary((b, input) => b.Reshape(input, [0, -1]), x, 2, 3, 4);
        Assert.Equal([2L, 12], reshaped.Shape);
        Assert.Equal(x, reshaped.Data);

        var transposed = RunUnary((b, input) => b.Transpose(input, [2, 0, 1]), x, 2, 3, 4);
        Assert.Equal([4L, 2, 3], transposed.Shape);
        for (var i = 0; i < 2; i++)
        for (var j = 0; j < 3; j++)
        for (var k = 0; k < 4; k++)
            Assert.Equal(x[(i * 3 + j) * 4 + k], transposed.Data[(k * 2 + i) * 3 + j]);

        var roundTrip = RunUnary((b, input) => b.Squeeze(b.Unsqueeze(input, [0, 3]), [0]), x, 2, 3, 4);
        Assert.Equal([2L, 3, 1, 4], roundTrip.Shape);
        Assert.Equal(x, roundTrip.Data);
    }

    [Fact]
    public void Slice_with_steps_and_Gather_select_like_numpy()
    {
        var x = TestData.Uniform(23, 3 * 8);
        var sliced = RunUnary((b, input) => b.Slice(input, [1, 1], [3, 8], [0, 1], [1, 3]), x, 3, 8);
        Assert.Equal([2L, 3], sliced.Shape);
        Assert.Equal(new[] { x[9], x[12], x[15], x[17], x[20], x[23] }, sliced.Data);

        var gathered = RunUnary((b, input) => b.Gather(input, b.AddInitializer("idx", [7L, 0L, 7L], 3), axis: 1), x, 3, 8);
        Assert.Equal([3L, 3], gathered.Shape);
        for (var r = 0; r < 3; r++) Assert.Equal(new[] { x[r * 8 + 7], x[r * 8], x[r * 8 + 7] }, gathered.Data.Skip(r * 3).Take(3));
    }
}
