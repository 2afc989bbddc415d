using System.Runtime.InteropServices;
using Iad.Contracts.V1;
using Iad.Dataset.Service.Items;
using Iad.Datasets.Sandbox;
using Iad.Imaging.Encoding;
using Iad.Imaging.Images;
using Iad.Imaging.Preprocessing;
using Iad.Imaging.Tensors;

namespace Iad.Dataset.Service.Tests;

public sealed class ImageRendererTests : IDisposable
{
    private const int Side = 256;
    private readonly string _root = Directory.CreateTempSubdirectory("iad-renderer-test-").FullName;
    private readonly byte[] _png;

    public ImageRendererTests()
    {
        var image = new RgbImage(300, 200);
        for (var i = 0; i < image.Pixels.Length; i++) image.Pixels[i] = (byte)(i * 7 % 251);
        _png = ImageEncoder.EncodePng(image);
        File.WriteAllBytes(Path.Combine(_root, "a.png"), _png);
    }

    private RenderedImage Render(ItemFormat format) =>
        ImageRenderer.Render(new DatasetRoot(_root), new ImageSource("a.png", [], []), format, new InputGeometry(Side, Side), includeMask: false, pooled: true);

    [Fact]
    public void Uint8_payload_is_the_chw_of_the_loaded_image_and_float32_is_it_over_255()
    {
        var geometry = new InputGeometry(Side, Side);
        var expected = new byte[geometry.TensorLength];
        ChwBytes.Write(ImagePreprocessor.LoadImage(_png, geometry), expected);
        using var uint8 = Render(ItemFormat.Uint8);
        using var float32 = Render(ItemFormat.Float32);

        Assert.Equal(expected, uint8.Payload.ToArray());
        var floats = MemoryMarshal.Cast<byte, float>(float32.Payload.Span);
        Assert.Equal(expected.Length, floats.Length);
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i] * (1f / 255f), floats[i]);
    }

    [Fact]
    public void A_pooled_decoded_render_allocates_no_image_sized_managed_buffer_once_warm()
    {
        foreach (var format in new[] { ItemFormat.Uint8, ItemFormat.Float32 })
        {
            Render(format).Dispose();
            var before = GC.GetAllocatedBytesForCurrentThread();
            using (Render(format))
            {
                var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                // One RGB image of the output size is 3·256·256 = 196 608 bytes.
                Assert.True(allocated < Side * Side, $"{format}: {allocated} bytes allocated by one warm render of a {Side}x{Side} image");
            }
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
