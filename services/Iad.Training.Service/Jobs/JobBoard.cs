using System.Collections.Concurrent;
using System.Threading.Channels;
using Iad.Contracts.V1;
using Iad.Training.Service.Configuration;
using Microsoft.Extensions.Options;

namespace Iad.Training.Service.Jobs;

/// <summary>
/// Every known job by id, and the queue the workers take from. The queue is bounded (a full queue refuses new jobs);
/// finished jobs beyond the history limit are forgotten, oldest first.
/// </summary>
public sealed class JobBoard
{
    private readonly ConcurrentDictionary<string, TrainingJob> _jobs = new();
    private readonly Channel<TrainingJob> _queue;
    private readonly int _maxFinished;

    public JobBoard(IOptions<TrainingOptions> options)
    {
        var settings = options.Value;
        _maxFinished = Math.Max(1, settings.MaxFinishedJobs);
        _queue = Channel.CreateBounded<TrainingJob>(new BoundedChannelOptions(Math.Max(1, settings.MaxQueuedJobs)) { FullMode = BoundedChannelFullMode.Wait });
    }

    internal ChannelReader<TrainingJob> Queue => _queue.Reader;

    /// <summary>Creates and queues a job.</summary>
    /// <exception cref="JobQueueFullException">The queue holds its maximum of waiting jobs.</exception>
    public TrainingJob Submit(StartTrainingRequest request)
    {
        var job = new TrainingJob("job-" + Guid.NewGuid().ToString("N")[..12], request);
        _jobs[job.Id] = job;
        if (!_queue.Writer.TryWrite(job))
        {
            _jobs.TryRemove(job.Id, out _);
            throw new JobQueueFullException("The training queue is full; retry when running jobs finish.");
        }
        Prune();
        return job;
    }

    /// <exception cref="JobNotFoundException">Unknown id.</exception>
    public TrainingJob Get(string id) =>
        _jobs.TryGetValue(id, out var job) ? job : throw new JobNotFoundException($"No training job '{id}'.");

    /// <summary>Jobs, newest first, at most <paramref name="limit"/> (all when ≤ 0).</summary>
    public IReadOnlyList<TrainingJob> List(int limit)
    {
        var ordered = _jobs.Values.OrderByDescending(j => j.Created).ThenBy(j => j.Id, StringComparer.Ordinal);
        return limit > 0 ? [.. ordered.Take(limit)] : [.. ordered];
    }

    /// <summary>Counts per state, for telemetry.</summary>
    public IReadOnlyDictionary<JobState, int> CountByState() =>
        _jobs.Values.GroupBy(j => j.State).ToDictionary(g => g.Key, g => g.Count());

    private void Prune()
    {
        var finished = _jobs.Values.Where(j => j.IsFinished).OrderBy(j => j.Created).ToList();
        for (var i = 0; i < finished.Count - _maxFinished; i++) _jobs.TryRemove(finished[i].Id, out _);
    }
}
