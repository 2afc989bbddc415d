using Google.Protobuf;
using Grpc.Core;
using Iad.Contracts.V1;
using Iad.Training.Service.Backbones;
using Iad.Training.Service.Jobs;
using Iad.Training.Service.Pipeline;
using Iad.Training.Service.Registry;

namespace Iad.Training.Service.Services;

/// <summary>iad.v1.TrainingService: jobs on the <see cref="JobBoard"/>, models in the <see cref="ModelRegistry"/>.</summary>
public sealed class TrainingGrpcService(JobBoard board, ModelRegistry registry, BackboneResolver backbones) : TrainingService.TrainingServiceBase
{
    private const int DefaultChunkBytes = 1 << 20;
    private const int MinChunkBytes = 4 << 10;
    private const int MaxChunkBytes = 4 << 20;
    private static readonly TimeSpan WatchInterval = TimeSpan.FromMilliseconds(100);

    public override Task<StartTrainingResponse> StartTraining(StartTrainingRequest request, ServerCallContext context)
    {
        TrainingRequests.Validate(request);
        backbones.Check(request.Backbone);
        if (request.BaseModelId.Length > 0)
        {
            var parent = registry.Get(request.BaseModelId);
            if (parent.Method != request.Method)
                throw new RpcException(new Status(StatusCode.InvalidArgument, $"Base model '{parent.ModelId}' is {parent.Method}; the request trains {request.Method}."));
        }
        var job = board.Submit(request);
        return Task.FromResult(new StartTrainingResponse { JobId = job.Id });
    }

    public override async Task WatchJob(WatchJobRequest request, IServerStreamWriter<WatchJobResponse> responseStream, ServerCallContext context)
    {
        var job = board.Get(request.JobId);
        var cancellation = context.CancellationToken;
        while (!job.IsFinished)
        {
            var changed = job.WaitForChangeAsync(cancellation);
            await responseStream.WriteAsync(new WatchJobResponse { Progress = job.Progress() }, cancellation).ConfigureAwait(false);
            await changed.ConfigureAwait(false);
            // Coalesces bursts of updates: a watcher gets at most ten progress messages a second.
            if (!job.IsFinished) await Task.Delay(WatchInterval, cancellation).ConfigureAwait(false);
        }
        await responseStream.WriteAsync(new WatchJobResponse { Result = job.Snapshot() }, cancellation).ConfigureAwait(false);
    }

    public override Task<GetJobResponse> GetJob(GetJobRequest request, ServerCallContext context) =>
        Task.FromResult(new GetJobResponse { Job = board.Get(request.JobId).Snapshot() });

    public override Task<CancelJobResponse> CancelJob(CancelJobRequest request, ServerCallContext context)
    {
        var job = board.Get(request.JobId);
        job.Cancel();
        return Task.FromResult(new CancelJobResponse { Job = job.Snapshot() });
    }

    public override Task<ListJobsResponse> ListJobs(ListJobsRequest request, ServerCallContext context)
    {
        if (request.PageSize < 0) throw new RpcException(new Status(StatusCode.InvalidArgument, $"page_size {request.PageSize} must be ≥ 0."));
        var response = new ListJobsResponse();
        response.Jobs.AddRange(board.List(request.PageSize).Select(j => j.Snapshot()));
        return Task.FromResult(response);
    }

    public override Task<ListBackbonesResponse> ListBackbones(ListBackbonesRequest request, ServerCallContext context)
    {
        var response = new ListBackbonesResponse();
        response.Backbones.AddRange(backbones.List());
        return Task.FromResult(response);
    }

    public override Task<ListModelsResponse> ListModels(ListModelsRequest request, ServerCallContext context)
    {
        if (request.Name.Length > 0 && !ModelIds.IsValidName(request.Name))
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"'{request.Name}' is not a model name."));
        var response = new ListModelsResponse();
        response.Models.AddRange(registry.List(request.Name));
        return Task.FromResult(response);
    }

    public override Task<GetModelResponse> GetModel(GetModelRequest request, ServerCallContext context) =>
        Task.FromResult(new GetModelResponse { Model = registry.Get(request.ModelId) });

    public override async Task DownloadModel(DownloadModelRequest request, IServerStreamWriter<DownloadModelResponse> responseStream, ServerCallContext context)
    {
        var chunkBytes = request.ChunkBytes == 0 ? DefaultChunkBytes : request.ChunkBytes;
        if (chunkBytes is < MinChunkBytes or > MaxChunkBytes)
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"chunk_bytes {request.ChunkBytes} must be in {MinChunkBytes}..{MaxChunkBytes} (0 for 1 MiB)."));
        var model = registry.Get(request.ModelId);
        // Opened before the header is sent so a concurrent delete cannot leave a header without its bytes.
        await using var file = new FileStream(registry.FilePath(model.ModelId, ModelRegistry.ModelFileName), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, chunkBytes, useAsync: true);
        await responseStream.WriteAsync(new DownloadModelResponse { Header = model }, context.CancellationToken).ConfigureAwait(false);
        var buffer = new byte[chunkBytes];
        int read;
        while ((read = await file.ReadAsync(buffer, context.CancellationToken).ConfigureAwait(false)) > 0)
        {
            await responseStream.WriteAsync(new DownloadModelResponse { Chunk = ByteString.CopyFrom(buffer, 0, read) }, context.CancellationToken).ConfigureAwait(false);
        }
    }

    public override Task<DeleteModelResponse> DeleteModel(DeleteModelRequest request, ServerCallContext context)
    {
        registry.Delete(request.ModelId, request.Force);
        return Task.FromResult(new DeleteModelResponse());
    }
}
