namespace Iad.Detection.Service.Inputs;

/// <summary>
/// The images of one request, in whatever wire form they came, prepared one by one only once the model (and so its
/// input size) is known and its queue slots are reserved, so that nothing is decoded or copied for a request that
/// cannot be admitted.
/// </summary>
public interface IImageBatch
{
    /// <summary>Number of images.</summary>
    int Count { get; }

    /// <summary>Validates image <paramref name="index"/> for a <paramref name="height"/>×<paramref name="width"/> model and returns it ready for a batch slot.</summary>
    /// <exception cref="InvalidImageException">The image does not fit the model or holds invalid values.</exception>
    /// <exception cref="ImageTooLargeException">Encoded bytes declare more pixels than the limit.</exception>
    PreparedImage Prepare(int index, int height, int width);
}
