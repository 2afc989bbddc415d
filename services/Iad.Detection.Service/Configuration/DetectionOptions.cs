using Iad.Imaging.Decoding;

namespace Iad.Detection.Service.Configuration;

/// <summary>
/// Settings of the detection service, bound from <c>Iad:Detection</c> (appsettings.json, environment variables such
/// as <c>Iad__Detection__TrainingAddress</c>, or <c>--Iad:Detection:TrainingAddress=…</c> on the command line).
/// </summary>
public sealed class DetectionOptions
{
    public const string SectionName = "Iad:Detection";

    /// <summary>
    /// Address of the training service whose model registry LoadModel pulls from, e.g. <c>http://127.0.0.1:7102</c>
    /// (<c>dns:///training:7102</c>-style names work through the gRPC client). Absent: registry ids fail with
    /// FAILED_PRECONDITION and only <c>file:</c> ids can be loaded.
    /// </summary>
    public string? TrainingAddress { get; set; }

    /// <summary>
    /// Folder from which LoadModel may load ONNX files directly with ids of the form <c>file:&lt;path&gt;</c> (absolute, or
    /// relative to this folder), for development and tests. The resolved path must stay inside the folder (no
    /// traversal or symlink escape). Absent: <c>file:</c> ids are refused with PERMISSION_DENIED.
    /// </summary>
    public string? LocalModelRoot { get; set; }

    /// <summary>Largest width · height an encoded image may declare; larger ones fail with RESOURCE_EXHAUSTED before decoding.</summary>
    public long MaxDecodedPixels { get; set; } = DecodeOptions.DefaultMaxPixels;

    /// <summary>Stream elements of one DetectStream call that may be in flight (read but not yet answered); reading pauses beyond it.</summary>
    public int MaxStreamInFlight { get; set; } = 64;

    /// <summary>Largest ONNX file accepted from the registry, bytes (a download announcing more is refused before it starts).</summary>
    public long MaxModelBytes { get; set; } = 8L << 30;

    /// <summary>Chunk size asked of the registry when downloading, bytes (4 KiB..4 MiB).</summary>
    public int DownloadChunkBytes { get; set; } = 1 << 20;

    /// <summary>
    /// Whether ONNX Runtime's idle intra-op threads spin between runs (see <c>SessionSettings.IntraOpSpinning</c>).
    /// Off by default: a spinning worker keeps a core busy after every batch, the core the service needs to send the
    /// response and read the next request.
    /// </summary>
    public bool IntraOpSpinning { get; set; }

    /// <summary>Period of the process and GPU memory sampler, milliseconds.</summary>
    public int MemorySampleIntervalMs { get; set; } = 250;
}
