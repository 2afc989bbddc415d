namespace Iad.Methods.PatchCore;

/// <summary>PatchCore (Roth et al., CVPR 2022): see README.md, <see cref="PatchCoreFitter"/> and <see cref="PatchCoreModel"/>.</summary>
public sealed class PatchCoreMethod : IAnomalyMethod
{
    public string Name => PatchCoreModel.MethodName;

    /// <inheritdoc />
    /// <remarks>
    /// With a base model the new task's coreset is appended to the base bank; with <see cref="PatchCoreOptions.MemoryBudget"/>
    /// a k-center coreset of at most that many rows is re-selected over the union. The normalisation is measured on this
    /// task's training images.
    /// </remarks>
    public IFittedModel Fit(IEnumerable<ImageBatch> source, FitOptions options, IFittedModel? baseModel = null,
        IProgress<FitProgress>? progress = null, CancellationToken cancellationToken = default) =>
        PatchCoreFitter.Fit(source, options, baseModel, progress, cancellationToken);
}
