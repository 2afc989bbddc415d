using Iad.Client.Experiments;
using Iad.Contracts.V1;

namespace Iad.Client.Bench;

/// <summary>
/// The figures of one experiment (or an unweighted mean of several): accuracy of the final model, forgetting for
/// continual sequences, and efficiency. A metric the data cannot define is null (N/A), never 0.
/// </summary>
public sealed record BenchFigures
{
    /// <summary>Image AUROC of the final model, averaged over the tasks it was evaluated on.</summary>
    public double? ImageAuroc { get; init; }

    /// <summary>Pixel AUROC of the final model, averaged over the tasks it was evaluated on.</summary>
    public double? PixelAuroc { get; init; }

    /// <summary>Mean forgetting of image AUROC (continual sequences only).</summary>
    public double? ImageForgetting { get; init; }

    /// <summary>Median per-image server latency of the final model, ms.</summary>
    public double LatencyP50Ms { get; init; }

    /// <summary>95th-percentile per-image server latency of the final model, ms.</summary>
    public double LatencyP95Ms { get; init; }

    /// <summary>Images per second the evaluation achieved.</summary>
    public double ThroughputImagesPerSecond { get; init; }

    /// <summary>Peak resident memory of the detection service while serving the model, bytes (max when averaged).</summary>
    public long PeakHostBytes { get; init; }

    /// <summary>Memory-bank rows of the final model (PatchCore) or positions (PaDiM).</summary>
    public long BankRows { get; init; }

    /// <summary>Fit time of the experiment, s (all tasks of a continual sequence).</summary>
    public double FitSeconds { get; init; }

    /// <summary>Figures of a finished run: the final model's rows (its last trained task) and the metrics service's summary.</summary>
    public static BenchFigures FromRun(Run run, ContinualResult result, bool continual)
    {
        var last = run.Rows.Max(r => r.TrainedTask);
        var final = run.Rows.Where(r => r.TrainedTask == last).ToList();
        var image = result.Summaries["image_auroc"];
        var pixel = result.Summaries["pixel_auroc"];
        return new BenchFigures
        {
            ImageAuroc = image.HasFinalAccuracy ? image.FinalAccuracy : null,
            PixelAuroc = pixel.HasFinalAccuracy ? pixel.FinalAccuracy : null,
            ImageForgetting = continual && image.HasMeanForgetting ? image.MeanForgetting : null,
            LatencyP50Ms = final.Average(r => r.Efficiency.LatencyP50Ms),
            LatencyP95Ms = final.Average(r => r.Efficiency.LatencyP95Ms),
            ThroughputImagesPerSecond = final.Average(r => r.Efficiency.ThroughputImagesPerSecond),
            PeakHostBytes = final.Max(r => r.Efficiency.PeakHostBytes),
            BankRows = final[0].Efficiency.BankRows,
            FitSeconds = run.Rows.GroupBy(r => r.TrainedTask).Sum(g => g.First().Efficiency.FitSeconds),
        };
    }

    /// <summary>
    /// Unweighted mean of <paramref name="parts"/> (category → dataset → suite); N/A parts are left out of a metric's
    /// mean, and a metric N/A in every part stays N/A. Peak memory is the maximum.
    /// </summary>
    public static BenchFigures Mean(IReadOnlyList<BenchFigures> parts)
    {
        ArgumentOutOfRangeException.ThrowIfZero(parts.Count);
        return new BenchFigures
        {
            ImageAuroc = MeanOf(parts.Select(p => p.ImageAuroc)),
            PixelAuroc = MeanOf(parts.Select(p => p.PixelAuroc)),
            ImageForgetting = MeanOf(parts.Select(p => p.ImageForgetting)),
            LatencyP50Ms = parts.Average(p => p.LatencyP50Ms),
            LatencyP95Ms = parts.Average(p => p.LatencyP95Ms),
            ThroughputImagesPerSecond = parts.Average(p => p.ThroughputImagesPerSecond),
            PeakHostBytes = parts.Max(p => p.PeakHostBytes),
            BankRows = (long)Math.Round(parts.Average(p => p.BankRows)),
            FitSeconds = parts.Average(p => p.FitSeconds),
        };
    }

    internal static double? MeanOf(IEnumerable<double?> values)
    {
        var present = values.Where(v => v.HasValue).Select(v => v!.Value).ToList();
        return present.Count == 0 ? null : present.Average();
    }
}
