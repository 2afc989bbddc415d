using System.Buffers.Binary;

namespace Iad.Datasets.Tests.Fixtures;

/// <summary>Minimal valid image files. Readers never decode images, but the bytes are real so tools can open them.</summary>
public static class TinyImages
{
    /// <summary>A 1×1 8-bit grayscale PNG (pixel value 0).</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==");

    /// <summary>An 8-bit paletted grayscale BMP (palette i → gray i), bottom-up rows padded to 4 bytes.</summary>
    /// <param name="width">Width in pixels.</param>
    /// <param name="pixels">Row-major pixel values, length width × height.</param>
    /// <param name="padding">Value written into row padding bytes (never a pixel).</param>
    public static byte[] GrayBmp(int width, byte[] pixels, byte padding = 0)
    {
        var height = pixels.Length / width;
        var rowBytes = (width + 3) / 4 * 4;
        var palette = new byte[256 * 4];
        for (var i = 0; i < 256; i++)
        {
            palette[4 * i] = palette[(4 * i) + 1] = palette[(4 * i) + 2] = (byte)i;
        }

        var data = new byte[rowBytes * height];
        for (var y = 0; y < height; y++)
        {
            var row = data.AsSpan((height - 1 - y) * rowBytes, rowBytes);
            row.Fill(padding);
            pixels.AsSpan(y * width, width).CopyTo(row);
        }

        return Bmp(width, height, 8, palette, data, 256);
    }

    /// <summary>A 24-bit BGR BMP; <paramref name="bgr"/> is row-major, 3 bytes per pixel.</summary>
    public static byte[] RgbBmp(int width, byte[] bgr)
    {
        var height = bgr.Length / 3 / width;
        var rowBytes = ((width * 3) + 3) / 4 * 4;
        var data = new byte[rowBytes * height];
        for (var y = 0; y < height; y++)
        {
            bgr.AsSpan(y * width * 3, width * 3).CopyTo(data.AsSpan((height - 1 - y) * rowBytes));
        }

        return Bmp(width, height, 24, [], data, 0);
    }

    /// <summary>A 1-bit BMP with a black/white palette; <paramref name="bits"/> holds one 0/1 per pixel, row-major.</summary>
    public static byte[] BinaryBmp(int width, byte[] bits)
    {
        var height = bits.Length / width;
        var rowBytes = (width + 31) / 32 * 4;
        var data = new byte[rowBytes * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                if (bits[(y * width) + x] != 0)
                {
                    data[((height - 1 - y) * rowBytes) + (x / 8)] |= (byte)(0x80 >> (x % 8));
                }
            }
        }

        return Bmp(width, height, 1, [0, 0, 0, 0, 255, 255, 255, 0], data, 2);
    }

    private static byte[] Bmp(int width, int height, int bitsPerPixel, byte[] palette, byte[] data, int paletteEntries)
    {
        const int headers = 14 + 40;
        var file = new byte[headers + palette.Length + data.Length];
        var span = file.AsSpan();
        span[0] = (byte)'B';
        span[1] = (byte)'M';
        BinaryPrimitives.WriteInt32LittleEndian(span[2..], file.Length);
        BinaryPrimitives.WriteInt32LittleEndian(span[10..], headers + palette.Length);
        BinaryPrimitives.WriteInt32LittleEndian(span[14..], 40);
        BinaryPrimitives.WriteInt32LittleEndian(span[18..], width);
        BinaryPrimitives.WriteInt32LittleEndian(span[22..], height);
        BinaryPrimitives.WriteUInt16LittleEndian(span[26..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(span[28..], (ushort)bitsPerPixel);
        BinaryPrimitives.WriteInt32LittleEndian(span[34..], data.Length);
        BinaryPrimitives.WriteInt32LittleEndian(span[46..], paletteEntries);
        palette.CopyTo(span[headers..]);
        data.CopyTo(span[(headers + palette.Length)..]);
        return file;
    }
}
