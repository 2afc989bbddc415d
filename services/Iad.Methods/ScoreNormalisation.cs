using System.Globalization;

namespace Iad.Methods;

/// <summary>
/// Min–max statistics of the raw image scores of the training images, written to <c>iad.score_normalisation</c> as
/// <c>{"kind":"minmax","source":"train","min":m,"max":M}</c>. A consumer normalises a raw score s as (s − min) / (max − min);
/// training images map into [0, 1] and anomalies above 1. The detector graph itself outputs raw scores.
/// </summary>
public sealed record ScoreNormalisation(float Min, float Max)
{
    /// <summary>Statistics of <paramref name="scores"/> (must not be empty).</summary>
    public static ScoreNormalisation FromScores(ReadOnlySpan<float> scores)
    {
        if (scores.IsEmpty) throw new ArgumentException("Score normalisation needs at least one training score.", nameof(scores));
        return new ScoreNormalisation(System.Numerics.Tensors.TensorPrimitives.Min(scores), System.Numerics.Tensors.TensorPrimitives.Max(scores));
    }

    /// <summary>The metadata JSON.</summary>
    public string ToJson() => string.Create(CultureInfo.InvariantCulture, $"{{\"kind\":\"minmax\",\"source\":\"train\",\"min\":{Min:R},\"max\":{Max:R}}}");
}
