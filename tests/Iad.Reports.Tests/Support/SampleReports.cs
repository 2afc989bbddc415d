using Iad.Reports.Model;

namespace Iad.Reports.Tests.Support;

/// <summary>Deterministic report inputs built in memory.</summary>
public static class SampleReports
{
    public const string Full = "patchcore";
    public const string Bare = "padim";

    /// <summary>
    /// Two methods over three tasks: "patchcore" with everything (two metrics, curves for two tasks, one of them PR-less,
    /// five overlays: two good, two detected, one missed), "padim" with one metric and efficiency only.
    /// </summary>
    public static ExperimentReport TwoMethods() => new(
        "Continual MVTec subset", "run-7", new DateTime(2025, 3, 4, 5, 6, 7, DateTimeKind.Utc), "Three tasks, shared bank.",
        [FullMethod(), BareMethod()],
        [new Note("Hardware", "2 CPU cores.")]);

    public static MethodResult FullMethod() => new(
        Full, "wide_resnet50_2", ["bottle", "cable", "screw"],
        new Dictionary<string, double[,]>
        {
            [MetricNames.ImageAuroc] = Lower3(0.991, 0.962, 0.944, 0.951, 0.902, 0.876),
            [MetricNames.PixelAuroc] = Lower3(0.981, 0.975, 0.933, 0.970, 0.921, 0.911),
        },
        new Dictionary<string, double> { [MetricNames.ImageAuroc] = 0.0456, [MetricNames.PixelAuroc] = 0.0095 },
        new Dictionary<string, double> { [MetricNames.ImageAuroc] = 0.9097, [MetricNames.PixelAuroc] = 0.9340 },
        new EfficiencySummary(41.25, 48.5, 55.0, 23.8, 1_500_000_000, 180_000_000, 16_384, 95.4),
        [
            new TaskCurves("bottle", Roc(0.9), PrecisionRecall(), Pro()),
            new TaskCurves("screw", Roc(0.6), null, Pro()),
        ],
        [
            Overlay("good-1", anomalous: false, score: 0.2, withMask: false),
            Overlay("hit-1", anomalous: true, score: 0.9, withMask: true),
            Overlay("good-2", anomalous: false, score: 0.7, withMask: false),
            Overlay("miss-1", anomalous: true, score: 0.3, withMask: true),
            Overlay("hit-2", anomalous: true, score: 0.8, withMask: true),
        ]);

    public static MethodResult BareMethod() => new(
        Bare, "resnet18", ["bottle", "cable", "screw"],
        new Dictionary<string, double[,]> { [MetricNames.ImageAuroc] = Lower3(0.97, 0.71, 0.93, 0.52, 0.64, 0.90) },
        new Dictionary<string, double> { [MetricNames.ImageAuroc] = 0.34 },
        new Dictionary<string, double> { [MetricNames.ImageAuroc] = 0.6867 },
        new EfficiencySummary(12.5, 14.0, 20.0, 80.0, 400_000_000, 50_000_000, null, 10.0),
        [], []);

    /// <summary>A lower-triangular 3×3 matrix, NaN above the diagonal, filled row by row.</summary>
    public static double[,] Lower3(double a00, double a10, double a11, double a20, double a21, double a22)
    {
        var n = double.NaN;
        return new[,] { { a00, n, n }, { a10, a11, n }, { a20, a21, a22 } };
    }

    /// <summary>
    /// A 48×32 image: a horizontal grey ramp with a bright square at (20..27, 10..17); the map peaks on the square with
    /// height <paramref name="score"/>; the mask (optional) is the square.
    /// </summary>
    public static OverlaySample Overlay(string caption, bool anomalous, double score, bool withMask, double threshold = 0.5)
    {
        const int w = 48, h = 32;
        var rgb = new byte[w * h * 3];
        var map = new float[w * h];
        var mask = withMask ? new byte[w * h] : null;
        for (var y = 0; y < h; y++)
        for (var x = 0; x < w; x++)
        {
            var i = y * w + x;
            var inSquare = x is >= 20 and < 28 && y is >= 10 and < 18;
            var grey = (byte)(inSquare && anomalous ? 250 : 60 + 3 * x);
            rgb[i * 3] = grey;
            rgb[i * 3 + 1] = grey;
            rgb[i * 3 + 2] = (byte)(grey / 2);
            map[i] = inSquare ? (float)score : 0.05f;
            if (mask is not null && inSquare) mask[i] = 1;
        }
        return new OverlaySample(w, h, rgb, map, mask, anomalous, score, threshold, caption);
    }

    private static Curve Roc(double bend)
    {
        var x = new double[21];
        var y = new double[21];
        for (var i = 0; i <= 20; i++)
        {
            x[i] = i / 20.0;
            y[i] = Math.Pow(x[i], 1 - bend);
        }
        return new Curve(x, y);
    }

    private static Curve PrecisionRecall() => new([0, 0.5, 0.8, 1.0], [1.0, 0.95, 0.8, 0.5]);

    private static Curve Pro() => new([0, 0.1, 0.2, 0.3], [0, 0.6, 0.8, 0.9]);
}
