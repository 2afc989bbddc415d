namespace Iad.Reports;

/// <summary>
/// Thrown when an <see cref="Model.ExperimentReport"/> cannot be rendered because its data are inconsistent
/// (a matrix whose size differs from the task count, an overlay buffer of the wrong length, two methods that would
/// write the same file). The message names the method, the field and the offending numbers.
/// </summary>
public sealed class ReportDataException(string message) : Exception(message);
