using Iad.Onnx.Runtime;

namespace Iad.Onnx.Detector;

/// <summary>
/// A loaded detector (SPEC §4 contract, see <see cref="DetectorContract"/>): owns the ONNX Runtime session, chooses the
/// execution provider, reads and checks the metadata at load, warms up with one zero image, and runs batches into
/// reused buffers. One caller at a time (the detection service's batcher); results stay valid until the next run.
/// </summary>
public sealed class DetectorSession : IDisposable
{
    private readonly TensorSession _session;
    private readonly int _scoreIndex;
    private readonly int _mapIndex;

    private DetectorSession(CreatedSession created, DetectorSessionOptions options)
    {
        try
        {
            var properties = new Dictionary<string, string>(created.Session.ModelMetadata.CustomMetadataMap, StringComparer.Ordinal);
            Metadata = DetectorMetadata.Parse(properties);
        }
        catch
        {
            created.Session.Dispose();
            throw;
        }
        _session = new TensorSession(created, new TensorSessionOptions
        {
            Settings = options.Settings,
            InputName = DetectorContract.ImageInput,
            SampleShape = [DetectorContract.Channels, Metadata.InputHeight, Metadata.InputWidth],
            OutputNames = [DetectorContract.ScoreOutput, DetectorContract.AnomalyMapOutput],
            PreallocateBatchSize = options.PreallocateBatchSize,
        });
        _scoreIndex = 0;
        _mapIndex = 1;
        try
        {
            CheckOutputShapes();
        }
        catch
        {
            _session.Dispose();
            throw;
        }
    }

    /// <summary>Loads the detector file at <paramref name="modelPath"/>.</summary>
    /// <exception cref="ModelContractException">Inputs, outputs, shapes or metadata break the detector contract.</exception>
    /// <exception cref="ExecutionProviderUnavailableException">CUDA was requested explicitly and cannot be used.</exception>
    public static DetectorSession Open(string modelPath, DetectorSessionOptions? options = null)
    {
        options ??= new DetectorSessionOptions();
        return new DetectorSession(OnnxSessionFactory.Create(modelPath, options.Settings), options);
    }

    /// <summary>Loads a serialized detector held in memory.</summary>
    public static DetectorSession Open(byte[] model, DetectorSessionOptions? options = null)
    {
        options ??= new DetectorSessionOptions();
        return new DetectorSession(OnnxSessionFactory.Create(model, options.Settings), options);
    }

    /// <summary>The parsed detector metadata.</summary>
    public DetectorMetadata Metadata { get; }

    /// <summary>All <c>metadata_props</c> of the model, including keys beyond the contract.</summary>
    public IReadOnlyDictionary<string, string> MetadataProperties => _session.Metadata;

    /// <summary>The execution provider in use.</summary>
    public ExecutionProviderKind Provider => _session.Provider;

    /// <summary><c>cpu</c> or <c>cuda</c>.</summary>
    public string ProviderName => _session.Provider.ToName();

    /// <summary>Why <c>auto</c> fell back to CPU, or null.</summary>
    public string? ProviderFallbackReason => _session.ProviderFallbackReason;

    /// <summary>Input height in pixels.</summary>
    public int InputHeight => Metadata.InputHeight;

    /// <summary>Input width in pixels.</summary>
    public int InputWidth => Metadata.InputWidth;

    /// <summary>Floats per input image: 3 · H · W.</summary>
    public int ImageLength => _session.SampleLength;

    /// <summary>Duration of the warm-up run at load.</summary>
    public TimeSpan WarmUpTime => _session.WarmUpTime;

    /// <summary>The reusable input buffer for <paramref name="batchSize"/> images, [N, 3, H, W] RGB in [0, 1]; fill it, then call <see cref="Run(int)"/>.</summary>
    public Span<float> GetInputBuffer(int batchSize) => _session.GetInputBuffer(batchSize);

    /// <summary>Runs the first <paramref name="batchSize"/> images of the input buffer.</summary>
    public DetectorOutputs Run(int batchSize)
    {
        _session.Run(batchSize);
        return Outputs(batchSize);
    }

    /// <summary>Runs <paramref name="images"/> ([N, 3, H, W] RGB in [0, 1], row-major).</summary>
    /// <exception cref="ArgumentException">The length is not N · 3 · H · W.</exception>
    public DetectorOutputs Run(ReadOnlySpan<float> images, int batchSize)
    {
        _session.Run(images, batchSize);
        return Outputs(batchSize);
    }

    public void Dispose() => _session.Dispose();

    private DetectorOutputs Outputs(int batchSize) =>
        new(batchSize, InputHeight, InputWidth, _session.GetOutput(_scoreIndex), _session.GetOutput(_mapIndex));

    private void CheckOutputShapes()
    {
        var score = _session.OutputSampleShape(_scoreIndex);
        if (score.Count != 0)
            throw new ModelContractException($"Output '{DetectorContract.ScoreOutput}' must be [N]; one sample gives [1,{string.Join(",", score)}].");
        var map = _session.OutputSampleShape(_mapIndex);
        if (map.Count != 3 || map[0] != 1 || map[1] != InputHeight || map[2] != InputWidth)
            throw new ModelContractException(
                $"Output '{DetectorContract.AnomalyMapOutput}' must be [N,1,{InputHeight},{InputWidth}]; one sample gives [1,{string.Join(",", map)}].");
    }
}
