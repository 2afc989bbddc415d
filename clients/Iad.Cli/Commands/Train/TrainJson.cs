using System.Text.Json.Nodes;
using Iad.Contracts.V1;

namespace Iad.Cli.Commands.Train;

/// <summary>
/// The JSON lines of <c>iad train --json</c>: <c>{"event":"progress",...}</c> per progress event, then one
/// <c>{"event":"result",...}</c> with the job id, final state, model id, error and seconds per phase.
/// </summary>
internal static class TrainJson
{
    public static JsonObject Progress(JobProgress progress)
    {
        var json = new JsonObject
        {
            ["event"] = "progress",
            ["job_id"] = progress.JobId,
            ["state"] = ProgressText.State(progress.State),
            ["phase"] = ProgressText.Phase(progress.Phase),
            ["images_done"] = progress.ImagesDone,
            ["images_total"] = progress.ImagesTotal,
            ["fraction"] = progress.Fraction,
            ["message"] = progress.Message,
        };
        if (progress.HasEtaSeconds) json["eta_seconds"] = progress.EtaSeconds;
        return json;
    }

    public static JsonObject Result(Job job)
    {
        var phases = new JsonObject();
        foreach (var (phase, seconds) in job.PhaseSeconds.OrderBy(p => p.Key, StringComparer.Ordinal)) phases[phase] = seconds;
        return new JsonObject
        {
            ["event"] = "result",
            ["job_id"] = job.JobId,
            ["state"] = ProgressText.State(job.State),
            ["model_id"] = job.ModelId,
            ["error"] = job.Error,
            ["phase_seconds"] = phases,
        };
    }
}
