using Iad.Reports.Model;
using Iad.Reports.Overlays;

namespace Iad.Reports.Tests.Overlays;

public sealed class OverlayTileRendererTests
{
    private const int T = OverlayGridLayout.Tile;

    [Fact]
    public void Jet_endpoints_and_midpoint()
    {
        Assert.Equal(((byte)0, (byte)0, (byte)128), JetColormap.Map(0f));
        Assert.Equal(((byte)128, (byte)255, (byte)128), JetColormap.Map(0.5f));
        Assert.Equal(((byte)128, (byte)0, (byte)0), JetColormap.Map(1f));
        Assert.Equal(JetColormap.Map(1f), JetColormap.Map(7f));
    }

    [Fact]
    public void Blends_half_image_half_jet_and_letterboxes_wide_images()
    {
        // 64×32 uniform grey 100, map at the top of its range everywhere: jet(1) = (128, 0, 0).
        var sample = Uniform(64, 32, 100, mapValue: 1f, mask: null);
        var rgba = new byte[OverlayTileRenderer.TileBytes];
        OverlayTileRenderer.Render(sample, lo: 0f, hi: 1f, rgba, new byte[T * T]);

        Assert.Equal((114, 50, 50, 255), Pixel(rgba, T / 2, T / 2));
        // A 2:1 image fills 128×64, centred: rows 0..31 and 96..127 are background.
        Assert.Equal((40, 40, 40, 255), Pixel(rgba, T / 2, 10));
        Assert.Equal((40, 40, 40, 255), Pixel(rgba, T / 2, T - 10));
        Assert.Equal((114, 50, 50, 255), Pixel(rgba, T / 2, 32));
    }

    [Fact]
    public void Flat_range_maps_everything_to_the_bottom_colour()
    {
        var sample = Uniform(16, 16, 0, mapValue: 3f, mask: null);
        var rgba = new byte[OverlayTileRenderer.TileBytes];
        OverlayTileRenderer.Render(sample, lo: 3f, hi: 3f, rgba, new byte[T * T]);
        Assert.Equal((0, 0, 64, 255), Pixel(rgba, 5, 5));
    }

    [Fact]
    public void Mask_contour_is_white_and_its_interior_is_not()
    {
        // 32×32 image → scale 4; mask square (8..23)² → tile pixels 32..95.
        var mask = new byte[32 * 32];
        for (var y = 8; y < 24; y++)
        for (var x = 8; x < 24; x++) mask[y * 32 + x] = 1;
        var sample = Uniform(32, 32, 0, mapValue: 0f, mask);
        var rgba = new byte[OverlayTileRenderer.TileBytes];
        OverlayTileRenderer.Render(sample, lo: 0f, hi: 1f, rgba, new byte[T * T]);

        Assert.Equal((255, 255, 255, 255), Pixel(rgba, 32, 60));
        Assert.Equal((255, 255, 255, 255), Pixel(rgba, 95, 60));
        Assert.Equal((255, 255, 255, 255), Pixel(rgba, 60, 32));
        Assert.Equal((0, 0, 64, 255), Pixel(rgba, 60, 60));
        Assert.Equal((0, 0, 64, 255), Pixel(rgba, 31, 60));
    }

    private static OverlaySample Uniform(int w, int h, byte grey, float mapValue, byte[]? mask)
    {
        var rgb = new byte[w * h * 3];
        Array.Fill(rgb, grey);
        var map = new float[w * h];
        Array.Fill(map, mapValue);
        return new OverlaySample(w, h, rgb, map, mask, IsAnomalous: true, Score: 1, Threshold: 0.5, Caption: "t");
    }

    private static (int R, int G, int B, int A) Pixel(byte[] rgba, int x, int y)
    {
        var i = (y * T + x) * 4;
        return (rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]);
    }
}
