using System.Text.RegularExpressions;
using Iad.Contracts.V1;
using Iad.Methods;
using Iad.Methods.Components.FeatureExtraction;
using Iad.Methods.Padim;
using PatchCoreOptions = Iad.Methods.PatchCore.PatchCoreOptions;
using PadimOptions = Iad.Methods.Padim.PadimOptions;
using Iad.Onnx.Runtime;
using Iad.Training.Service.Registry;

namespace Iad.Training.Service.Pipeline;

/// <summary>Checks a StartTraining request and maps it onto the methods library's fit options.</summary>
public static partial class TrainingRequests
{
    public const int DefaultBatchSize = 8;
    public const int MaxBatchSize = 256;

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256Pattern();

    /// <summary>The methods library's name of <paramref name="method"/>.</summary>
    /// <exception cref="ArgumentException">A method this server does not train.</exception>
    public static string MethodName(Method method) => method switch
    {
        Method.Patchcore => "patchcore",
        Method.Padim => "padim",
        Method.Unspecified => throw new ArgumentException("The request names no method; this server trains METHOD_PATCHCORE and METHOD_PADIM."),
        _ => throw new ArgumentException($"This server does not train {method}; it trains METHOD_PATCHCORE and METHOD_PADIM."),
    };

    /// <summary>Checks everything that needs no other service.</summary>
    /// <exception cref="ArgumentException">The first problem found, with the offending value.</exception>
    public static void Validate(StartTrainingRequest request)
    {
        var method = MethodName(request.Method);
        if (!Sha256Pattern().IsMatch(request.ManifestSha256))
            throw new ArgumentException($"manifest_sha256 '{request.ManifestSha256}' is not a lower-case hex SHA-256 (64 characters); build a setting first.");
        if (request.TaskIndex < 0) throw new ArgumentException($"task_index {request.TaskIndex} must be ≥ 0.");
        if (request.BatchSize is < 0 or > MaxBatchSize) throw new ArgumentException($"batch_size {request.BatchSize} must be in 1..{MaxBatchSize} (0 for the default {DefaultBatchSize}).");
        if (request.ModelName.Length > 0 && !ModelIds.IsValidName(request.ModelName))
            throw new ArgumentException($"model_name '{request.ModelName}' must be lower-case letters, digits, '.', '_' or '-' (at most 100, starting with a letter or digit).");
        if (request.BaseModelId.Length > 0) ModelIds.Parse(request.BaseModelId);
        switch (request.MethodOptionsCase)
        {
            case StartTrainingRequest.MethodOptionsOneofCase.Patchcore when method != "patchcore":
            case StartTrainingRequest.MethodOptionsOneofCase.Padim when method != "padim":
                throw new ArgumentException($"Options for {request.MethodOptionsCase} do not apply to {request.Method}.");
        }
        if (request.Patchcore is { } p)
        {
            if (p.HasAggregationKernel && p.AggregationKernel != 3)
                throw new ArgumentException($"aggregation_kernel {p.AggregationKernel} is not supported; PatchCore here aggregates over 3x3.");
            if (p.MemoryBudget < 0) throw new ArgumentException($"memory_budget {p.MemoryBudget} must be ≥ 0 (0 = unbounded).");
        }
        // The library's own range checks, with its messages.
        PatchCore(request).Validate();
        Padim(request).Validate();
    }

    /// <summary>Fit options for images of side <paramref name="side"/>.</summary>
    public static FitOptions Options(StartTrainingRequest request, FeatureBackbone backbone, int side, SessionSettings session) =>
        new()
        {
            Backbone = backbone,
            InputHeight = side,
            InputWidth = side,
            Seed = request.Seed,
            Session = session,
            PatchCore = PatchCore(request),
            Padim = Padim(request),
        };

    private static PatchCoreOptions PatchCore(StartTrainingRequest request)
    {
        var defaults = new PatchCoreOptions();
        if (request.Patchcore is not { } p) return defaults;
        return defaults with
        {
            CoresetRatio = p.HasCoresetRatio ? p.CoresetRatio : defaults.CoresetRatio,
            ProjectionDimensions = p.HasProjectionDim ? p.ProjectionDim : defaults.ProjectionDimensions,
            NeighbourCount = p.HasNumNeighbors ? p.NumNeighbors : defaults.NeighbourCount,
            BlurSigma = p.HasBlurSigma ? (float)p.BlurSigma : defaults.BlurSigma,
            MemoryBudget = p.MemoryBudget > 0 ? (int)Math.Min(p.MemoryBudget, int.MaxValue) : null,
        };
    }

    private static PadimOptions Padim(StartTrainingRequest request)
    {
        var defaults = new PadimOptions();
        if (request.Padim is not { } d) return defaults;
        return defaults with
        {
            Channels = d.HasFeatureDim ? d.FeatureDim : defaults.Channels,
            Epsilon = d.HasEpsilon ? (float)d.Epsilon : defaults.Epsilon,
            ContinualMode = d.RunningAverage ? PadimContinualMode.Pool : PadimContinualMode.Replace,
        };
    }

    /// <summary>The batch size to extract features with.</summary>
    public static int BatchSize(StartTrainingRequest request) => request.BatchSize > 0 ? request.BatchSize : DefaultBatchSize;
}
