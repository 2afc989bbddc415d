using System.Buffers;
using Google.Protobuf;
using Iad.Contracts.V1;

namespace Iad.Dataset.Service.Items;

/// <summary>
/// A rendered image payload (encoded file bytes, or a CHW tensor's raw bytes) with its shape and bit-packed mask.
/// A pooled payload is lent from <see cref="ArrayPool{T}.Shared"/>: messages wrapping <see cref="Payload"/> must be
/// serialised before <see cref="Dispose"/> returns the buffer.
/// </summary>
public sealed class RenderedImage : IDisposable
{
    private readonly bool _pooled;
    private byte[]? _buffer;

    internal RenderedImage(byte[] buffer, int length, bool pooled, DataType dtype, long[] shape, string? encodedFormat, Mask? mask)
    {
        _buffer = buffer;
        _pooled = pooled;
        Length = length;
        Header = new Tensor { Dtype = dtype, Shape = { shape } };
        EncodedFormat = encodedFormat;
        Mask = mask;
    }

    /// <summary>Payload bytes.</summary>
    public int Length { get; }

    /// <summary>Dtype and shape of the payload, data empty: UINT8 [bytes] for encoded files, FLOAT32/UINT8 [3, H, W] for tensors.</summary>
    public Tensor Header { get; }

    /// <summary>File format hint (e.g. <c>png</c>) of an encoded payload; null for tensors.</summary>
    public string? EncodedFormat { get; }

    /// <summary>Bit-packed mask, or null when none was asked for or the image has none.</summary>
    public Mask? Mask { get; }

    /// <summary>The payload bytes (valid until <see cref="Dispose"/>).</summary>
    public ReadOnlyMemory<byte> Payload => (_buffer ?? throw new ObjectDisposedException(nameof(RenderedImage))).AsMemory(0, Length);

    /// <summary>The wire image wrapping <see cref="Payload"/> without copying.</summary>
    public Image ToImage()
    {
        var data = UnsafeByteOperations.UnsafeWrap(Payload);
        if (EncodedFormat is not null) return new Image { Encoded = new EncodedImage { Data = data, Format = EncodedFormat } };
        var tensor = Header.Clone();
        tensor.Data = data;
        return new Image { Tensor = tensor };
    }

    public void Dispose()
    {
        if (_pooled && _buffer is not null) ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = null;
    }
}
