namespace Iad.Methods;

/// <summary>An anomaly detection method: fits on streamed normal images and returns a model that scores and compiles.</summary>
public interface IAnomalyMethod
{
    /// <summary>Registry name, lower case (e.g. <c>patchcore</c>), recorded as the detector's <c>iad.method</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Fits on <paramref name="source"/> (batches of normal images at the options' input size). With
    /// <paramref name="baseModel"/> (a model of this method, same backbone and input size) the fit is a continual update
    /// whose rule the method documents. Cancellation is checked between batches and inside long loops.
    /// </summary>
    /// <exception cref="ArgumentException">A batch has the wrong size, or the source is empty.</exception>
    /// <exception cref="IncompatibleModelException">The base model belongs to another method, backbone or input size.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    IFittedModel Fit(IEnumerable<ImageBatch> source, FitOptions options, IFittedModel? baseModel = null,
        IProgress<FitProgress>? progress = null, CancellationToken cancellationToken = default);
}
