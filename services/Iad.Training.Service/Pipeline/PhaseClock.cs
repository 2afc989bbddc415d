using System.Diagnostics;
using Iad.Contracts.V1;
using Iad.Training.Service.Jobs;
using Iad.Training.Service.Telemetry;

namespace Iad.Training.Service.Pipeline;

/// <summary>
/// Times the phases of one job, reports progress into the job (overall fraction from fixed phase shares, ETA from the
/// current phase's rate) and records each phase's duration in the job and in telemetry.
/// </summary>
internal sealed class PhaseClock(TrainingJob job, string method)
{
    private static readonly Dictionary<TrainingPhase, (double Start, double End)> Shares = new()
    {
        [TrainingPhase.Loading] = (0.00, 0.02),
        [TrainingPhase.Extracting] = (0.02, 0.60),
        [TrainingPhase.Fitting] = (0.60, 0.90),
        [TrainingPhase.Compiling] = (0.90, 0.98),
        [TrainingPhase.Registering] = (0.98, 1.00),
    };

    private readonly Stopwatch _phaseTime = new();
    private TrainingPhase _phase = TrainingPhase.Unspecified;
    private long _lastReportTicks;

    public TrainingPhase Phase => _phase;

    /// <summary>Seconds spent in the current phase so far.</summary>
    public double Elapsed => _phaseTime.Elapsed.TotalSeconds;

    /// <summary>Seconds of each finished phase.</summary>
    public Dictionary<TrainingPhase, double> Durations { get; } = new();

    public void Enter(TrainingPhase phase, string message, long total = 0)
    {
        EndCurrent();
        _phase = phase;
        _phaseTime.Restart();
        job.Report(phase, 0, total, Shares[phase].Start, null, message);
    }

    /// <summary>Progress inside the phase; reports are limited to ten a second except the last one.</summary>
    public void Advance(long done, long total, string message)
    {
        var now = Stopwatch.GetTimestamp();
        if (done < total && now - _lastReportTicks < Stopwatch.Frequency / 10) return;
        _lastReportTicks = now;
        var share = Shares[_phase];
        var part = total > 0 ? Math.Clamp((double)done / total, 0, 1) : 0;
        double? eta = done > 0 && total > 0 ? Elapsed / done * (total - done) : null;
        job.Report(_phase, done, total, share.Start + part * (share.End - share.Start), eta, message);
    }

    /// <summary>Ends the last phase.</summary>
    public void Stop() => EndCurrent();

    private void EndCurrent()
    {
        if (_phase == TrainingPhase.Unspecified) return;
        var seconds = _phaseTime.Elapsed.TotalSeconds;
        Durations[_phase] = seconds;
        job.RecordPhase(_phase, seconds);
        TrainingMetrics.PhaseDuration.WithLabels(method, TrainingJob.PhaseName(_phase)).Observe(seconds);
        _phase = TrainingPhase.Unspecified;
    }
}
