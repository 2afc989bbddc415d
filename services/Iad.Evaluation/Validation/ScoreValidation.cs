namespace Iad.Evaluation.Validation;

/// <summary>Argument checks shared by all metrics; every message names the offending index or value.</summary>
internal static class ScoreValidation
{
    /// <summary>Checks lengths, labels in {0, 1} and scores free of NaN; returns the number of positives.</summary>
    public static int CheckBinary(ReadOnlySpan<int> labels, ReadOnlySpan<double> scores)
    {
        if (labels.Length != scores.Length)
            throw new ArgumentException($"labels has {labels.Length} entries but scores has {scores.Length}.", nameof(scores));
        var positives = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            var label = labels[i];
            if (label is not (0 or 1))
                throw new ArgumentException($"label at index {i} is {label}; labels must be 0 (normal) or 1 (anomalous).", nameof(labels));
            if (double.IsNaN(scores[i]))
                throw new ArgumentException($"score at index {i} is NaN.", nameof(scores));
            positives += label;
        }
        return positives;
    }

    /// <summary>Throws <see cref="UndefinedMetricException"/> unless both classes are present.</summary>
    public static void RequireBothClasses(string metric, long positives, long negatives)
    {
        if (positives == 0 || negatives == 0)
            throw new UndefinedMetricException(metric,
                $"both classes are required but there are {positives} anomalous and {negatives} normal entries.");
    }

    /// <summary>Throws <see cref="UndefinedMetricException"/> unless at least one positive is present.</summary>
    public static void RequirePositives(string metric, long positives)
    {
        if (positives == 0)
            throw new UndefinedMetricException(metric, "there are no anomalous entries.");
    }

    /// <summary>Checks an FPR integration limit lies in (0, 1].</summary>
    public static void CheckFprLimit(double fprLimit)
    {
        if (!(fprLimit > 0 && fprLimit <= 1))
            throw new ArgumentOutOfRangeException(nameof(fprLimit), fprLimit, "the FPR limit must lie in (0, 1].");
    }
}
