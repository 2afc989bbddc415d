using System.CommandLine;
using System.Globalization;
using Grpc.Core;
using Iad.Cli.Commands.Train;
using Iad.Client;
using Iad.Contracts.V1;
using Spectre.Console;

namespace Iad.Cli.Commands;

/// <summary>
/// <c>iad train</c>: builds a setting on the dataset service, starts a training job and follows it to the registered
/// model with a progress bar (plain lines without a TTY, JSON lines with <c>--json</c>). Ctrl-C cancels the job.
/// </summary>
internal static class TrainCommand
{
    /// <summary>Exit code after Ctrl-C, as shells report a SIGINT.</summary>
    private const int Interrupted = 130;

    public static Command Create()
    {
        var dataset = new Option<string>("--dataset") { Description = "Registered dataset name", Required = true };
        var categories = new Option<string?>("--categories") { Description = "Comma-separated categories in task order (default: all)" };
        var task = new Option<int?>("--task") { Description = "Task of the continual sequence over the categories (0-based)" };
        var method = new Option<string>("--method") { Description = $"One of {string.Join(", ", TrainingPlan.MethodNames)}", DefaultValueFactory = _ => "patchcore" };
        var imageSize = new Option<int>("--image-size") { Description = "Resize side in pixels", DefaultValueFactory = _ => 256 };
        var seed = new Option<int>("--seed") { Description = "Seed of the setting and of the fit" };
        var coresetRatio = new Option<double?>("--coreset-ratio") { Description = "PatchCore coreset share in (0, 1] (default 0.1)" };
        var memoryBudget = new Option<long?>("--memory-budget") { Description = "PatchCore: maximum bank rows after a continual update" };
        var featureDim = new Option<int?>("--feature-dim") { Description = "PaDiM: random channel subset size (default 100)" };
        var baseModel = new Option<string?>("--base") { Description = "Model id to extend (continual update)" };
        var name = new Option<string?>("--name") { Description = "Model name (default <method>-<task>)" };
        var backbone = new Option<string>("--backbone") { Description = "'builtin' or an ONNX path under the training service's backbone folder", DefaultValueFactory = _ => "builtin" };
        var json = new Option<bool>("--json") { Description = "One JSON line per progress event, then a JSON result line" };
        var command = new Command("train", "Train a detector on a dataset and register it")
        {
            dataset, categories, task, method, imageSize, seed, coresetRatio, memoryBudget, featureDim, baseModel, name, backbone, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = LocalClient.Open(parse.GetValue(CommonOptions.Home)!);
            if (client is null) return 1;
            var arguments = new TrainArguments(
                parse.GetValue(dataset)!,
                parse.GetValue(categories)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [],
                parse.GetValue(task), parse.GetValue(method)!, parse.GetValue(imageSize), parse.GetValue(seed),
                parse.GetValue(coresetRatio), parse.GetValue(memoryBudget), parse.GetValue(featureDim),
                parse.GetValue(baseModel), parse.GetValue(name), parse.GetValue(backbone)!);
            return await RunAsync(client, arguments, parse.GetValue(json), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(IadClient client, TrainArguments arguments, bool json, CancellationToken cancellationToken)
    {
        string? jobId = null;
        try
        {
            var plan = TrainingPlan.Build(arguments, await FindDatasetAsync(client, arguments.Dataset, cancellationToken));
            var setting = await client.Dataset.BuildSettingAsync(new BuildSettingRequest { Spec = plan.Setting }, cancellationToken: cancellationToken);
            plan.Request.ManifestSha256 = setting.Sha256;
            jobId = (await client.Training.StartTrainingAsync(plan.Request, cancellationToken: cancellationToken)).JobId;
            if (!json) Console.WriteLine($"job {jobId} started on setting {setting.Sha256[..12]}");
            var job = await FollowAsync(client.Training, jobId, json, cancellationToken);
            return Finish(job, json);
        }
        catch (ArgumentException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return 1;
        }
        catch (Exception exception) when (cancellationToken.IsCancellationRequested
                                          && exception is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
        {
            if (jobId is not null) await CancelAsync(client.Training, jobId);
            return Interrupted;
        }
        catch (RpcException exception)
        {
            Console.Error.WriteLine($"{exception.StatusCode}: {exception.Status.Detail}");
            return 1;
        }
    }

    private static async Task<Dataset> FindDatasetAsync(IadClient client, string name, CancellationToken cancellationToken)
    {
        var datasets = (await client.Dataset.ListDatasetsAsync(new ListDatasetsRequest(), cancellationToken: cancellationToken)).Datasets;
        return datasets.FirstOrDefault(d => d.Name == name)
            ?? throw new ArgumentException(datasets.Count == 0
                ? $"unknown dataset '{name}'; no datasets are registered (register a folder with 'iad datasets describe FOLDER')"
                : $"unknown dataset '{name}'; registered datasets: {string.Join(", ", datasets.Select(d => d.Name).Order(StringComparer.Ordinal))}");
    }

    private static Task<Job> FollowAsync(TrainingService.TrainingServiceClient training, string jobId, bool json, CancellationToken cancellationToken)
    {
        if (json) return JobFollower.FollowAsync(training, jobId, p => Console.WriteLine(TrainJson.Progress(p).ToJsonString()), cancellationToken);
        if (Console.IsOutputRedirected) return JobFollower.FollowAsync(training, jobId, new PlainProgressPrinter(Console.Out).Report, cancellationToken);
        return AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var bar = context.AddTask("queued", maxValue: 1);
                var job = await JobFollower.FollowAsync(training, jobId, p =>
                {
                    bar.Description = Markup.Escape(ProgressText.Describe(p));
                    bar.Value = p.Fraction;
                }, cancellationToken);
                if (job.State == JobState.Succeeded)
                {
                    bar.Description = "done";
                    bar.Value = 1;
                }
                return job;
            });
    }

    private static int Finish(Job job, bool json)
    {
        if (json) Console.WriteLine(TrainJson.Result(job).ToJsonString());
        if (job.State != JobState.Succeeded)
        {
            Console.Error.WriteLine($"{job.State.ToString().ToUpperInvariant()}: {job.Error}");
            return 1;
        }
        if (!json)
        {
            var phases = job.PhaseSeconds.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value:F2} s"));
            Console.WriteLine($"model {job.ModelId} registered ({string.Join(", ", phases)})");
        }
        return 0;
    }

    private static async Task CancelAsync(TrainingService.TrainingServiceClient training, string jobId)
    {
        Console.Error.WriteLine($"interrupted; cancelling job {jobId}");
        try
        {
            // The command's token is already cancelled; the job must still be told, within the shutdown grace period.
            await training.CancelJobAsync(new CancelJobRequest { JobId = jobId }, deadline: DateTime.UtcNow.AddSeconds(1.5));
        }
        catch (RpcException exception)
        {
            Console.Error.WriteLine($"{exception.StatusCode}: {exception.Status.Detail}");
        }
    }
}
