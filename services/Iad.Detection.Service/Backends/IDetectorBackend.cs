using Iad.Onnx.Detector;
using Iad.Onnx.Runtime;

namespace Iad.Detection.Service.Backends;

/// <summary>
/// What the scheduler needs from an inference engine: load (the constructor or factory), warm up, and execute a batch
/// of images laid out in the backend's own input buffer. Not re-entrant: one scheduler loop drives one backend.
/// </summary>
public interface IDetectorBackend : IDisposable
{
    /// <summary>The execution provider that actually runs the model.</summary>
    ExecutionProviderKind Provider { get; }

    /// <summary>Why an <c>auto</c> preference fell back to CPU, or null.</summary>
    string? ProviderFallbackReason { get; }

    /// <summary>Input height in pixels.</summary>
    int InputHeight { get; }

    /// <summary>Input width in pixels.</summary>
    int InputWidth { get; }

    /// <summary>Floats per image: 3 · H · W.</summary>
    int ImageLength { get; }

    /// <summary>All metadata properties of the model.</summary>
    IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>Runs one batch of <paramref name="batchSize"/> zero images so the first real batch pays no set-up cost.</summary>
    void WarmUp(int batchSize);

    /// <summary>The input buffer for <paramref name="batchSize"/> images, [N, 3, H, W] RGB in [0, 1].</summary>
    Span<float> GetInputBuffer(int batchSize);

    /// <summary>Runs the first <paramref name="batchSize"/> images of the input buffer; outputs stay valid until the next call.</summary>
    DetectorOutputs Execute(int batchSize);
}
