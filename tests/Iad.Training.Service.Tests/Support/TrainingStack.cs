using Grpc.Core;
using Grpc.Net.Client;
using Iad.Contracts.V1;
using Iad.Dataset.Service.Services;
using Iad.Training.Service.Services;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Iad.Training.Service.Tests.Support;

/// <summary>
/// The dataset and training services in memory, wired together: the training service's dataset client talks to the
/// in-memory dataset service. A small synthetic dataset ("synth", 64 px) is generated once.
/// </summary>
public sealed class TrainingStack : IAsyncLifetime
{
    public const int Side = 64;

    private readonly DatasetFactory _dataset = new();
    private TrainingFactory? _training;

    public DatasetService.DatasetServiceClient Dataset { get; private set; } = null!;

    public TrainingService.TrainingServiceClient Training { get; private set; } = null!;

    public TrainingFactory TrainingHost => _training!;

    public string TrainingDataDir { get; } = Directory.CreateTempSubdirectory("iad-training-test-").FullName;

    public async Task InitializeAsync()
    {
        Dataset = new DatasetService.DatasetServiceClient(Channel(_dataset.Server));
        _training = new TrainingFactory(TrainingDataDir, Dataset);
        Training = new TrainingService.TrainingServiceClient(Channel(_training.Server));
        await Dataset.GenerateSyntheticDatasetAsync(new GenerateSyntheticDatasetRequest { Name = "synth", Categories = 3, Seed = 3, ImageSize = Side, Difficulty = 0.2 });
    }

    /// <summary>A continual setting over the three categories; its hash.</summary>
    public async Task<string> ContinualSettingAsync(int seed = 0)
    {
        var spec = new SettingSpec { Dataset = "synth", Seed = seed, Continual = new ContinualOptions(), Input = new InputOptions { ImageSize = Side } };
        return (await Dataset.BuildSettingAsync(new BuildSettingRequest { Spec = spec })).Sha256;
    }

    /// <summary>Starts a job and follows it to its end; returns the progress messages and the final job.</summary>
    public async Task<(List<JobProgress> Progress, Job Result)> TrainAsync(StartTrainingRequest request)
    {
        var started = await Training.StartTrainingAsync(request);
        return await WatchAsync(started.JobId);
    }

    public async Task<(List<JobProgress> Progress, Job Result)> WatchAsync(string jobId)
    {
        var progress = new List<JobProgress>();
        using var watch = Training.WatchJob(new WatchJobRequest { JobId = jobId }, deadline: DateTime.UtcNow.AddMinutes(3));
        await foreach (var message in watch.ResponseStream.ReadAllAsync())
        {
            if (message.EventCase == WatchJobResponse.EventOneofCase.Result) return (progress, message.Result);
            progress.Add(message.Progress);
        }
        throw new InvalidOperationException("The watch ended without a result.");
    }

    public async Task DisposeAsync()
    {
        if (_training is not null) await _training.DisposeAsync();
        await _dataset.DisposeAsync();
        if (Directory.Exists(TrainingDataDir)) Directory.Delete(TrainingDataDir, recursive: true);
    }

    private static GrpcChannel Channel(TestServer server) =>
        GrpcChannel.ForAddress(server.BaseAddress, new GrpcChannelOptions { HttpHandler = server.CreateHandler(), MaxReceiveMessageSize = 64 << 20 });

    public sealed class TrainingFactory(string dataDir, DatasetService.DatasetServiceClient dataset) : WebApplicationFactory<TrainingGrpcService>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Iad:DataDir", dataDir);
            builder.ConfigureTestServices(services => services.AddSingleton(dataset));
        }
    }

    private sealed class DatasetFactory : WebApplicationFactory<DatasetGrpcService>
    {
        private readonly string _dataDir = Directory.CreateTempSubdirectory("iad-dataset-for-training-").FullName;

        protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseSetting("Iad:DataDir", _dataDir);

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            if (Directory.Exists(_dataDir)) Directory.Delete(_dataDir, recursive: true);
        }
    }
}
