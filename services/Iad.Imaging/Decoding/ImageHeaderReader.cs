using System.Buffers.Binary;

namespace Iad.Imaging.Decoding;

/// <summary>
/// Reads format and dimensions from the first bytes of PNG (IHDR), JPEG (first SOFn), BMP (DIB header)
/// and TIFF (first IFD's ImageWidth/ImageLength) without decoding pixels, so oversized images can be refused
/// before any allocation proportional to their size.
/// </summary>
public static class ImageHeaderReader
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Parses the header.</summary>
    /// <exception cref="ImageDecodeException">
    /// <see cref="ImageDecodeFailure.Empty"/> for no bytes, <see cref="ImageDecodeFailure.Unsupported"/> for an unknown
    /// signature (or BigTIFF, or a JPEG whose height is deferred to a DNL marker), <see cref="ImageDecodeFailure.Corrupt"/>
    /// for a header that is truncated or claims a non-positive size.
    /// </exception>
    public static ImageHeader Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) throw new ImageDecodeException(ImageDecodeFailure.Empty, "The image has no bytes.");
        var header = bytes.StartsWith(PngSignature) ? ReadPng(bytes)
            : bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xD8 ? ReadJpeg(bytes)
            : bytes.Length >= 2 && bytes[0] == (byte)'B' && bytes[1] == (byte)'M' ? ReadBmp(bytes)
            : bytes.Length >= 4 && IsTiffSignature(bytes) ? ReadTiff(bytes)
            : throw new ImageDecodeException(
                ImageDecodeFailure.Unsupported,
                $"Unrecognised image signature {Convert.ToHexString(bytes[..Math.Min(8, bytes.Length)])}; expected PNG, JPEG, BMP or TIFF.");
        if (header.Width <= 0 || header.Height <= 0)
        {
            throw Corrupt(header.Format, $"header claims a size of {header.Width}x{header.Height}");
        }
        return header;
    }

    private static bool IsTiffSignature(ReadOnlySpan<byte> b) =>
        (b[0] == (byte)'I' && b[1] == (byte)'I' && (b[2] == 42 || b[2] == 43) && b[3] == 0)
        || (b[0] == (byte)'M' && b[1] == (byte)'M' && b[2] == 0 && (b[3] == 42 || b[3] == 43));

    private static ImageHeader ReadPng(ReadOnlySpan<byte> b)
    {
        // Signature (8) + chunk length (4) + "IHDR" (4) + width (4) + height (4).
        if (b.Length < 24 || !b.Slice(12, 4).SequenceEqual("IHDR"u8))
        {
            throw Corrupt(ImageFormat.Png, "missing or truncated IHDR chunk");
        }
        return new ImageHeader(ImageFormat.Png,
            BinaryPrimitives.ReadUInt32BigEndian(b.Slice(16, 4)), BinaryPrimitives.ReadUInt32BigEndian(b.Slice(20, 4)));
    }

    private static ImageHeader ReadJpeg(ReadOnlySpan<byte> b)
    {
        var position = 2;
        while (true)
        {
            // Markers may be preceded by any number of 0xFF fill bytes.
            while (position < b.Length && b[position] == 0xFF) position++;
            if (position >= b.Length) throw Corrupt(ImageFormat.Jpeg, "no frame header (SOFn) before the end of the data");
            var marker = b[position++];
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7)) continue; // stand-alone markers carry no length
            if (marker is 0xD9 or 0xDA) throw Corrupt(ImageFormat.Jpeg, "scan or end of image reached before a frame header (SOFn)");
            if (position + 2 > b.Length) throw Corrupt(ImageFormat.Jpeg, "truncated segment length");
            var length = BinaryPrimitives.ReadUInt16BigEndian(b.Slice(position, 2));
            if (length < 2) throw Corrupt(ImageFormat.Jpeg, $"segment 0xFF{marker:X2} has invalid length {length}");
            var isFrame = marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;
            if (isFrame)
            {
                // Length (2) + precision (1) + height (2) + width (2).
                if (length < 7 || position + 7 > b.Length) throw Corrupt(ImageFormat.Jpeg, "truncated frame header");
                var height = BinaryPrimitives.ReadUInt16BigEndian(b.Slice(position + 3, 2));
                var width = BinaryPrimitives.ReadUInt16BigEndian(b.Slice(position + 5, 2));
                if (height == 0)
                {
                    throw new ImageDecodeException(ImageDecodeFailure.Unsupported, "JPEG height defined by a DNL marker is not supported.");
                }
                return new ImageHeader(ImageFormat.Jpeg, width, height);
            }
            position += length;
        }
    }

    private static ImageHeader ReadBmp(ReadOnlySpan<byte> b)
    {
        // File header (14) + DIB header size (4); OS/2 core headers store 16-bit sizes, all later ones 32-bit signed.
        if (b.Length < 18) throw Corrupt(ImageFormat.Bmp, "truncated file header");
        var dibSize = BinaryPrimitives.ReadUInt32LittleEndian(b.Slice(14, 4));
        if (dibSize == 12)
        {
            if (b.Length < 22) throw Corrupt(ImageFormat.Bmp, "truncated core header");
            return new ImageHeader(ImageFormat.Bmp,
                BinaryPrimitives.ReadUInt16LittleEndian(b.Slice(18, 2)), BinaryPrimitives.ReadUInt16LittleEndian(b.Slice(20, 2)));
        }
        if (dibSize < 40 || b.Length < 26) throw Corrupt(ImageFormat.Bmp, $"truncated or unknown DIB header of size {dibSize}");
        var width = BinaryPrimitives.ReadInt32LittleEndian(b.Slice(18, 4));
        var height = BinaryPrimitives.ReadInt32LittleEndian(b.Slice(22, 4));
        // A negative height marks a top-down bitmap.
        return new ImageHeader(ImageFormat.Bmp, width, Math.Abs((long)height));
    }

    private static ImageHeader ReadTiff(ReadOnlySpan<byte> b)
    {
        var little = b[0] == (byte)'I';
        if ((little ? b[2] : b[3]) == 43) throw new ImageDecodeException(ImageDecodeFailure.Unsupported, "BigTIFF is not supported.");
        if (b.Length < 8) throw Corrupt(ImageFormat.Tiff, "truncated header");
        var ifd = ReadUInt32(b, 4, little);
        if (ifd > int.MaxValue || ifd + 2 > (uint)b.Length) throw Corrupt(ImageFormat.Tiff, $"first IFD offset {ifd} is outside the data");
        var entries = ReadUInt16(b, (int)ifd, little);
        long width = -1, height = -1;
        for (var i = 0; i < entries; i++)
        {
            var entry = (int)ifd + 2 + i * 12;
            if (entry + 12 > b.Length) throw Corrupt(ImageFormat.Tiff, "truncated IFD");
            var tag = ReadUInt16(b, entry, little);
            if (tag is not (256 or 257)) continue;
            var type = ReadUInt16(b, entry + 2, little);
            // SHORT (3) values are left-justified in the 4-byte value field; LONG (4) fill it.
            long value = type switch
            {
                3 => ReadUInt16(b, entry + 8, little),
                4 => ReadUInt32(b, entry + 8, little),
                _ => throw Corrupt(ImageFormat.Tiff, $"tag {tag} has field type {type}, expected SHORT or LONG"),
            };
            if (tag == 256) width = value;
            else height = value;
        }
        if (width < 0 || height < 0) throw Corrupt(ImageFormat.Tiff, "first IFD has no ImageWidth/ImageLength");
        return new ImageHeader(ImageFormat.Tiff, width, height);
    }

    private static ushort ReadUInt16(ReadOnlySpan<byte> b, int offset, bool little) => little
        ? BinaryPrimitives.ReadUInt16LittleEndian(b.Slice(offset, 2))
        : BinaryPrimitives.ReadUInt16BigEndian(b.Slice(offset, 2));

    private static uint ReadUInt32(ReadOnlySpan<byte> b, int offset, bool little) => little
        ? BinaryPrimitives.ReadUInt32LittleEndian(b.Slice(offset, 4))
        : BinaryPrimitives.ReadUInt32BigEndian(b.Slice(offset, 4));

    internal static ImageDecodeException Corrupt(ImageFormat format, string what) =>
        new(ImageDecodeFailure.Corrupt, $"Corrupt {format.ToString().ToUpperInvariant()} data: {what}.");
}
