using System.Buffers;
using System.Buffers.Binary;
using Iad.Datasets.Errors;

namespace Iad.Datasets.Masks;

/// <summary>
/// <see cref="IMaskProbe"/> for uncompressed Windows bitmaps (<c>BI_RGB</c>, or <c>BI_BITFIELDS</c> at 32 bits with
/// the usual BGRA masks): 1, 4 and 8 bits per pixel through the palette, 24 and 32 bits as BGR(A).
/// A pixel is foreground when any colour channel exceeds the threshold (alpha ignored). Rows are padded to 4 bytes;
/// padding is never inspected. Reads one row at a time into a pooled buffer.
/// </summary>
public sealed class BmpMaskProbe : IMaskProbe
{
    private const int FileHeaderSize = 14;
    private const int BiRgb = 0;
    private const int BiBitfields = 3;

    /// <inheritdoc />
    public bool HasForeground(Stream mask, string path, int threshold)
    {
        Span<byte> header = stackalloc byte[FileHeaderSize + 40];
        if (!TryReadExactly(mask, header) || header[0] != (byte)'B' || header[1] != (byte)'M')
        {
            throw new DatasetFormatException(path, "not a BMP file (no 'BM' header of 54 bytes)");
        }

        var pixelOffset = BinaryPrimitives.ReadInt32LittleEndian(header[10..]);
        var infoSize = BinaryPrimitives.ReadInt32LittleEndian(header[14..]);
        var width = BinaryPrimitives.ReadInt32LittleEndian(header[18..]);
        var height = Math.Abs(BinaryPrimitives.ReadInt32LittleEndian(header[22..]));
        var bitsPerPixel = BinaryPrimitives.ReadUInt16LittleEndian(header[28..]);
        var compression = BinaryPrimitives.ReadInt32LittleEndian(header[30..]);
        var paletteSize = BinaryPrimitives.ReadInt32LittleEndian(header[46..]);
        if (infoSize < 40 || width <= 0 || bitsPerPixel is not (1 or 4 or 8 or 24 or 32)
            || !(compression == BiRgb || (compression == BiBitfields && bitsPerPixel == 32)))
        {
            throw new DatasetFormatException(path, $"unsupported BMP (header {infoSize} bytes, {width}×{height}, {bitsPerPixel} bpp, compression {compression})");
        }

        var foregroundIndex = bitsPerPixel <= 8 ? ReadPalette(mask, path, infoSize, bitsPerPixel, paletteSize, threshold) : null;
        mask.Seek(pixelOffset, SeekOrigin.Begin);
        var rowBytes = (int)((((long)width * bitsPerPixel) + 31) / 32 * 4);
        var row = ArrayPool<byte>.Shared.Rent(rowBytes);
        try
        {
            for (var y = 0; y < height; y++)
            {
                if (!TryReadExactly(mask, row.AsSpan(0, rowBytes)))
                {
                    throw new DatasetFormatException(path, $"pixel data ends at row {y} of {height}");
                }

                if (RowHasForeground(row.AsSpan(0, rowBytes), width, bitsPerPixel, foregroundIndex, threshold))
                {
                    return true;
                }
            }

            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(row);
        }
    }

    private static bool RowHasForeground(ReadOnlySpan<byte> row, int width, int bitsPerPixel, bool[]? foregroundIndex, int threshold)
    {
        switch (bitsPerPixel)
        {
            case 1 or 4 or 8:
                var perByte = 8 / bitsPerPixel;
                var indexMask = (1 << bitsPerPixel) - 1;
                for (var x = 0; x < width; x++)
                {
                    var shift = 8 - (bitsPerPixel * ((x % perByte) + 1));
                    if (foregroundIndex![(row[x / perByte] >> shift) & indexMask])
                    {
                        return true;
                    }
                }

                return false;
            default:
                var step = bitsPerPixel / 8;
                for (var x = 0; x < width; x++)
                {
                    var pixel = row.Slice(x * step, 3);
                    if (pixel[0] > threshold || pixel[1] > threshold || pixel[2] > threshold)
                    {
                        return true;
                    }
                }

                return false;
        }
    }

    /// <summary>For each palette index, whether its colour is foreground; a short palette treats missing entries as black.</summary>
    private static bool[] ReadPalette(Stream mask, string path, int infoSize, int bitsPerPixel, int paletteSize, int threshold)
    {
        var entries = 1 << bitsPerPixel;
        var stored = paletteSize is > 0 ? Math.Min(paletteSize, entries) : entries;
        mask.Seek(FileHeaderSize + infoSize, SeekOrigin.Begin);
        var palette = new byte[stored * 4];
        if (!TryReadExactly(mask, palette))
        {
            throw new DatasetFormatException(path, $"palette of {stored} entries is truncated");
        }

        var foreground = new bool[entries];
        for (var i = 0; i < stored; i++)
        {
            foreground[i] = palette[4 * i] > threshold || palette[(4 * i) + 1] > threshold || palette[(4 * i) + 2] > threshold;
        }

        return foreground;
    }

    private static bool TryReadExactly(Stream stream, Span<byte> buffer)
    {
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return read == buffer.Length;
    }
}
