using Iad.Onnx.Detector;
using Iad.Onnx.Runtime;

namespace Iad.Detection.Service.Backends;

/// <summary>An ONNX Runtime detector session (see <see cref="DetectorSession"/>) as a scheduler backend.</summary>
public sealed class OnnxDetectorBackend : IDetectorBackend
{
    private readonly DetectorSession _session;

    private OnnxDetectorBackend(DetectorSession session) => _session = session;

    /// <summary>
    /// Opens the detector file at <paramref name="modelPath"/> with <paramref name="settings"/>, allocating buffers for
    /// <paramref name="maxBatchSize"/> images. The session validates the detector contract and warms up at batch 1.
    /// </summary>
    /// <exception cref="ModelContractException">The file breaks the detector contract.</exception>
    /// <exception cref="ExecutionProviderUnavailableException">CUDA was required and cannot be used.</exception>
    public static OnnxDetectorBackend Open(string modelPath, SessionSettings settings, int maxBatchSize) =>
        new(DetectorSession.Open(modelPath, new DetectorSessionOptions { Settings = settings, PreallocateBatchSize = maxBatchSize }));

    public ExecutionProviderKind Provider => _session.Provider;

    public string? ProviderFallbackReason => _session.ProviderFallbackReason;

    public int InputHeight => _session.InputHeight;

    public int InputWidth => _session.InputWidth;

    public int ImageLength => _session.ImageLength;

    public IReadOnlyDictionary<string, string> Metadata => _session.MetadataProperties;

    public void WarmUp(int batchSize)
    {
        GetInputBuffer(batchSize).Clear();
        _session.Run(batchSize);
    }

    public Span<float> GetInputBuffer(int batchSize) => _session.GetInputBuffer(batchSize);

    public DetectorOutputs Execute(int batchSize) => _session.Run(batchSize);

    public void Dispose() => _session.Dispose();
}
