namespace Iad.Reports.Model;

/// <summary>
/// Checks an <see cref="ExperimentReport"/> before anything is written, so a bad input leaves no half-written report.
/// Throws <see cref="ReportDataException"/> naming the method, field and numbers for: no task names; an accuracy matrix
/// that is not T×T; a curve with empty or unequal X/Y or a non-finite point; an overlay whose size is not positive, whose RGB, map or mask
/// length differs from H·W·3 / H·W / H·W, whose map holds NaN or ±∞, or whose score or threshold is not finite.
/// </summary>
public static class ReportValidation
{
    /// <summary>Validates every method of <paramref name="report"/>.</summary>
    public static void Validate(ExperimentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var method in report.Methods) ValidateMethod(method);
    }

    private static void ValidateMethod(MethodResult m)
    {
        var t = m.TaskNames.Count;
        if (t == 0) throw new ReportDataException($"method '{m.Method}' has no task names; at least one task is required.");
        foreach (var (metric, matrix) in m.AccuracyMatrices)
            if (matrix.GetLength(0) != t || matrix.GetLength(1) != t)
                throw new ReportDataException(
                    $"method '{m.Method}': accuracy matrix '{metric}' is {matrix.GetLength(0)}×{matrix.GetLength(1)}, expected {t}×{t} for {t} tasks.");
        foreach (var c in m.Curves)
        {
            ValidateCurve(m.Method, c.TaskName, "ROC", c.Roc);
            ValidateCurve(m.Method, c.TaskName, "PR", c.PrecisionRecall);
            ValidateCurve(m.Method, c.TaskName, "PRO", c.Pro);
        }
        for (var i = 0; i < m.Overlays.Count; i++) ValidateOverlay(m.Method, i, m.Overlays[i]);
    }

    private static void ValidateCurve(string method, string task, string kind, Curve? curve)
    {
        if (curve is null) return;
        if (curve.X.Length == 0 || curve.X.Length != curve.Y.Length)
            throw new ReportDataException(
                $"method '{method}', task '{task}': {kind} curve has {curve.X.Length} x and {curve.Y.Length} y values; they must be equal and non-zero.");
        for (var i = 0; i < curve.X.Length; i++)
            if (!double.IsFinite(curve.X[i]) || !double.IsFinite(curve.Y[i]))
                throw new ReportDataException(
                    $"method '{method}', task '{task}': {kind} curve point {i} is ({curve.X[i]}, {curve.Y[i]}); points must be finite.");
    }

    private static void ValidateOverlay(string method, int index, OverlaySample o)
    {
        var where = $"method '{method}', overlay {index} ('{o.Caption}')";
        if (o.Width < 1 || o.Height < 1)
            throw new ReportDataException($"{where}: size {o.Width}×{o.Height} must be at least 1×1.");
        var pixels = (long)o.Width * o.Height;
        if (o.Rgb.LongLength != pixels * 3)
            throw new ReportDataException($"{where}: RGB has {o.Rgb.LongLength} bytes, expected {pixels * 3} for {o.Width}×{o.Height}×3.");
        if (o.AnomalyMap.LongLength != pixels)
            throw new ReportDataException($"{where}: anomaly map has {o.AnomalyMap.LongLength} values, expected {pixels} for {o.Width}×{o.Height}.");
        if (o.Mask is { } mask && mask.LongLength != pixels)
            throw new ReportDataException($"{where}: mask has {mask.LongLength} values, expected {pixels} for {o.Width}×{o.Height}.");
        for (var i = 0; i < o.AnomalyMap.Length; i++)
            if (!float.IsFinite(o.AnomalyMap[i]))
                throw new ReportDataException($"{where}: anomaly map value {o.AnomalyMap[i]} at pixel {i} is not finite.");
        if (!double.IsFinite(o.Score) || !double.IsFinite(o.Threshold))
            throw new ReportDataException($"{where}: score {o.Score} and threshold {o.Threshold} must be finite.");
    }
}
