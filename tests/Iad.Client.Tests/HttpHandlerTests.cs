namespace Iad.Client.Tests;

public sealed class HttpHandlerTests
{
    [Fact]
    public void Sdk_channels_open_each_stream_with_a_window_that_holds_a_float32_image()
    {
        using var handler = IadClient.CreateHttpHandler();

        // A 256×256 float32 tensor is 768 KiB; the transport's 64 KiB default makes it cross in window-sized steps.
        Assert.True(handler.InitialHttp2StreamWindowSize >= 3 * 256 * 256 * sizeof(float), $"{handler.InitialHttp2StreamWindowSize} bytes");
        Assert.Equal(IadClient.Http2StreamWindowBytes, handler.InitialHttp2StreamWindowSize);
        Assert.True(handler.EnableMultipleHttp2Connections);
    }
}
