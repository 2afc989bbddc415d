using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Iad.Methods.Components.NearestNeighbours;

/// <summary>
/// Dense block of dot products out[i, j] = a_i · b_j for row-major A [m, c] and B [n, c] (a GEMM A·Bᵀ), computed by a
/// 4×4 register-blocked kernel: each step loads four rows of A and four of B once and issues sixteen fused multiply-adds.
/// </summary>
internal static class DotProductBlock
{
    /// <summary>Writes [m, n] dot products into <paramref name="output"/> (row stride n).</summary>
    public static void Compute(ReadOnlySpan<float> a, int m, ReadOnlySpan<float> b, int n, int c, Span<float> output)
    {
        var i = 0;
        for (; i + 4 <= m; i += 4)
        {
            var j = 0;
            for (; j + 4 <= n; j += 4) Kernel4x4(a.Slice(i * c), b.Slice(j * c), c, output.Slice(i * n + j), n);
            for (; j < n; j++)
            {
                var bj = b.Slice(j * c, c);
                for (var r = 0; r < 4; r++) output[(i + r) * n + j] = TensorPrimitives.Dot(a.Slice((i + r) * c, c), bj);
            }
        }
        for (; i < m; i++)
        {
            var ai = a.Slice(i * c, c);
            for (var j = 0; j < n; j++) output[i * n + j] = TensorPrimitives.Dot(ai, b.Slice(j * c, c));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel4x4(ReadOnlySpan<float> a, ReadOnlySpan<float> b, int c, Span<float> output, int outputStride)
    {
        ref var ra = ref Unsafe.AsRef(in a[0]);
        ref var rb = ref Unsafe.AsRef(in b[0]);
        var s = (nuint)c;
        Vector256<float> s00 = default, s01 = default, s02 = default, s03 = default;
        Vector256<float> s10 = default, s11 = default, s12 = default, s13 = default;
        Vector256<float> s20 = default, s21 = default, s22 = default, s23 = default;
        Vector256<float> s30 = default, s31 = default, s32 = default, s33 = default;
        nuint k = 0;
        for (; k + 8 <= s; k += 8)
        {
            var b0 = Vector256.LoadUnsafe(ref rb, k);
            var b1 = Vector256.LoadUnsafe(ref rb, s + k);
            var b2 = Vector256.LoadUnsafe(ref rb, 2 * s + k);
            var b3 = Vector256.LoadUnsafe(ref rb, 3 * s + k);
            var a0 = Vector256.LoadUnsafe(ref ra, k);
            s00 = Vector256.FusedMultiplyAdd(a0, b0, s00); s01 = Vector256.FusedMultiplyAdd(a0, b1, s01);
            s02 = Vector256.FusedMultiplyAdd(a0, b2, s02); s03 = Vector256.FusedMultiplyAdd(a0, b3, s03);
            var a1 = Vector256.LoadUnsafe(ref ra, s + k);
            s10 = Vector256.FusedMultiplyAdd(a1, b0, s10); s11 = Vector256.FusedMultiplyAdd(a1, b1, s11);
            s12 = Vector256.FusedMultiplyAdd(a1, b2, s12); s13 = Vector256.FusedMultiplyAdd(a1, b3, s13);
            var a2 = Vector256.LoadUnsafe(ref ra, 2 * s + k);
            s20 = Vector256.FusedMultiplyAdd(a2, b0, s20); s21 = Vector256.FusedMultiplyAdd(a2, b1, s21);
            s22 = Vector256.FusedMultiplyAdd(a2, b2, s22); s23 = Vector256.FusedMultiplyAdd(a2, b3, s23);
            var a3 = Vector256.LoadUnsafe(ref ra, 3 * s + k);
            s30 = Vector256.FusedMultiplyAdd(a3, b0, s30); s31 = Vector256.FusedMultiplyAdd(a3, b1, s31);
            s32 = Vector256.FusedMultiplyAdd(a3, b2, s32); s33 = Vector256.FusedMultiplyAdd(a3, b3, s33);
        }
        Span<float> sums =
        [
            Vector256.Sum(s00), Vector256.Sum(s01), Vector256.Sum(s02), Vector256.Sum(s03),
            Vector256.Sum(s10), Vector256.Sum(s11), Vector256.Sum(s12), Vector256.Sum(s13),
            Vector256.Sum(s20), Vector256.Sum(s21), Vector256.Sum(s22), Vector256.Sum(s23),
            Vector256.Sum(s30), Vector256.Sum(s31), Vector256.Sum(s32), Vector256.Sum(s33),
        ];
        for (; k < s; k++)
        {
            for (var r = 0; r < 4; r++)
            {
                var av = Unsafe.Add(ref ra, (nint)((nuint)r * s + k));
                for (var q = 0; q < 4; q++) sums[r * 4 + q] += av * Unsafe.Add(ref rb, (nint)((nuint)q * s + k));
            }
        }
        for (var r = 0; r < 4; r++) sums.Slice(r * 4, 4).CopyTo(output.Slice(r * outputStride, 4));
    }
}
