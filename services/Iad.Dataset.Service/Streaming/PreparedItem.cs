using Iad.Contracts.V1;
using Iad.Dataset.Service.Items;

namespace Iad.Dataset.Service.Streaming;

/// <summary>A stream item ready to send: the item message and its rendered payload (inline or to be chunked).</summary>
internal sealed class PreparedItem(DatasetItem item, RenderedImage image) : IDisposable
{
    public DatasetItem Item { get; } = item;

    public RenderedImage Image { get; } = image;

    public void Dispose() => Image.Dispose();
}
