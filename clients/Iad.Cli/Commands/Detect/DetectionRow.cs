using System.Text.Json.Nodes;
using Iad.Contracts.V1;

namespace Iad.Cli.Commands.Detect;

/// <summary>One scored image as <c>iad detect</c> reports it.</summary>
/// <param name="File">Input path.</param>
/// <param name="Score">Image anomaly score (raw, as the model outputs it).</param>
/// <param name="Label">Predicted label: at <c>--threshold</c> when given (score &gt; threshold), else the model's.</param>
/// <param name="LatencyMs">End-to-end server time of the request that carried the image, milliseconds.</param>
/// <param name="RequestImages">Images in that request.</param>
/// <param name="Provider">Execution provider that ran it.</param>
/// <param name="Overlay">Path of the written overlay PNG, or null without <c>--maps</c>.</param>
internal sealed record DetectionRow(string File, float Score, Label Label, double LatencyMs, int RequestImages, ExecutionProvider Provider, string? Overlay)
{
    /// <summary>"normal", "anomalous", or "unknown" when the model has no threshold and none was given.</summary>
    public string LabelText => Label switch
    {
        Label.Normal => "normal",
        Label.Anomalous => "anomalous",
        _ => "unknown",
    };

    /// <summary>"cpu" or "cuda".</summary>
    public string ProviderText => Provider.ToString().ToLowerInvariant();

    public JsonObject ToJson() => new()
    {
        ["file"] = File,
        ["score"] = Score,
        ["label"] = LabelText,
        ["latency_ms"] = LatencyMs,
        ["request_images"] = RequestImages,
        ["provider"] = ProviderText,
        ["overlay"] = Overlay,
    };
}
