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

    [Theory]
    [InlineData("http://127.0.0.1:7101")]
    [InlineData("dns:///localhost:7101")]
    [InlineData("http://127.0.0.1:7101,http://127.0.0.1:7201")]
    public void Channels_open_for_a_single_address_a_dns_name_and_a_replica_list(string address)
    {
        // Balanced channels refuse a handler with its own connect callback; the factory must drop the read-ahead one.
        using var channel = IadClient.CreateChannel(address, new IadClientOptions());

        Assert.NotNull(channel);
    }
}
