using Iad.Training.Service.Configuration;
using Iad.Training.Service.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Iad.Training.Service.Jobs;

/// <summary>Takes queued jobs and runs up to <see cref="TrainingOptions.MaxConcurrentJobs"/> of them at once.</summary>
public sealed class JobWorkers(JobBoard board, TrainingRunner runner, IOptions<TrainingOptions> options) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var workers = Enumerable.Range(0, Math.Max(1, options.Value.MaxConcurrentJobs)).Select(_ => Task.Run(() => WorkAsync(stoppingToken), stoppingToken));
        return Task.WhenAll(workers);
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in board.Queue.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await using var stopping = stoppingToken.Register(job.Cancel);
                await runner.RunAsync(job).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown: running jobs were cancelled through the registration above.
        }
    }
}
