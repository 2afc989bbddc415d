using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Grpc.Core;
using Iad.Client.Datasets;
using Iad.Contracts.V1;
using Iad.Methods;
using Iad.Methods.Persistence;
using Iad.Onnx.Graph;
using Iad.Onnx.Models;
using Iad.Onnx.Runtime;
using Iad.Training.Service.Backbones;
using Iad.Training.Service.Configuration;
using Iad.Training.Service.Jobs;
using Iad.Training.Service.Registry;
using Iad.Training.Service.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iad.Training.Service.Pipeline;

/// <summary>
/// Runs one job through its phases: loading (backbone, base model, the split's header), extracting and fitting (the
/// train split streamed from the dataset service as uint8, never held whole), compiling (the ONNX detector plus the
/// fitted state for later continual updates, into a registry stage) and registering (an atomic commit).
/// </summary>
public sealed partial class TrainingRunner(
    ModelRegistry registry,
    BackboneResolver backbones,
    DatasetService.DatasetServiceClient dataset,
    IOptions<TrainingOptions> options,
    ILogger<TrainingRunner> logger)
{
    /// <summary>Extra <c>metadata_props</c> keys the detection service reads.</summary>
    public const string ThresholdKey = "iad.threshold";
    public const string BankRowsKey = "iad.bank_rows";
    public const string BankBytesKey = "iad.bank_bytes";
    public const string ParentKey = "iad.parent_model_id";

    [GeneratedRegex("[^a-z0-9._-]+")]
    private static partial Regex NameCleaner();

    public async Task RunAsync(TrainingJob job)
    {
        if (!job.TryStart()) return;
        var request = job.Request;
        var method = TrainingRequests.MethodName(request.Method);
        var clock = new PhaseClock(job, method);
        var cancellation = job.Cancellation.Token;
        try
        {
            var model = await TrainAsync(job, clock, method, cancellation).ConfigureAwait(false);
            job.Finish(JobState.Succeeded, model.ModelId);
            logger.LogInformation("Job {Job} registered {Model} ({Rows} state rows).", job.Id, model.ModelId, model.BankRows);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            clock.Stop();
            job.Finish(JobState.Cancelled);
            logger.LogInformation("Job {Job} cancelled.", job.Id);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && cancellation.IsCancellationRequested)
        {
            clock.Stop();
            job.Finish(JobState.Cancelled);
        }
        catch (Exception e)
        {
            var phase = clock.Phase;
            clock.Stop();
            var message = e is RpcException rpc ? $"dataset service answered {rpc.StatusCode}: {rpc.Status.Detail}" : e.Message;
            job.Finish(JobState.Failed, error: $"{PhaseLabel(phase)}{message}");
            logger.LogWarning(e, "Job {Job} failed.", job.Id);
        }
    }

    private async Task<Model> TrainAsync(TrainingJob job, PhaseClock clock, string methodName, CancellationToken cancellation)
    {
        var request = job.Request;
        clock.Enter(TrainingPhase.Loading, "resolving backbone and data");
        var session = new SessionSettings { IntraOpThreads = options.Value.IntraOpThreads };
        var backbone = await Task.Run(() => backbones.Resolve(request.Backbone), cancellation).ConfigureAwait(false);
        var parent = request.BaseModelId.Length > 0 ? registry.Get(request.BaseModelId) : null;
        if (parent is not null && !string.Equals(parent.Method.ToString(), request.Method.ToString(), StringComparison.Ordinal))
            throw new IncompatibleModelException($"Base model '{parent.ModelId}' is {parent.Method}; this job trains {request.Method}.");
        using var baseModel = parent is null
            ? null
            : ModelStateFile.Load(registry.FilePath(parent.ModelId, ModelRegistry.StateFileName), backbone, session);
        await using var split = await SplitStream.OpenAsync(dataset, new StreamSplitRequest
        {
            ManifestSha256 = request.ManifestSha256,
            TaskIndex = request.TaskIndex,
            Split = Split.Train,
            Format = ItemFormat.Uint8,
        }, cancellation).ConfigureAwait(false);
        var total = split.Header.ItemCount;
        if (total == 0) throw new ArgumentException($"Task {request.TaskIndex} of manifest {request.ManifestSha256[..12]}… has no training images.");
        var fitOptions = TrainingRequests.Options(request, backbone, split.Header.ImageSize, session);
        fitOptions.Validate();

        clock.Enter(TrainingPhase.Extracting, $"extracting features of {total} images", total);
        var source = new SplitBatchSource(split, TrainingRequests.BatchSize(request), cancellation);
        var progress = new Progress(clock, total);
        var fitWatch = Stopwatch.StartNew();
        using var fitted = await Task.Run(() => MethodRegistry.Get(methodName).Fit(source, fitOptions, baseModel, progress, cancellation), cancellation)
            .ConfigureAwait(false);
        var fitSeconds = fitWatch.Elapsed.TotalSeconds;
        TrainingMetrics.Images.WithLabels(methodName).Inc(source.ImagesRead);
        var extractionSeconds = clock.Durations.GetValueOrDefault(TrainingPhase.Extracting, progress.ExtractionSeconds);
        if (extractionSeconds > 0) TrainingMetrics.ExtractionRate.WithLabels(methodName).Set(source.ImagesRead / extractionSeconds);

        clock.Enter(TrainingPhase.Compiling, "compiling the detector");
        using var stage = registry.BeginStage();
        var name = request.ModelName.Length > 0 ? request.ModelName : parent?.Name ?? DefaultName(methodName, split.Header.TaskName);
        var detector = fitted.Compile(new Iad.Methods.DetectorCompileOptions(request.ManifestSha256));
        var stateBytes = fitted.StateFloats * sizeof(float);
        ModelMetadata.Set(detector, ThresholdKey, fitted.Normalisation.Max.ToString("R", CultureInfo.InvariantCulture));
        ModelMetadata.Set(detector, BankRowsKey, fitted.StateRows.ToString(CultureInfo.InvariantCulture));
        ModelMetadata.Set(detector, BankBytesKey, stateBytes.ToString(CultureInfo.InvariantCulture));
        if (parent is not null) ModelMetadata.Set(detector, ParentKey, parent.ModelId);
        cancellation.ThrowIfCancellationRequested();
        await Task.Run(() =>
        {
            OnnxModelFile.Write(detector, stage.ModelPath);
            ModelStateFile.Save(fitted, stage.StatePath);
        }, cancellation).ConfigureAwait(false);

        clock.Enter(TrainingPhase.Registering, "registering");
        cancellation.ThrowIfCancellationRequested();
        var draft = new Model
        {
            Name = name,
            ParentModelId = parent?.ModelId ?? "",
            Method = request.Method,
            Backbone = fitted.Backbone,
            InputSize = fitted.InputHeight,
            ManifestSha256 = request.ManifestSha256,
            TaskIndex = request.TaskIndex,
            BankRows = fitted.StateRows,
        };
        draft.Metadata.Add(ModelMetadata.Read(detector));
        draft.TrainingMetrics.Add(new Dictionary<string, double>
        {
            ["fit_seconds"] = fitSeconds,
            ["images"] = source.ImagesRead,
            ["extraction_images_per_second"] = extractionSeconds > 0 ? source.ImagesRead / extractionSeconds : 0,
            ["train_score_min"] = fitted.Normalisation.Min,
            ["train_score_max"] = fitted.Normalisation.Max,
            ["state_bytes"] = stateBytes,
        });
        var model = registry.Commit(stage, draft);
        clock.Stop();
        TrainingMetrics.BankBytes.WithLabels(model.Name).Set(stateBytes);
        return model;
    }

    private static string DefaultName(string method, string taskName)
    {
        var cleaned = NameCleaner().Replace(taskName.ToLowerInvariant(), "-").Trim('-', '.', '_');
        return cleaned.Length == 0 ? method : $"{method}-{cleaned}"[..Math.Min(100, method.Length + 1 + cleaned.Length)];
    }

    private static string PhaseLabel(TrainingPhase phase) => phase == TrainingPhase.Unspecified ? "" : $"{TrainingJob.PhaseName(phase)}: ";

    /// <summary>Maps the fit's stages onto job phases: features → extracting, coreset and statistics → fitting.</summary>
    private sealed class Progress(PhaseClock clock, long images) : IProgress<FitProgress>
    {
        public double ExtractionSeconds { get; private set; }

        public void Report(FitProgress value)
        {
            switch (value.Stage)
            {
                case FitStages.Features:
                    clock.Advance(value.Done, images, $"extracted {value.Done} of {images} images");
                    ExtractionSeconds = clock.Elapsed;
                    break;
                case FitStages.Coreset:
                case FitStages.Statistics:
                    if (clock.Phase != TrainingPhase.Fitting) clock.Enter(TrainingPhase.Fitting, value.Stage);
                    clock.Advance(value.Done, value.Total, $"{value.Stage}: {value.Done} of {value.Total}");
                    break;
            }
        }
    }
}
