using Iad.Contracts.V1;
using Iad.Evaluation.Reports;
using LibraryMode = Iad.Evaluation.Pixel.PixelMetricMode;
using LibraryReport = Iad.Evaluation.Reports.EvaluationReport;

namespace Iad.Metrics.Service.Services;

/// <summary>Library report → wire report.</summary>
internal static class ReportMapper
{
    public static Contracts.V1.EvaluationReport ToContract(LibraryReport report)
    {
        var contract = new Contracts.V1.EvaluationReport
        {
            PixelMode = report.PixelMode switch
            {
                LibraryMode.Exact => PixelMetricMode.Exact,
                LibraryMode.Binned => PixelMetricMode.Streaming,
                _ => PixelMetricMode.Unspecified,
            },
            PixelErrorBound = report.PixelErrorBound,
        };
        foreach (var metric in report.Metrics) contract.Metrics.Add(ToContract(metric));
        foreach (var (name, count) in report.Counts) contract.Counts[name] = count;
        foreach (var curve in report.Curves)
        {
            var points = new Curve { Name = curve.Name };
            for (var i = 0; i < curve.X.Length; i++)
                points.Points.Add(new CurvePoint { X = curve.X[i], Y = curve.Y[i], Threshold = i < curve.Thresholds.Length ? curve.Thresholds[i] : 0 });
            contract.Curves.Add(points);
        }
        return contract;
    }

    public static MetricValue ToContract(MetricResult metric)
    {
        var value = new MetricValue { Name = metric.Name, UnavailableReason = metric.UnavailableReason ?? "" };
        if (metric.Value is { } v) value.Value = v;
        if (metric.Threshold is { } t && double.IsFinite(t)) value.Threshold = t;
        return value;
    }
}
