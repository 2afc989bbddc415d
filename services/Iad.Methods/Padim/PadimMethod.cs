namespace Iad.Methods.Padim;

/// <summary>PaDiM (Defard et al., ICPR 2020): see README.md, <see cref="PadimFitter"/> and <see cref="PadimModel"/>.</summary>
public sealed class PadimMethod : IAnomalyMethod
{
    public string Name => PadimModel.MethodName;

    /// <inheritdoc />
    /// <remarks>With a base model: <see cref="PadimContinualMode.Replace"/> (default) refits on the new task only;
    /// <see cref="PadimContinualMode.Pool"/> pools the base statistics with the new task's.</remarks>
    public IFittedModel Fit(IEnumerable<ImageBatch> source, FitOptions options, IFittedModel? baseModel = null,
        IProgress<FitProgress>? progress = null, CancellationToken cancellationToken = default) =>
        PadimFitter.Fit(source, options, baseModel, progress, cancellationToken);
}
