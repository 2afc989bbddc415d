using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Iad.Onnx.Runtime;

/// <summary>
/// An ONNX Runtime session with one float32 input [N, …sample shape] and float32 outputs whose first axis is the
/// batch, run in batches into buffers that are allocated once and reused (grown only when a larger batch arrives):
/// ONNX Runtime writes outputs straight into them through pre-bound <see cref="OrtValue"/>s, so a steady stream of
/// equal batches allocates nothing. A warm-up run with one zero sample at load learns each output's per-sample shape.
/// One caller at a time: output spans stay valid until the next run; concurrent runs throw.
/// </summary>
public sealed class TensorSession : IDisposable
{
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly long[] _sampleShape;
    private readonly int _sampleLength;
    private readonly long[][] _outputSampleShapes;
    private readonly int[] _outputSampleLengths;
    private float[] _input = [];
    private float[][] _outputs;
    private int _capacity;
    private int _boundBatch;
    private OrtValue[] _boundInputs = [];
    private OrtValue[] _boundOutputs = [];
    private int _lastBatch;
    private int _running;
    private bool _disposed;

    /// <summary>Takes ownership of <paramref name="created"/>'s session and warms it up.</summary>
    /// <exception cref="ModelContractException">The input or an output is missing, not float32, or an output's first axis is not the batch.</exception>
    public TensorSession(CreatedSession created, TensorSessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(created);
        _session = created.Session;
        Provider = created.Provider;
        ProviderFallbackReason = created.FallbackReason;
        try
        {
            InputName = options.InputName;
            _inputNames = [InputName];
            _sampleShape = ResolveSampleShape(options);
            _sampleLength = checked((int)Graph.OnnxTensors.ElementCount(_sampleShape));
            _outputNames = ResolveOutputs(options.OutputNames);
            _outputs = new float[_outputNames.Length][];
            Metadata = new Dictionary<string, string>(_session.ModelMetadata.CustomMetadataMap, StringComparer.Ordinal);
            (_outputSampleShapes, WarmUpTime) = Probe();
            _outputSampleLengths = [.. _outputSampleShapes.Select(s => checked((int)Graph.OnnxTensors.ElementCount(s)))];
            EnsureCapacity(Math.Max(1, options.PreallocateBatchSize));
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Opens the model file at <paramref name="modelPath"/>.</summary>
    public static TensorSession Open(string modelPath, TensorSessionOptions? options = null)
    {
        options ??= new TensorSessionOptions();
        return new TensorSession(OnnxSessionFactory.Create(modelPath, options.Settings), options);
    }

    /// <summary>Opens a serialized model held in memory.</summary>
    public static TensorSession Open(byte[] model, TensorSessionOptions? options = null)
    {
        options ??= new TensorSessionOptions();
        return new TensorSession(OnnxSessionFactory.Create(model, options.Settings), options);
    }

    /// <summary>The execution provider in use.</summary>
    public ExecutionProviderKind Provider { get; }

    /// <summary>Why <c>auto</c> fell back to CPU, or null.</summary>
    public string? ProviderFallbackReason { get; }

    /// <summary>The model's <c>metadata_props</c>.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>Name of the fed input.</summary>
    public string InputName { get; }

    /// <summary>Shape of one input sample (no batch axis).</summary>
    public IReadOnlyList<long> SampleShape => _sampleShape;

    /// <summary>Number of floats in one input sample.</summary>
    public int SampleLength => _sampleLength;

    /// <summary>Computed outputs, in the order used by <see cref="GetOutput"/>.</summary>
    public IReadOnlyList<string> OutputNames => _outputNames;

    /// <summary>Duration of the warm-up run at load (batch 1).</summary>
    public TimeSpan WarmUpTime { get; }

    /// <summary>Per-sample shape of output <paramref name="index"/> (no batch axis; empty for one scalar per sample).</summary>
    public IReadOnlyList<long> OutputSampleShape(int index) => _outputSampleShapes[index];

    /// <summary>Number of floats per sample in output <paramref name="index"/>.</summary>
    public int OutputSampleLength(int index) => _outputSampleLengths[index];

    /// <summary>
    /// The reusable input buffer for a batch of <paramref name="batchSize"/> samples (row-major [N, …sample shape]);
    /// fill it and call <see cref="Run(int)"/> to avoid a copy.
    /// </summary>
    public Span<float> GetInputBuffer(int batchSize)
    {
        CheckBatch(batchSize);
        EnsureCapacity(batchSize);
        return _input.AsSpan(0, batchSize * _sampleLength);
    }

    /// <summary>Copies <paramref name="input"/> ([N, …sample shape], row-major) into the input buffer and runs it.</summary>
    /// <exception cref="ArgumentException">The length is not <paramref name="batchSize"/> × <see cref="SampleLength"/>.</exception>
    public void Run(ReadOnlySpan<float> input, int batchSize)
    {
        CheckBatch(batchSize);
        if (input.Length != (long)batchSize * _sampleLength)
            throw new ArgumentException($"Input has {input.Length} floats; batch {batchSize} × [{string.Join(",", _sampleShape)}] needs {(long)batchSize * _sampleLength}.", nameof(input));
        input.CopyTo(GetInputBuffer(batchSize));
        Run(batchSize);
    }

    /// <summary>Runs the first <paramref name="batchSize"/> samples of the input buffer.</summary>
    public void Run(int batchSize)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        CheckBatch(batchSize);
        if (Interlocked.CompareExchange(ref _running, 1, 0) != 0)
            throw new InvalidOperationException("TensorSession.Run was called concurrently; a session serves one caller at a time.");
        try
        {
            EnsureCapacity(batchSize);
            Bind(batchSize);
            _session.Run(_runOptions, _inputNames, _boundInputs, _outputNames, _boundOutputs);
            _lastBatch = batchSize;
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    /// <summary>Output <paramref name="index"/> of the last run, [N, …output sample shape]; valid until the next run.</summary>
    public ReadOnlySpan<float> GetOutput(int index)
    {
        if (_lastBatch == 0) throw new InvalidOperationException("No batch has been run yet.");
        return _outputs[index].AsSpan(0, _lastBatch * _outputSampleLengths[index]);
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        Unbind();
        _runOptions.Dispose();
        _session.Dispose();
    }

    private long[] ResolveSampleShape(TensorSessionOptions options)
    {
        if (!_session.InputMetadata.TryGetValue(InputName, out var input))
            throw new ModelContractException($"The model has no input '{InputName}'; its inputs are [{string.Join(", ", _session.InputMetadata.Keys)}].");
        if (input.ElementDataType != TensorElementType.Float)
            throw new ModelContractException($"Input '{InputName}' has element type {input.ElementDataType}; float32 is required.");
        if (_session.InputMetadata.Count != 1)
            throw new ModelContractException($"The model has {_session.InputMetadata.Count} inputs [{string.Join(", ", _session.InputMetadata.Keys)}]; exactly one is supported.");
        var dims = input.Dimensions;
        if (options.SampleShape is { } given)
        {
            if (dims.Length != given.Length + 1)
                throw new ModelContractException($"Input '{InputName}' has rank {dims.Length}; sample shape [{string.Join(",", given)}] needs rank {given.Length + 1}.");
            for (var i = 0; i < given.Length; i++)
            {
                if (given[i] <= 0) throw new ArgumentOutOfRangeException(nameof(options), $"Sample shape [{string.Join(",", given)}] has a non-positive dimension.");
                if (dims[i + 1] > 0 && dims[i + 1] != given[i])
                    throw new ModelContractException($"Input '{InputName}' fixes axis {i + 1} to {dims[i + 1]}, but the sample shape asks for {given[i]}.");
            }
            return [.. given];
        }
        if (dims.Length < 1 || dims.Skip(1).Any(d => d <= 0))
            throw new ModelContractException($"Input '{InputName}' has dimensions [{string.Join(",", dims)}] with symbolic non-batch axes; give a sample shape.");
        return [.. dims.Skip(1).Select(d => (long)d)];
    }

    private string[] ResolveOutputs(IReadOnlyList<string>? requested)
    {
        var names = requested?.ToArray() ?? [.. _session.OutputNames];
        foreach (var name in names)
        {
            if (!_session.OutputMetadata.TryGetValue(name, out var output))
                throw new ModelContractException($"The model has no output '{name}'; its outputs are [{string.Join(", ", _session.OutputNames)}].");
            if (output.ElementDataType != TensorElementType.Float)
                throw new ModelContractException($"Output '{name}' has element type {output.ElementDataType}; float32 is required.");
        }
        return names;
    }

    private (long[][] Shapes, TimeSpan Time) Probe()
    {
        var zeros = new float[_sampleLength];
        long[] shape = [1, .. _sampleShape];
        using var input = OrtValue.CreateTensorValueFromMemory(zeros, shape);
        var start = Stopwatch.GetTimestamp();
        using var results = _session.Run(_runOptions, _inputNames, [input], _outputNames);
        var time = Stopwatch.GetElapsedTime(start);
        var shapes = new long[_outputNames.Length][];
        for (var i = 0; i < shapes.Length; i++)
        {
            var dims = results[i].GetTensorTypeAndShape().Shape;
            if (dims.Length == 0 || dims[0] != 1)
                throw new ModelContractException($"Output '{_outputNames[i]}' has shape [{string.Join(",", dims)}] for a batch of 1; its first axis must be the batch.");
            shapes[i] = dims[1..];
        }
        return (shapes, time);
    }

    private void EnsureCapacity(int batchSize)
    {
        if (batchSize <= _capacity) return;
        Unbind();
        // Pinned-heap arrays: ONNX Runtime holds raw pointers to them for as long as the bound OrtValues live.
        _input = GC.AllocateUninitializedArray<float>(checked(batchSize * _sampleLength), pinned: true);
        for (var i = 0; i < _outputs.Length; i++)
            _outputs[i] = GC.AllocateUninitializedArray<float>(checked(batchSize * _outputSampleLengths[i]), pinned: true);
        _capacity = batchSize;
        _lastBatch = 0;
    }

    private void Bind(int batchSize)
    {
        if (_boundBatch == batchSize) return;
        Unbind();
        var memoryInfo = OrtMemoryInfo.DefaultInstance;
        _boundInputs = [OrtValue.CreateTensorValueFromMemory(memoryInfo, _input.AsMemory(0, batchSize * _sampleLength), [batchSize, .. _sampleShape])];
        _boundOutputs = new OrtValue[_outputNames.Length];
        for (var i = 0; i < _boundOutputs.Length; i++)
        {
            _boundOutputs[i] = OrtValue.CreateTensorValueFromMemory(memoryInfo,
                _outputs[i].AsMemory(0, batchSize * _outputSampleLengths[i]), [batchSize, .. _outputSampleShapes[i]]);
        }
        _boundBatch = batchSize;
    }

    private void Unbind()
    {
        foreach (var value in _boundInputs) value.Dispose();
        foreach (var value in _boundOutputs) value?.Dispose();
        _boundInputs = [];
        _boundOutputs = [];
        _boundBatch = 0;
    }

    private static void CheckBatch(int batchSize)
    {
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "Batch size must be ≥ 1.");
    }
}
