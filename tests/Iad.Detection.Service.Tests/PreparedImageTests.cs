using Iad.Detection.Service.Inputs;

namespace Iad.Detection.Service.Tests;

public sealed class PreparedImageTests
{
    [Fact]
    public void Prepared_uint8_images_write_exactly_one_slot()
    {
        var image = PreparedImage.FromUint8(new byte[] { 0, 255, 51 });
        var slot = new float[3];
        image.WriteTo(slot);
        Assert.Equal([0f, 255 * (1f / 255f), 51 * (1f / 255f)], slot);
        Assert.Throws<ArgumentException>(() => image.WriteTo(new float[4]));
    }
}
