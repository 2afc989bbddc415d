using Iad.Imaging.Images;

namespace Iad.Synthetic.Rendering;

/// <summary>A rendered image and where its object is (centre and radius in pixels; radius 0 for textures).</summary>
public sealed record RenderedScene(RgbImage Image, double CenterX, double CenterY, double Radius);
