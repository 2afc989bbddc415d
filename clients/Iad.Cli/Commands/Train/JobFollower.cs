using Grpc.Core;
using Iad.Contracts.V1;

namespace Iad.Cli.Commands.Train;

/// <summary>Follows a training job's WatchJob stream to its final state.</summary>
internal static class JobFollower
{
    /// <summary>
    /// Calls <paramref name="onProgress"/> for each progress event and returns the final job. A stream that ends without
    /// its result event (e.g. the service restarted) is answered by GetJob.
    /// </summary>
    /// <exception cref="RpcException">The training service refused the watch or the call was cancelled.</exception>
    public static async Task<Job> FollowAsync(TrainingService.TrainingServiceClient training, string jobId, Action<JobProgress> onProgress,
        CancellationToken cancellationToken)
    {
        using var call = training.WatchJob(new WatchJobRequest { JobId = jobId }, cancellationToken: cancellationToken);
        await foreach (var message in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            switch (message.EventCase)
            {
                case WatchJobResponse.EventOneofCase.Progress:
                    onProgress(message.Progress);
                    break;
                case WatchJobResponse.EventOneofCase.Result:
                    return message.Result;
            }
        }
        return (await training.GetJobAsync(new GetJobRequest { JobId = jobId }, cancellationToken: cancellationToken)).Job;
    }
}
