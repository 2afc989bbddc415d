namespace Iad.Detection.Service.KServe;

/// <summary>Names the KServe v2 protocol uses for what this service serves.</summary>
public static class KServeDataTypes
{
    /// <summary>32-bit IEEE float, little-endian.</summary>
    public const string Fp32 = "FP32";

    /// <summary>Unsigned 8-bit integer.</summary>
    public const string Uint8 = "UINT8";

    /// <summary>The platform name Triton gives ONNX Runtime models.</summary>
    public const string OnnxPlatform = "onnxruntime_onnx";
}
