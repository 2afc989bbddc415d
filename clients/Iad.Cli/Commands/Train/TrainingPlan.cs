using Iad.Contracts.V1;

namespace Iad.Cli.Commands.Train;

/// <summary>
/// The setting to build and the training request to start for a <see cref="TrainArguments"/> against a registered
/// dataset. One category gives an unsupervised setting trained on its only task; several categories with a task index
/// give a continual setting (one task per category, in the order given) trained on that task.
/// </summary>
/// <param name="Setting">Spec for BuildSetting.</param>
/// <param name="Request">StartTraining request; its <c>manifest_sha256</c> is left for the built setting's hash.</param>
internal sealed record TrainingPlan(SettingSpec Setting, StartTrainingRequest Request)
{
    /// <summary>Method names the CLI accepts: the proto's methods in lower case (the training service says which it trains).</summary>
    public static IReadOnlyList<string> MethodNames { get; } =
        [.. Enum.GetValues<Method>().Where(m => m != Method.Unspecified).Select(m => m.ToString().ToLowerInvariant())];

    /// <summary>Checks <paramref name="arguments"/> against <paramref name="dataset"/> and builds the plan.</summary>
    /// <exception cref="ArgumentException">
    /// Unknown method or category (the message lists the known ones), a repeated category, several categories without a
    /// task, a task outside 0..K−1, or method options given for another method.
    /// </exception>
    public static TrainingPlan Build(TrainArguments arguments, Dataset dataset)
    {
        var method = ParseMethod(arguments.Method);
        var categories = Categories(arguments, dataset);
        var setting = new SettingSpec
        {
            Dataset = dataset.Name,
            Seed = arguments.Seed,
            Unsupervised = new UnsupervisedOptions(),
            Input = new InputOptions { ImageSize = arguments.ImageSize },
        };
        setting.Categories.AddRange(categories);
        if (arguments.Task is { } task)
        {
            if (task < 0 || task >= categories.Count)
                throw new ArgumentException($"--task {task} is outside 0..{categories.Count - 1} for the {categories.Count} categories [{string.Join(", ", categories)}].");
            setting.Continual = new ContinualOptions();
            setting.Continual.TaskOrder.AddRange(categories);
        }
        else if (categories.Count > 1)
        {
            throw new ArgumentException(
                $"{categories.Count} categories [{string.Join(", ", categories)}]: train one with --categories NAME, or one task of the continual sequence with --task N.");
        }

        var request = new StartTrainingRequest
        {
            Method = method,
            Backbone = Backbone(arguments.Backbone),
            TaskIndex = arguments.Task ?? 0,
            Seed = arguments.Seed,
            BaseModelId = arguments.BaseModel ?? "",
            ModelName = arguments.Name ?? "",
        };
        AddMethodOptions(arguments, request);
        return new TrainingPlan(setting, request);
    }

    /// <exception cref="ArgumentException">The name is not a known method.</exception>
    public static Method ParseMethod(string name)
    {
        var method = Enum.GetValues<Method>()
            .FirstOrDefault(m => m != Method.Unspecified && m.ToString().Equals(name.Trim(), StringComparison.OrdinalIgnoreCase));
        return method != Method.Unspecified
            ? method
            : throw new ArgumentException($"unknown method '{name}'; known methods: {string.Join(", ", MethodNames)}");
    }

    private static List<string> Categories(TrainArguments arguments, Dataset dataset)
    {
        if (arguments.Categories.Count == 0) return [.. dataset.Categories];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var category in arguments.Categories)
        {
            if (!dataset.Categories.Contains(category))
                throw new ArgumentException($"unknown category '{category}' in dataset '{dataset.Name}'; its categories: {string.Join(", ", dataset.Categories)}");
            if (!seen.Add(category)) throw new ArgumentException($"category '{category}' is listed twice.");
        }
        return [.. arguments.Categories];
    }

    private static BackboneSpec Backbone(string backbone) =>
        backbone is "builtin" or "" ? new BackboneSpec { Builtin = "builtin" } : new BackboneSpec { OnnxPath = backbone };

    private static void AddMethodOptions(TrainArguments arguments, StartTrainingRequest request)
    {
        if (arguments.CoresetRatio is not null || arguments.MemoryBudget is not null)
        {
            if (request.Method != Method.Patchcore)
                throw new ArgumentException($"--coreset-ratio and --memory-budget apply to patchcore, not {request.Method.ToString().ToLowerInvariant()}.");
            request.Patchcore = new PatchCoreOptions { MemoryBudget = arguments.MemoryBudget ?? 0 };
            if (arguments.CoresetRatio is { } ratio) request.Patchcore.CoresetRatio = ratio;
        }
        if (arguments.FeatureDim is { } featureDim)
        {
            if (request.Method != Method.Padim)
                throw new ArgumentException($"--feature-dim applies to padim, not {request.Method.ToString().ToLowerInvariant()}.");
            request.Padim = new PadimOptions { FeatureDim = featureDim };
        }
    }
}
