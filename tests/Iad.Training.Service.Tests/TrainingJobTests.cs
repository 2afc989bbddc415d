using System.Security.Cryptography;
using Grpc.Core;
using Iad.Contracts.V1;
using Iad.Methods.Components.FeatureExtraction;
using Iad.Methods.Persistence;
using Iad.Training.Service.Tests.Support;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Iad.Training.Service.Tests;

public sealed class TrainingJobTests(TrainingStack stack) : IClassFixture<TrainingStack>
{
    private static StartTrainingRequest PatchCore(string sha, string name, int task = 0, string baseModel = "", long budget = 0) => new()
    {
        Method = Method.Patchcore,
        ManifestSha256 = sha,
        TaskIndex = task,
        BaseModelId = baseModel,
        Patchcore = new PatchCoreOptions { MemoryBudget = budget },
        ModelName = name,
    };

    private static StartTrainingRequest With(StartTrainingRequest request, Action<StartTrainingRequest> change)
    {
        var copy = request.Clone();
        change(copy);
        return copy;
    }

    [Fact]
    public async Task A_PatchCore_job_registers_a_detector_that_a_bare_ONNX_Runtime_session_scores_as_the_fitted_model_does()
    {
        var sha = await stack.ContinualSettingAsync();
        var (progress, job) = await stack.TrainAsync(PatchCore(sha, "patchcore-bare"));

        Assert.Equal(JobState.Succeeded, job.State);
        var phases = progress.Select(p => p.Phase).Where(p => p != TrainingPhase.Unspecified).ToList();
        Assert.True(phases.Zip(phases.Skip(1)).All(pair => pair.Second >= pair.First), $"phases in order: {string.Join(", ", phases)}");
        Assert.True(progress.Zip(progress.Skip(1)).All(pair => pair.Second.Fraction >= pair.First.Fraction), "progress never goes back");
        Assert.All(["loading", "extracting", "fitting", "compiling", "registering"], phase => Assert.True(job.PhaseSeconds.ContainsKey(phase), phase));

        var model = (await stack.Training.GetModelAsync(new GetModelRequest { ModelId = job.ModelId })).Model;
        Assert.Equal("patchcore-bare@1", model.ModelId);
        Assert.Equal(sha, model.ManifestSha256);
        Assert.Equal(TrainingStack.Side, model.InputSize);
        Assert.True(model.BankRows > 0);
        Assert.Equal(model.BankRows.ToString(System.Globalization.CultureInfo.InvariantCulture), model.Metadata["iad.bank_rows"]);
        Assert.Equal(60, model.TrainingMetrics["images"]);

        var bytes = await DownloadAsync(model.ModelId, chunkBytes: 64 << 10);
        Assert.Equal(model.SizeBytes, bytes.Length);
        Assert.Equal(model.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));

        var (pixels, labels) = await SplitImages.ReadAsync(stack.Dataset, sha, 0, Split.Test, limit: 0);
        var count = labels.Length;
        using var session = new InferenceSession(bytes);
        using var outputs = session.Run([NamedOnnxValue.CreateFromTensor("image", new DenseTensor<float>(pixels, [count, 3, TrainingStack.Side, TrainingStack.Side]))]);
        var onnxScores = outputs.First(o => o.Name == "score").AsEnumerable<float>().ToArray();

        var registryDir = Path.Combine(stack.TrainingDataDir, "registry", model.Name, model.Version.ToString());
        using var fitted = ModelStateFile.Load(Path.Combine(registryDir, "state.bin"), FeatureBackbone.BuiltIn());
        var scores = new float[count];
        fitted.Score(pixels, count, scores, new float[count * TrainingStack.Side * TrainingStack.Side]);
        for (var i = 0; i < count; i++) Assert.True(Math.Abs(scores[i] - onnxScores[i]) <= 1e-4 * Math.Max(1, Math.Abs(scores[i])), $"image {i}: {scores[i]} vs {onnxScores[i]}");

        var auroc = Iad.Evaluation.Image.Auroc.Compute(labels, onnxScores.Select(v => (double)v).ToArray());
        Assert.True(auroc >= 0.9, $"image AUROC {auroc:F3} of the registered detector on its own task");
    }

    [Fact]
    public async Task A_continual_update_is_a_new_version_linked_to_its_parent_whose_bank_grows_within_the_budget()
    {
        var sha = await stack.ContinualSettingAsync();
        var (_, first) = await stack.TrainAsync(PatchCore(sha, "patchcore-cl"));
        var parent = (await stack.Training.GetModelAsync(new GetModelRequest { ModelId = first.ModelId })).Model;

        var (_, second) = await stack.TrainAsync(PatchCore(sha, "", task: 1, baseModel: parent.ModelId));
        Assert.Equal(JobState.Succeeded, second.State);
        var child = (await stack.Training.GetModelAsync(new GetModelRequest { ModelId = second.ModelId })).Model;
        Assert.Equal("patchcore-cl@2", child.ModelId);
        Assert.Equal(parent.ModelId, child.ParentModelId);
        Assert.Equal(1, child.TaskIndex);
        Assert.True(child.BankRows > parent.BankRows, $"{child.BankRows} rows after the update, {parent.BankRows} before");

        var budget = parent.BankRows + 10;
        var (_, bounded) = await stack.TrainAsync(PatchCore(sha, "", task: 2, baseModel: child.ModelId, budget: budget));
        var boundedModel = (await stack.Training.GetModelAsync(new GetModelRequest { ModelId = bounded.ModelId })).Model;
        Assert.Equal(budget, boundedModel.BankRows);
        Assert.Equal("patchcore-cl@3", boundedModel.ModelId);
        Assert.Equal(boundedModel.ModelId, (await stack.Training.GetModelAsync(new GetModelRequest { ModelId = "patchcore-cl" })).Model.ModelId);
    }

    [Fact]
    public async Task A_PaDiM_job_trains_and_its_update_refits()
    {
        var sha = await stack.ContinualSettingAsync();
        var request = new StartTrainingRequest { Method = Method.Padim, ManifestSha256 = sha, ModelName = "padim-seq", Padim = new PadimOptions { FeatureDim = 32 } };
        var (_, first) = await stack.TrainAsync(request);
        Assert.Equal(JobState.Succeeded, first.State);
        var (_, second) = await stack.TrainAsync(With(request, r =>
        {
            r.TaskIndex = 1;
            r.BaseModelId = first.ModelId;
            r.ModelName = "";
        }));
        Assert.Equal(JobState.Succeeded, second.State);
        var model = (await stack.Training.GetModelAsync(new GetModelRequest { ModelId = second.ModelId })).Model;
        Assert.Equal(first.ModelId, model.ParentModelId);
        Assert.Equal(Method.Padim, model.Method);
    }

    [Fact]
    public async Task Cancelling_a_running_job_stops_it_promptly_and_registers_nothing()
    {
        var sha = await stack.ContinualSettingAsync();
        var started = await stack.Training.StartTrainingAsync(With(PatchCore(sha, "cancelled"), r => r.BatchSize = 1));
        var watch = stack.WatchAsync(started.JobId);
        await WaitForAsync(async () => (await stack.Training.GetJobAsync(new GetJobRequest { JobId = started.JobId })).Job.State == JobState.Running);
        var cancelledAt = DateTime.UtcNow;
        await stack.Training.CancelJobAsync(new CancelJobRequest { JobId = started.JobId });
        var (_, job) = await watch;

        Assert.Equal(JobState.Cancelled, job.State);
        Assert.True(DateTime.UtcNow - cancelledAt < TimeSpan.FromSeconds(20), "the job ended soon after the cancel");
        Assert.Empty((await stack.Training.ListModelsAsync(new ListModelsRequest { Name = "cancelled" })).Models);
        Assert.Contains((await stack.Training.ListJobsAsync(new ListJobsRequest())).Jobs, j => j.JobId == started.JobId && j.State == JobState.Cancelled);
    }

    [Fact]
    public async Task Bad_requests_are_refused_at_the_boundary_and_data_errors_fail_the_job_with_the_reason()
    {
        var sha = await stack.ContinualSettingAsync();
        var valid = PatchCore(sha, "refused");
        await AssertStatus(StatusCode.InvalidArgument, () => stack.Training.StartTrainingAsync(PatchCore("abc", "refused")).ResponseAsync);
        await AssertStatus(StatusCode.InvalidArgument, () => stack.Training.StartTrainingAsync(new StartTrainingRequest { ManifestSha256 = sha }).ResponseAsync);
        await AssertStatus(StatusCode.InvalidArgument, () => stack.Training.StartTrainingAsync(With(valid, r => r.Padim = new PadimOptions())).ResponseAsync);
        await AssertStatus(StatusCode.InvalidArgument, () => stack.Training.StartTrainingAsync(With(valid, r => r.Patchcore.CoresetRatio = 2)).ResponseAsync);
        await AssertStatus(StatusCode.InvalidArgument, () => stack.Training.StartTrainingAsync(With(valid, r => r.ModelName = "Bad Name")).ResponseAsync);
        await AssertStatus(StatusCode.InvalidArgument, () => stack.Training.StartTrainingAsync(With(valid, r => r.Backbone = new BackboneSpec { Builtin = "imagenet" })).ResponseAsync);
        await AssertStatus(StatusCode.InvalidArgument, () => stack.Training.StartTrainingAsync(With(valid, r => r.Backbone = new BackboneSpec { OnnxPath = "../../etc/wide_resnet50_2.onnx" })).ResponseAsync);
        await AssertStatus(StatusCode.NotFound, () => stack.Training.StartTrainingAsync(PatchCore(sha, "refused", baseModel: "nothing@4")).ResponseAsync);
        await AssertStatus(StatusCode.NotFound, () => stack.Training.GetJobAsync(new GetJobRequest { JobId = "job-none" }).ResponseAsync);
        await AssertStatus(StatusCode.NotFound, () => stack.Training.GetModelAsync(new GetModelRequest { ModelId = "nothing" }).ResponseAsync);

        var (_, job) = await stack.TrainAsync(PatchCore(new string('a', 64), "unknown-manifest"));
        Assert.Equal(JobState.Failed, job.State);
        Assert.Contains("NotFound", job.Error);
        Assert.StartsWith("loading: ", job.Error);
    }

    [Fact]
    public async Task Backbones_list_the_built_in_one_and_the_catalogue_and_telemetry_has_every_phase()
    {
        var backbones = (await stack.Training.ListBackbonesAsync(new ListBackbonesRequest())).Backbones;
        Assert.Contains(backbones, b => b.Builtin && b.Name == "iad_builtin_v1" && b.Layers.Any(l => l.Name == "layer3" && l.Stride == 16));
        Assert.Contains(backbones, b => b.Name == "wide_resnet50_2" && b.Layers.Any(l => l.Name == "layer2" && l.Channels == 512));

        var text = await stack.TrainingHost.CreateClient().GetStringAsync("/metrics");
        foreach (var phase in new[] { "loading", "extracting", "fitting", "compiling", "registering" })
            Assert.Contains($"iad_training_phase_duration_seconds_count{{method=\"patchcore\",phase=\"{phase}\"}}", text);
        Assert.Contains("iad_training_jobs{state=\"running\"}", text);
    }

    private async Task<byte[]> DownloadAsync(string id, int chunkBytes)
    {
        using var call = stack.Training.DownloadModel(new DownloadModelRequest { ModelId = id, ChunkBytes = chunkBytes });
        using var buffer = new MemoryStream();
        var chunks = 0;
        await foreach (var message in call.ResponseStream.ReadAllAsync())
        {
            if (message.MessageCase == DownloadModelResponse.MessageOneofCase.Chunk)
            {
                Assert.True(message.Chunk.Length <= chunkBytes);
                message.Chunk.WriteTo(buffer);
                chunks++;
            }
        }
        Assert.True(chunks > 1);
        return buffer.ToArray();
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, "condition not reached within 60 s");
            await Task.Delay(20);
        }
    }

    private static async Task AssertStatus(StatusCode code, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, error.StatusCode);
    }
}
