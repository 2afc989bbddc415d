namespace Iad.Onnx.Models;

/// <summary>
/// When and how <see cref="OnnxModelFile.Write"/> moves tensor data into a side file (ONNX external data).
/// Protobuf messages are limited to 2 GiB, so models with large initializers (memory banks) must use it.
/// </summary>
public sealed record ExternalDataOptions
{
    /// <summary>Default threshold: 1.5 GiB of initializer data, leaving headroom under protobuf's 2 GiB message limit.</summary>
    public const long DefaultThresholdBytes = 3L << 29;

    /// <summary>
    /// External data is used when the initializers' raw data totals more than this many bytes.
    /// 0 forces external data whenever there is at least one eligible tensor.
    /// </summary>
    public long ThresholdBytes { get; init; } = DefaultThresholdBytes;

    /// <summary>Only tensors with at least this many bytes of raw data move to the side file; small ones stay inline.</summary>
    public int MinTensorBytes { get; init; } = 1024;

    /// <summary>Side-file name relative to the model's folder; null means the model file name plus <c>.data</c>.</summary>
    public string? FileName { get; init; }

    /// <summary>Each tensor starts at a multiple of this many bytes in the side file, so runtimes can memory-map it.</summary>
    public int Alignment { get; init; } = 4096;
}
