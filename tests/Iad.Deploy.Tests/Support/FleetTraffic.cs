using System.Runtime.InteropServices;
using Google.Protobuf;
using Grpc.Core;
using Iad.Contracts.V1;
using Tensor = Iad.Contracts.V1.Tensor;

namespace Iad.Deploy.Tests.Support;

/// <summary>Small, deterministic calls that make each service create its labelled series.</summary>
internal static class FleetTraffic
{
    public const string ModelFile = "tiny.onnx";

    /// <summary>The <c>model</c> label of the tiny detector (its file name without extension).</summary>
    public const string ModelName = "tiny";

    /// <summary>The image AUROC stored by <see cref="StoreResultAsync"/>.</summary>
    public const double StoredAuroc = 0.875;

    public const string RunRequestId = "deploy-test-run";

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    /// <summary>The model name of the job <see cref="TrainAsync"/> runs.</summary>
    public const string TrainedModelName = "deploy-padim";

    private const int DatasetImageSize = 64;

    /// <summary>GetServiceInfo on a service, so its per-call gRPC histogram has a series.</summary>
    public static async Task ServiceInfoAsync(ServiceProcess service)
    {
        var info = await new ServiceInfoService.ServiceInfoServiceClient(service.Channel)
            .GetServiceInfoAsync(new GetServiceInfoRequest(), deadline: Due());
        if (info.Name != service.Name) throw new InvalidOperationException($"Port {service.GrpcPort} answers as '{info.Name}', not '{service.Name}'.");
    }

    /// <summary>
    /// Generates a one-category 64-pixel synthetic dataset, builds its unsupervised setting, streams three images and
    /// returns the setting's manifest hash.
    /// </summary>
    public static async Task<string> DatasetAsync(ServiceProcess dataset)
    {
        var client = new DatasetService.DatasetServiceClient(dataset.Channel);
        var generated = await client.GenerateSyntheticDatasetAsync(
            new GenerateSyntheticDatasetRequest { Name = "deploy", Categories = 1, Seed = 7, ImageSize = DatasetImageSize }, deadline: Due());
        var setting = await client.BuildSettingAsync(new BuildSettingRequest
        {
            Spec = new SettingSpec
            {
                Dataset = generated.Dataset.Name, Seed = 7, Unsupervised = new UnsupervisedOptions(),
                Input = new InputOptions { ImageSize = DatasetImageSize },
            },
        }, deadline: Due());
        using var stream = client.StreamSplit(new StreamSplitRequest
        {
            ManifestSha256 = setting.Sha256, Split = Split.Train, Format = ItemFormat.Float32, Limit = 3,
        }, deadline: Due());
        var items = 0;
        await foreach (var message in stream.ResponseStream.ReadAllAsync())
        {
            if (message.MessageCase == StreamSplitResponse.MessageOneofCase.Item) items++;
        }
        if (items != 3) throw new InvalidOperationException($"StreamSplit sent {items} items, expected 3.");
        return setting.Sha256;
    }

    /// <summary>
    /// Trains a small PaDiM model on the setting <paramref name="manifestSha256"/> (the training service pulls the images
    /// from the dataset service) and waits for the job to succeed.
    /// </summary>
    public static async Task TrainAsync(ServiceProcess training, string manifestSha256)
    {
        var client = new TrainingService.TrainingServiceClient(training.Channel);
        var started = await client.StartTrainingAsync(new StartTrainingRequest
        {
            Method = Method.Padim, ManifestSha256 = manifestSha256, ModelName = TrainedModelName, Seed = 7,
            Padim = new PadimOptions { FeatureDim = 16 },
        }, deadline: Due());
        using var watch = client.WatchJob(new WatchJobRequest { JobId = started.JobId }, deadline: Due());
        await foreach (var message in watch.ResponseStream.ReadAllAsync())
        {
            if (message.EventCase != WatchJobResponse.EventOneofCase.Result) continue;
            if (message.Result.State != JobState.Succeeded)
                throw new InvalidOperationException($"Training job {started.JobId} ended {message.Result.State}: {message.Result.Error}");
            return;
        }
        throw new InvalidOperationException($"The watch of training job {started.JobId} ended without a result.");
    }

    public static async Task LoadDetectorAsync(ServiceProcess detection)
    {
        var client = new DetectionService.DetectionServiceClient(detection.Channel);
        await client.LoadModelAsync(new LoadModelRequest
        {
            ModelId = "file:" + ModelFile, Provider = ProviderPreference.Cpu, IntraOpThreads = 1,
        }, deadline: Due());
    }

    /// <summary><paramref name="requests"/> Detect calls of two float32 images each.</summary>
    public static async Task DetectAsync(ServiceProcess detection, int requests, CancellationToken cancel = default)
    {
        var client = new DetectionService.DetectionServiceClient(detection.Channel);
        for (var r = 0; r < requests; r++)
        {
            await client.DetectAsync(new DetectRequest { ModelId = ModelName, Images = { Image(2 * r), Image(2 * r + 1) } },
                deadline: Due(), cancellationToken: cancel);
        }
    }

    /// <summary>A Detect call with an empty image, refused with INVALID_ARGUMENT, so the error counter has a series.</summary>
    public static async Task FailedDetectAsync(ServiceProcess detection)
    {
        var client = new DetectionService.DetectionServiceClient(detection.Channel);
        var failure = await Assert.ThrowsAsync<RpcException>(() =>
            client.DetectAsync(new DetectRequest { ModelId = ModelName, Images = { new Image() } }, deadline: Due()).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, failure.StatusCode);
    }

    /// <summary>Creates a run (idempotency key <see cref="RunRequestId"/>) and stores one result row with an image AUROC and efficiency figures.</summary>
    public static async Task StoreResultAsync(ServiceProcess metrics)
    {
        var client = new MetricsService.MetricsServiceClient(metrics.Channel);
        var run = await client.CreateRunAsync(new CreateRunRequest
        {
            RequestId = RunRequestId, Kind = "single", Method = "patchcore", Dataset = "deploy", Setting = "unsupervised", Seed = 7,
        }, deadline: Due());
        await client.AppendResultAsync(new AppendResultRequest
        {
            RunId = run.Run.RunId,
            Row = new ResultRow
            {
                Metrics = { new MetricValue { Name = "image_auroc", Value = StoredAuroc } },
                Efficiency = new Efficiency { LatencyP50Ms = 12.5, PeakHostBytes = 256L << 20 },
            },
        }, deadline: Due());
    }

    private static Image Image(int seed)
    {
        var random = new Random(seed);
        var pixels = new float[3 * TinyDetector.Size * TinyDetector.Size];
        for (var i = 0; i < pixels.Length; i++) pixels[i] = random.Next(256) / 256f;
        return new Image
        {
            Tensor = new Tensor
            {
                Dtype = DataType.Float32,
                Shape = { 3, TinyDetector.Size, TinyDetector.Size },
                Data = ByteString.CopyFrom(MemoryMarshal.AsBytes(pixels.AsSpan())),
            },
        };
    }

    private static DateTime Due() => DateTime.UtcNow + Deadline;
}
