using System.Buffers.Binary;

namespace Iad.Imaging.Decoding;

/// <summary>
/// Detects truncated files that OpenCV would otherwise decode partially (libjpeg fills missing rows with grey
/// and only warns; the BMP reader stops early): the data must reach the format's natural end.
/// </summary>
internal static class CompletenessCheck
{
    public static void Verify(ImageHeader header, ReadOnlySpan<byte> bytes)
    {
        switch (header.Format)
        {
            case ImageFormat.Png:
                // The last chunk must be IEND: length 0, type "IEND", CRC AE426082; trailing bytes are tolerated.
                if (bytes.IndexOf(IendChunk) < 0)
                {
                    throw ImageHeaderReader.Corrupt(ImageFormat.Png, "no IEND chunk (truncated file)");
                }
                break;
            case ImageFormat.Jpeg:
                VerifyJpeg(bytes);
                break;
            case ImageFormat.Bmp:
                VerifyBmp(header, bytes);
                break;
            case ImageFormat.Tiff:
                // libtiff reports missing strips itself and OpenCV then returns an empty image.
                break;
        }
    }

    private static ReadOnlySpan<byte> IendChunk => [0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82];

    private static void VerifyJpeg(ReadOnlySpan<byte> bytes)
    {
        // Inside entropy-coded data 0xFF is always followed by 0x00 or a restart marker, so the first EOI after
        // the first SOS belongs to the main image (an EXIF thumbnail's EOI sits before the SOS).
        var sos = bytes.IndexOf([(byte)0xFF, (byte)0xDA]);
        if (sos < 0 || bytes[(sos + 2)..].IndexOf([(byte)0xFF, (byte)0xD9]) < 0)
        {
            throw ImageHeaderReader.Corrupt(ImageFormat.Jpeg, "no end-of-image marker after the scan (truncated file)");
        }
    }

    private static void VerifyBmp(ImageHeader header, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 30) throw ImageHeaderReader.Corrupt(ImageFormat.Bmp, "truncated header");
        var dataOffset = BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(10, 4));
        var dibSize = BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(14, 4));
        int bitsPerPixel = dibSize == 12
            ? BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(24, 2))
            : BinaryPrimitives.ReadUInt16LittleEndian(bytes.Slice(28, 2));
        var compression = dibSize >= 40 && bytes.Length >= 34 ? BinaryPrimitives.ReadUInt32LittleEndian(bytes.Slice(30, 4)) : 0u;
        // Only uncompressed (BI_RGB) and bit-field layouts have a fixed size: rows padded to 4 bytes.
        if (compression is not (0 or 3)) return;
        var stride = ((header.Width * bitsPerPixel + 31) / 32) * 4;
        var required = dataOffset + stride * header.Height;
        if (bytes.Length < required)
        {
            throw ImageHeaderReader.Corrupt(ImageFormat.Bmp, $"pixel data needs {required} bytes, file has {bytes.Length} (truncated file)");
        }
    }
}
