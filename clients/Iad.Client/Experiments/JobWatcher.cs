using Grpc.Core;
using Iad.Contracts.V1;

namespace Iad.Client.Experiments;

/// <summary>Follows a training job's WatchJob stream to its end.</summary>
public static class JobWatcher
{
    /// <summary>The finished job when it succeeded.</summary>
    /// <exception cref="InvalidOperationException">The job failed (its error) or was cancelled by someone else.</exception>
    public static async Task<Job> WaitAsync(TrainingService.TrainingServiceClient training, string jobId, Action<JobProgress>? onProgress,
        CancellationToken cancellationToken)
    {
        using var watch = training.WatchJob(new WatchJobRequest { JobId = jobId }, cancellationToken: cancellationToken);
        await foreach (var message in watch.ResponseStream.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (message.EventCase == WatchJobResponse.EventOneofCase.Progress)
            {
                onProgress?.Invoke(message.Progress);
                continue;
            }
            var job = message.Result;
            return job.State switch
            {
                JobState.Succeeded => job,
                JobState.Cancelled => throw new InvalidOperationException($"Training job {jobId} was cancelled."),
                _ => throw new InvalidOperationException($"Training job {jobId} failed: {job.Error}"),
            };
        }
        throw new InvalidOperationException($"The watch of training job {jobId} ended without its result.");
    }

    /// <summary>Asks the service to cancel <paramref name="jobId"/>, ignoring failures (used while the caller is being cancelled).</summary>
    public static async Task CancelQuietlyAsync(TrainingService.TrainingServiceClient training, string jobId)
    {
        try
        {
            await training.CancelJobAsync(new CancelJobRequest { JobId = jobId }, deadline: DateTime.UtcNow.AddSeconds(5)).ConfigureAwait(false);
        }
        catch (RpcException)
        {
            // The job may already be over, or the service gone; nothing more to do.
        }
    }
}
