namespace Iad.Imaging.Decoding;

/// <summary>Raised when encoded bytes cannot be decoded; <see cref="Reason"/> says why (services map it to a status code).</summary>
public sealed class ImageDecodeException(ImageDecodeFailure reason, string message) : Exception(message)
{
    public ImageDecodeFailure Reason { get; } = reason;
}
