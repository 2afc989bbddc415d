using Iad.Methods.Components.Statistics;

namespace Iad.Methods.Tests.Components;

public class GaussianAccumulatorTests
{
    [Fact]
    public void Gives_the_unbiased_covariance_plus_epsilon_and_its_inverse()
    {
        const int positions = 2, d = 3, n = 7;
        var random = new Random(8);
        var samples = new float[n * positions * d];
        for (var i = 0; i < samples.Length; i++) samples[i] = random.NextSingle() * 2;
        var accumulator = new GaussianAccumulator(positions, d);
        accumulator.Add(samples.AsSpan(0, 3 * positions * d), 3);
        accumulator.Add(samples.AsSpan(3 * positions * d), 4);
        var (mean, covariance, inverse) = accumulator.Finish(0.01f);
        for (var p = 0; p < positions; p++)
        {
            double X(int s, int i) => samples[(s * positions + p) * d + i];
            for (var i = 0; i < d; i++)
            {
                var mi = Enumerable.Range(0, n).Average(s => X(s, i));
                Assert.Equal(mi, mean[p * d + i], 1e-5);
                for (var j = 0; j < d; j++)
                {
                    var mj = Enumerable.Range(0, n).Average(s => X(s, j));
                    var c = Enumerable.Range(0, n).Sum(s => (X(s, i) - mi) * (X(s, j) - mj)) / (n - 1) + (i == j ? 0.01 : 0);
                    Assert.Equal(c, covariance[(p * d + i) * d + j], 1e-5);
                    var identity = Enumerable.Range(0, d).Sum(k => (double)covariance[(p * d + i) * d + k] * inverse[(p * d + k) * d + j]);
                    Assert.Equal(i == j ? 1 : 0, identity, 1e-4);
                }
            }
        }
    }

    [Fact]
    public void Pooling_a_fitted_gaussian_equals_fitting_all_samples()
    {
        const int positions = 3, d = 4;
        var random = new Random(9);
        var first = new float[5 * positions * d];
        var second = new float[6 * positions * d];
        for (var i = 0; i < first.Length; i++) first[i] = random.NextSingle();
        for (var i = 0; i < second.Length; i++) second[i] = random.NextSingle() + 0.5f;
        var a = new GaussianAccumulator(positions, d);
        a.Add(first, 5);
        var fitted = a.Finish(0.01f);
        var pooled = new GaussianAccumulator(positions, d);
        pooled.Add(second, 6);
        pooled.AddFitted(fitted.Mean, fitted.Covariance, 5, 0.01f);
        var joint = new GaussianAccumulator(positions, d);
        joint.Add(first, 5);
        joint.Add(second, 6);
        var (pm, pc, _) = pooled.Finish(0.01f);
        var (jm, jc, _) = joint.Finish(0.01f);
        Assert.Equal(11, pooled.Count);
        for (var i = 0; i < pm.Length; i++) Assert.Equal(jm[i], pm[i], 1e-5f);
        for (var i = 0; i < pc.Length; i++) Assert.Equal(jc[i], pc[i], 1e-5f);
    }
}
