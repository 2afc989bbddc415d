using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Iad.Detection.Service.Backends;
using Iad.Detection.Service.Scheduling;
using Iad.Detection.Service.Telemetry;
using Iad.Onnx.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace Iad.Detection.Service.Models;

/// <summary>
/// The models this service serves, one version per name. Loading resolves the file (registry pull or local file),
/// opens the backend, warms it up at the maximum batch size and only then swaps it in; the replaced version keeps
/// serving the requests that already hold it and is retired after the last one (zero failed requests during a swap).
/// Loads of one name are serialised; loads of different names run in parallel.
/// </summary>
public sealed class ModelRepository : IAsyncDisposable
{
    private readonly ModelFileResolver _resolver;
    private readonly ResourceMonitor _monitor;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, ServedModel> _models = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _nameLocks = new(StringComparer.Ordinal);

    public ModelRepository(ModelFileResolver resolver, ResourceMonitor monitor, ILoggerFactory loggers)
    {
        _resolver = resolver;
        _monitor = monitor;
        _loggers = loggers;
        _logger = loggers.CreateLogger<ModelRepository>();
        _monitor.Sampled += OnMemorySampled;
    }

    /// <summary>Loads <paramref name="spec"/> and makes it the served version of its name once warmed up.</summary>
    /// <exception cref="ModelSourceException">The file is not a loadable ONNX model.</exception>
    /// <exception cref="ModelContractException">The model breaks the detector contract.</exception>
    /// <exception cref="ExecutionProviderUnavailableException">CUDA was required and is unavailable.</exception>
    public async Task<ModelLoadResult> LoadAsync(ModelLoadSpec spec, CancellationToken cancellation)
    {
        var start = Stopwatch.GetTimestamp();
        var file = await _resolver.ResolveAsync(spec.ModelId, cancellation).ConfigureAwait(false);
        var gate = _nameLocks.GetOrAdd(file.Name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            var backend = await Task.Run(() => OpenBackend(file, spec), cancellation).ConfigureAwait(false);
            var model = CreateServedModel(file, spec, backend);
            _models.TryGetValue(file.Name, out var previous);
            _models[file.Name] = model;
            if (previous is not null)
            {
                await previous.RetireAsync().ConfigureAwait(false);
                if (previous.Telemetry.Provider != model.Telemetry.Provider)
                    DetectionMetrics.RemoveModelGauges(previous.Telemetry.Model, previous.Telemetry.Provider);
            }
            _logger.LogInformation("Model {ModelId} ready on {Provider} (replaced {Previous})", file.ModelId, model.Telemetry.Provider,
                previous?.Description.ModelId ?? "nothing");
            return new ModelLoadResult(model, Stopwatch.GetElapsedTime(start), file.CacheHit, backend.ProviderFallbackReason);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Stops serving <paramref name="modelId"/> after its queue drains; false when it was not loaded.</summary>
    /// <exception cref="ArgumentException">The id is malformed.</exception>
    public async Task<bool> UnloadAsync(string modelId)
    {
        var reference = ModelReference.Parse(modelId);
        var gate = _nameLocks.GetOrAdd(reference.Name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!_models.TryGetValue(reference.Name, out var model) || !Matches(model, reference)) return false;
            _models.TryRemove(reference.Name, out _);
            await model.RetireAsync().ConfigureAwait(false);
            DetectionMetrics.RemoveModelGauges(model.Telemetry.Model, model.Telemetry.Provider);
            return true;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The served models, ordered by name.</summary>
    public IReadOnlyList<ServedModel> List() => [.. _models.Values.OrderBy(m => m.Description.Name, StringComparer.Ordinal)];

    /// <summary>Finds the served version for <paramref name="modelId"/> (a bare name or the exact <c>name@version</c>).</summary>
    /// <exception cref="ModelNotLoadedException">Nothing matching is loaded.</exception>
    public ServedModel Find(string modelId)
    {
        var reference = ModelReference.Parse(modelId);
        if (_models.TryGetValue(reference.Name, out var model) && Matches(model, reference)) return model;
        var loaded = _models.TryGetValue(reference.Name, out var other) ? $" (loaded: '{other.Description.ModelId}')" : "";
        throw new ModelNotLoadedException($"Model '{modelId}' is not loaded{loaded}; call LoadModel first.");
    }

    /// <summary>Leases the served version for <paramref name="modelId"/>; retried transparently across a swap.</summary>
    /// <exception cref="ModelNotLoadedException">Nothing matching is loaded.</exception>
    public ModelLease Acquire(string modelId)
    {
        while (true)
        {
            var model = Find(modelId);
            if (model.TryAcquire()) return new ModelLease(model);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _monitor.Sampled -= OnMemorySampled;
        foreach (var name in _models.Keys.ToList())
        {
            if (_models.TryRemove(name, out var model)) await model.RetireAsync().ConfigureAwait(false);
        }
    }

    private static bool Matches(ServedModel model, ModelReference reference) =>
        reference.Version is null || model.Description.ModelId == reference.ToString();

    private static OnnxDetectorBackend OpenBackend(ModelFile file, ModelLoadSpec spec)
    {
        OnnxDetectorBackend backend;
        try
        {
            backend = OnnxDetectorBackend.Open(file.Path, spec.Session, spec.Batching.MaxBatchSize);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ModelSourceException($"'{file.ModelId}' is not a loadable ONNX model: {e.Message}", e);
        }
        try
        {
            backend.WarmUp(spec.Batching.MaxBatchSize);
            return backend;
        }
        catch
        {
            backend.Dispose();
            throw;
        }
    }

    private ServedModel CreateServedModel(ModelFile file, ModelLoadSpec spec, OnnxDetectorBackend backend)
    {
        var metadata = backend.Metadata;
        var description = new ModelDescription(
            file.ModelId,
            file.Name,
            backend.Provider,
            backend.InputHeight,
            ReadLong(metadata, ServedMetadataKeys.BankRows) ?? file.RegistryBankRows,
            ReadLong(metadata, ServedMetadataKeys.BankBytes) ?? 0,
            file.SizeBytes,
            spec.Batching,
            ReadDouble(metadata, ServedMetadataKeys.Threshold),
            metadata);
        var telemetry = new ModelTelemetry(file.Name, backend.Provider.ToName());
        telemetry.Statistics.RecordMemory(_monitor.ResidentBytes, _monitor.GpuUsedBytes);
        DetectionMetrics.ModelBankBytes.WithLabels(file.Name, telemetry.Provider).Set(description.BankBytes);
        DetectionMetrics.ModelFileBytes.WithLabels(file.Name, telemetry.Provider).Set(description.ModelBytes);
        var batcher = new DynamicBatcher(backend, spec.Batching, telemetry, _loggers.CreateLogger<DynamicBatcher>());
        return new ServedModel(description, backend, batcher, telemetry);
    }

    private void OnMemorySampled(long residentBytes, long? gpuBytes)
    {
        foreach (var model in _models.Values) model.Telemetry.Statistics.RecordMemory(residentBytes, gpuBytes);
    }

    private static long? ReadLong(IReadOnlyDictionary<string, string> metadata, string key) =>
        metadata.TryGetValue(key, out var text) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value : null;

    private static double? ReadDouble(IReadOnlyDictionary<string, string> metadata, string key) =>
        metadata.TryGetValue(key, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value : null;
}
