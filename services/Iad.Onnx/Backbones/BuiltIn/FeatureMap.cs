namespace Iad.Onnx.Backbones.BuiltIn;

/// <summary>An NCHW float tensor used while calibrating the built-in backbone.</summary>
internal sealed record FeatureMap(float[] Data, int Count, int Channels, int Height, int Width)
{
    public int Plane => Height * Width;
}
