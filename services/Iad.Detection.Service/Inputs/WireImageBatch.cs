using Iad.Contracts.V1;

namespace Iad.Detection.Service.Inputs;

/// <summary>iad.v1 <see cref="Image"/> messages (encoded or tensors), read by <see cref="ImageInputReader"/>.</summary>
public sealed class WireImageBatch(IReadOnlyList<Image> images, ImageInputReader reader) : IImageBatch
{
    public int Count => images.Count;

    public PreparedImage Prepare(int index, int height, int width) => reader.Prepare(images[index], height, width);
}
