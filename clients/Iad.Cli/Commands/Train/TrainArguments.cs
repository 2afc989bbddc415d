namespace Iad.Cli.Commands.Train;

/// <summary>What the user asked <c>iad train</c> for, before any service was consulted.</summary>
/// <param name="Dataset">Registered dataset name.</param>
/// <param name="Categories">Categories in task order; empty means every category of the dataset.</param>
/// <param name="Task">0-based task of a continual sequence; null trains a single category.</param>
/// <param name="Method">Method name, e.g. <c>patchcore</c> (case-insensitive).</param>
/// <param name="ImageSize">Resize side of the setting in pixels.</param>
/// <param name="Seed">Seed of the setting and of the fit.</param>
/// <param name="CoresetRatio">PatchCore coreset share in (0, 1]; null keeps the server default.</param>
/// <param name="MemoryBudget">PatchCore maximum bank rows after a continual update; null is unbounded.</param>
/// <param name="FeatureDim">PaDiM random channel subset size; null keeps the server default.</param>
/// <param name="BaseModel">Registry id of the model a continual update extends; null trains from scratch.</param>
/// <param name="Name">Model name; null lets the server choose <c>&lt;method&gt;-&lt;task&gt;</c>.</param>
/// <param name="Backbone"><c>builtin</c>, or a path relative to the training service's backbone folder.</param>
internal sealed record TrainArguments(
    string Dataset,
    IReadOnlyList<string> Categories,
    int? Task,
    string Method,
    int ImageSize,
    int Seed,
    double? CoresetRatio,
    long? MemoryBudget,
    int? FeatureDim,
    string? BaseModel,
    string? Name,
    string Backbone);
