using Google.Protobuf.WellKnownTypes;
using Iad.Contracts.V1;

namespace Iad.Training.Service.Jobs;

/// <summary>
/// One training job: its request, state, latest progress and outcome. Updates are serialised by a lock; watchers wait
/// on <see cref="WaitForChangeAsync"/>, which completes at the next update, so a watcher never polls.
/// </summary>
public sealed class TrainingJob
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, double> _phaseSeconds = new();
    private TaskCompletionSource _changed = NewSignal();
    private JobProgress _progress;
    private JobState _state = JobState.Queued;
    private DateTime? _finished;
    private string _modelId = "";
    private string _error = "";

    public TrainingJob(string id, StartTrainingRequest request)
    {
        Id = id;
        Request = request;
        Created = DateTime.UtcNow;
        _progress = new JobProgress { JobId = id, State = JobState.Queued, Message = "queued" };
    }

    public string Id { get; }

    public StartTrainingRequest Request { get; }

    public DateTime Created { get; }

    /// <summary>Cancelled by CancelJob; the pipeline observes it between batches and inside long loops.</summary>
    public CancellationTokenSource Cancellation { get; } = new();

    public JobState State
    {
        get
        {
            lock (_gate) return _state;
        }
    }

    public bool IsFinished => IsTerminal(State);

    /// <summary>Marks the job running; false when it was cancelled while queued.</summary>
    public bool TryStart()
    {
        lock (_gate)
        {
            if (_state != JobState.Queued) return false;
            _state = JobState.Running;
            _progress = _progress.Clone();
            _progress.State = JobState.Running;
            Signal();
            return true;
        }
    }

    /// <summary>Publishes progress of the running job.</summary>
    public void Report(TrainingPhase phase, long done, long total, double fraction, double? etaSeconds, string message)
    {
        lock (_gate)
        {
            if (IsTerminal(_state)) return;
            _progress = new JobProgress
            {
                JobId = Id,
                State = _state,
                Phase = phase,
                ImagesDone = done,
                ImagesTotal = total,
                Fraction = Math.Clamp(fraction, 0, 1),
                Message = message,
            };
            if (etaSeconds is { } eta) _progress.EtaSeconds = Math.Max(0, eta);
            Signal();
        }
    }

    public void RecordPhase(TrainingPhase phase, double seconds)
    {
        lock (_gate) _phaseSeconds[PhaseName(phase)] = seconds;
    }

    /// <summary>Ends the job (once; later calls are ignored).</summary>
    public void Finish(JobState state, string modelId = "", string error = "")
    {
        lock (_gate)
        {
            if (IsTerminal(_state)) return;
            _state = state;
            _modelId = modelId;
            _error = error;
            _finished = DateTime.UtcNow;
            _progress = _progress.Clone();
            _progress.State = state;
            _progress.ClearEtaSeconds();
            if (state == JobState.Succeeded) _progress.Fraction = 1;
            _progress.Message = state switch
            {
                JobState.Succeeded => $"registered {modelId}",
                JobState.Cancelled => "cancelled",
                _ => error,
            };
            Signal();
        }
    }

    /// <summary>Requests cancellation; a queued job ends at once, a running one at its next check.</summary>
    public void Cancel()
    {
        Cancellation.Cancel();
        bool queued;
        lock (_gate) queued = _state == JobState.Queued;
        if (queued) Finish(JobState.Cancelled);
    }

    /// <summary>A task that completes at the next change after this call.</summary>
    public Task WaitForChangeAsync(CancellationToken cancellationToken)
    {
        lock (_gate) return IsTerminal(_state) ? Task.CompletedTask : _changed.Task.WaitAsync(cancellationToken);
    }

    public JobProgress Progress()
    {
        lock (_gate) return _progress.Clone();
    }

    public Job Snapshot()
    {
        lock (_gate)
        {
            var job = new Job
            {
                JobId = Id,
                State = _state,
                Request = Request,
                Created = Timestamp.FromDateTime(Created),
                ModelId = _modelId,
                Error = _error,
                LastProgress = _progress.Clone(),
            };
            if (_finished is { } finished) job.Finished = Timestamp.FromDateTime(finished);
            job.PhaseSeconds.Add(_phaseSeconds);
            return job;
        }
    }

    /// <summary>The label value of a phase in telemetry and <c>phase_seconds</c>: <c>loading</c>, <c>extracting</c>, ….</summary>
    public static string PhaseName(TrainingPhase phase) => phase.ToString().ToLowerInvariant();

    private static bool IsTerminal(JobState state) => state is JobState.Succeeded or JobState.Failed or JobState.Cancelled;

    private void Signal()
    {
        var previous = _changed;
        _changed = NewSignal();
        previous.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
