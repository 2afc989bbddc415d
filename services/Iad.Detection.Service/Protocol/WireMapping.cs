using Iad.Contracts.V1;
using Iad.Detection.Service.Inference;
using Iad.Detection.Service.Models;
using Iad.Detection.Service.Scheduling;
using Iad.Onnx.Runtime;
using Microsoft.ML.OnnxRuntime;

namespace Iad.Detection.Service.Protocol;

/// <summary>Translations between iad.v1 messages and the service's own types.</summary>
internal static class WireMapping
{
    public const int MaxIntraOpThreads = 1024;

    /// <summary>The load spec of <paramref name="request"/>; <paramref name="intraOpSpinning"/> is the service's setting, not the client's.</summary>
    public static ModelLoadSpec ToSpec(LoadModelRequest request, bool intraOpSpinning)
    {
        if (request.IntraOpThreads is < 0 or > MaxIntraOpThreads)
            throw new ArgumentException($"intra_op_threads = {request.IntraOpThreads} must be in 0..{MaxIntraOpThreads} (0 lets ONNX Runtime choose).");
        var batching = request.Batching is { } b
            ? BatchingLimits.FromWire(b.MaxBatchSize, b.MaxQueueDelayUs, b.MaxQueueSize)
            : BatchingLimits.Default;
        var settings = new SessionSettings
        {
            Provider = request.Provider switch
            {
                ProviderPreference.Unspecified or ProviderPreference.Auto => ExecutionProviderPreference.Auto,
                ProviderPreference.Cpu => ExecutionProviderPreference.Cpu,
                ProviderPreference.Cuda => ExecutionProviderPreference.Cuda,
                var other => throw new ArgumentException($"provider {(int)other} is not a known ProviderPreference."),
            },
            IntraOpThreads = request.IntraOpThreads,
            IntraOpSpinning = intraOpSpinning,
            OptimizationLevel = request.Optimization switch
            {
                GraphOptimization.Unspecified or GraphOptimization.All => GraphOptimizationLevel.ORT_ENABLE_ALL,
                GraphOptimization.Disabled => GraphOptimizationLevel.ORT_DISABLE_ALL,
                GraphOptimization.Basic => GraphOptimizationLevel.ORT_ENABLE_BASIC,
                GraphOptimization.Extended => GraphOptimizationLevel.ORT_ENABLE_EXTENDED,
                var other => throw new ArgumentException($"optimization {(int)other} is not a known GraphOptimization."),
            },
        };
        return new ModelLoadSpec(request.ModelId, settings, batching);
    }

    public static ExecutionProvider ToWire(ExecutionProviderKind kind) => kind switch
    {
        ExecutionProviderKind.Cuda => ExecutionProvider.Cuda,
        _ => ExecutionProvider.Cpu,
    };

    public static LoadedModel ToWire(ModelDescription model)
    {
        var loaded = new LoadedModel
        {
            ModelId = model.ModelId,
            Name = model.Name,
            Provider = ToWire(model.Provider),
            InputSize = model.InputSize,
            BankRows = model.BankRows,
            BankBytes = model.BankBytes,
            ModelBytes = model.ModelBytes,
            Batching = new BatchingOptions
            {
                MaxBatchSize = model.Batching.MaxBatchSize,
                MaxQueueDelayUs = (int)(model.Batching.MaxQueueDelay.Ticks / TimeSpan.TicksPerMicrosecond),
                MaxQueueSize = model.Batching.MaxQueueSize,
            },
        };
        if (model.Threshold is { } threshold) loaded.Threshold = threshold;
        foreach (var (key, value) in model.Metadata) loaded.Metadata[key] = value;
        return loaded;
    }

    public static Timing ToWire(DetectionResult result) => new()
    {
        QueueUs = Microseconds(result.QueueTime),
        ComputeUs = Microseconds(result.ComputeTime),
        TotalUs = Microseconds(result.TotalTime),
        BatchSize = result.BatchSize,
    };

    private static long Microseconds(TimeSpan time) => time.Ticks / TimeSpan.TicksPerMicrosecond;
}
