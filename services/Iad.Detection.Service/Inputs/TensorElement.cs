namespace Iad.Detection.Service.Inputs;

/// <summary>Element types accepted for image tensors.</summary>
public enum TensorElement
{
    /// <summary>Float32 RGB values in [0, 1].</summary>
    Float32,

    /// <summary>8-bit RGB values, scaled by 1/255.</summary>
    Uint8,
}
