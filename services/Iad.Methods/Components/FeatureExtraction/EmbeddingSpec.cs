namespace Iad.Methods.Components.FeatureExtraction;

/// <summary>How layer2 and layer3 become one embedding per layer2 position.</summary>
/// <param name="LocalAggregation">3×3 average pooling, stride 1, padding 1, divisor 9 (PyTorch's <c>AvgPool2d(3, 1, 1)</c>) on each layer first.</param>
/// <param name="Upsampling">How layer3 is resized to layer2's grid.</param>
/// <param name="ChannelSubset">Indices into the concatenated [layer2, layer3] channels to keep, or null for all.</param>
public sealed record EmbeddingSpec(bool LocalAggregation, EmbeddingUpsampling Upsampling, IReadOnlyList<int>? ChannelSubset = null)
{
    /// <summary>PatchCore: aggregation, bilinear, all channels.</summary>
    public static EmbeddingSpec PatchCore { get; } = new(true, EmbeddingUpsampling.Bilinear);
}

/// <summary>Resampling of layer3 onto layer2's grid.</summary>
public enum EmbeddingUpsampling
{
    /// <summary>Bilinear, half-pixel centres, edge-clamped (PyTorch <c>interpolate(mode="bilinear", align_corners=False)</c>).</summary>
    Bilinear,

    /// <summary>Nearest, source index ⌊x · in / out⌋ (PyTorch <c>interpolate(mode="nearest")</c>).</summary>
    Nearest,
}
