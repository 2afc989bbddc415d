using System.Buffers;
using System.Runtime.InteropServices;
using Iad.Onnx.Detector;

namespace Iad.Detection.Service.Inputs;

/// <summary>
/// One validated model input, [3, H, W], kept in the form it arrived in until the batcher writes it into its batch's
/// input slot (<see cref="WriteTo"/>): a uint8 tensor stays bytes (converted v = q · 1/255 straight into the slot), a
/// float32 tensor stays the request's bytes (already checked finite and in [0, 1]), and a decoded image is a float
/// buffer. So a tensor request is copied once on its way to the model, and no per-request float buffer is allocated.
/// The referenced memory must stay alive until the image has been computed; <see cref="Release"/> gives a decoded
/// image's pooled buffer back.
/// </summary>
public sealed class PreparedImage
{
    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly ReadOnlyMemory<float> _floats;
    private readonly bool _isUint8;
    private float[]? _pooled;

    private PreparedImage(ReadOnlyMemory<byte> bytes, ReadOnlyMemory<float> floats, bool isUint8, float[]? pooled)
    {
        _bytes = bytes;
        _floats = floats;
        _isUint8 = isUint8;
        _pooled = pooled;
    }

    /// <summary>Number of floats the image writes: 3 · H · W.</summary>
    public int Length => _isUint8 ? _bytes.Length : _bytes.IsEmpty ? _floats.Length : _bytes.Length / sizeof(float);

    /// <summary>An image already in model form (RGB floats in [0, 1]); the caller keeps <paramref name="floats"/> alive.</summary>
    public static PreparedImage FromFloats(ReadOnlyMemory<float> floats) => new(default, floats, false, null);

    /// <summary>8-bit values, scaled by 1/255 when written.</summary>
    public static PreparedImage FromUint8(ReadOnlyMemory<byte> bytes) => new(bytes, default, true, null);

    /// <summary>Little-endian float32 values held as bytes, validated by the caller.</summary>
    public static PreparedImage FromFloat32Bytes(ReadOnlyMemory<byte> bytes) => new(bytes, default, false, null);

    /// <summary>A decoded image in the first <paramref name="length"/> floats of a buffer rented from <see cref="ArrayPool{T}.Shared"/>.</summary>
    public static PreparedImage FromPooled(float[] buffer, int length) => new(default, buffer.AsMemory(0, length), false, buffer);

    /// <summary>Writes the image as model input floats into <paramref name="destination"/> (length <see cref="Length"/>).</summary>
    /// <exception cref="ArgumentException">The destination length differs from <see cref="Length"/>.</exception>
    public void WriteTo(Span<float> destination)
    {
        if (destination.Length != Length)
            throw new ArgumentException($"The image holds {Length} values; the input slot takes {destination.Length}.", nameof(destination));
        if (_isUint8) PixelConversion.Uint8ToUnit(_bytes.Span, destination);
        else if (!_bytes.IsEmpty) MemoryMarshal.Cast<byte, float>(_bytes.Span).CopyTo(destination);
        else _floats.Span.CopyTo(destination);
    }

    /// <summary>Returns a pooled buffer (idempotent); the image must not be written afterwards.</summary>
    public void Release()
    {
        if (_pooled is null) return;
        ArrayPool<float>.Shared.Return(_pooled);
        _pooled = null;
    }
}
