using Iad.Contracts.V1;

namespace Iad.Metrics.Service.Tests;

internal static class Rows
{
    public static ResultRow Make(int trained, int evaluated, double auroc, double? pixelAupro = null)
    {
        var row = new ResultRow { TrainedTask = trained, EvalTask = evaluated, ModelId = $"m@{trained + 1}" };
        row.Metrics.Add(new MetricValue { Name = "image_auroc", Value = auroc });
        row.Metrics.Add(pixelAupro is { } v
            ? new MetricValue { Name = "pixel_aupro", Value = v }
            : new MetricValue { Name = "pixel_aupro", UnavailableReason = "no masks" });
        row.Efficiency = new Efficiency { LatencyP50Ms = 12.5, PeakHostBytes = 1 << 30, BankRows = 1000 * (trained + 1) };
        return row;
    }
}
