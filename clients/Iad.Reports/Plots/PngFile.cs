using SkiaSharp;

namespace Iad.Reports.Plots;

/// <summary>Writes a Skia surface or bitmap as a lossless PNG file.</summary>
internal static class PngFile
{
    /// <summary>Encodes the current contents of <paramref name="surface"/> to <paramref name="path"/>.</summary>
    public static void Save(SKSurface surface, string path)
    {
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100)
            ?? throw new InvalidOperationException($"PNG encoding of a {image.Width}×{image.Height} image failed.");
        using var file = File.Create(path);
        data.SaveTo(file);
    }
}
