using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace Iad.Evaluation.IO;

/// <summary>
/// Reads NumPy <c>.npy</c> files holding one 2-D anomaly map: format versions 1–3, dtype <c>&lt;f4</c> or
/// <c>&lt;f8</c> (little-endian float32 / float64; float64 is rounded to float32), C order. Anything else (big-endian,
/// other dtypes, Fortran order, other ranks, truncated data) throws <see cref="InvalidDataException"/> saying what
/// was found.
/// </summary>
public static partial class NpyReader
{
    private static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    public static NpyMatrix Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    /// <summary>Reads one array from <paramref name="stream"/>.</summary>
    public static NpyMatrix Read(Stream stream)
    {
        Span<byte> preamble = stackalloc byte[10];
        stream.ReadExactly(preamble[..8]);
        if (!preamble[..6].SequenceEqual(Magic)) throw new InvalidDataException("not a .npy file: the magic string \\x93NUMPY is missing.");
        var major = preamble[6];
        int headerLength;
        if (major == 1)
        {
            stream.ReadExactly(preamble.Slice(8, 2));
            headerLength = BinaryPrimitives.ReadUInt16LittleEndian(preamble.Slice(8, 2));
        }
        else if (major is 2 or 3)
        {
            Span<byte> length = stackalloc byte[4];
            stream.ReadExactly(length);
            headerLength = checked((int)BinaryPrimitives.ReadUInt32LittleEndian(length));
        }
        else
        {
            throw new InvalidDataException($".npy format version {major} is not supported (1, 2 or 3).");
        }
        var headerBytes = new byte[headerLength];
        stream.ReadExactly(headerBytes);
        var header = Encoding.UTF8.GetString(headerBytes);
        var descr = Field(DescrPattern(), header, "descr");
        if (Field(FortranPattern(), header, "fortran_order") != "False")
            throw new InvalidDataException("Fortran-order .npy arrays are not supported; save the map in C order.");
        var dims = Field(ShapePattern(), header, "shape").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (dims.Length != 2)
            throw new InvalidDataException($"anomaly maps must be 2-D, the .npy shape is ({string.Join(", ", dims)}).");
        var rows = int.Parse(dims[0]);
        var columns = int.Parse(dims[1]);
        var count = checked(rows * columns);
        var values = new float[count];
        switch (descr)
        {
            case "<f4":
                ReadData(stream, MemoryMarshal.AsBytes(values.AsSpan()), count * 4L);
                if (!BitConverter.IsLittleEndian) BinaryPrimitives.ReverseEndianness(
                    MemoryMarshal.Cast<float, int>(values.AsSpan()),
                    MemoryMarshal.Cast<float, int>(values.AsSpan()));
                break;
            case "<f8":
                var raw = new byte[count * 8L];
                ReadData(stream, raw, raw.LongLength);
                for (var i = 0; i < count; i++) values[i] = (float)BinaryPrimitives.ReadDoubleLittleEndian(raw.AsSpan(i * 8, 8));
                break;
            default:
                throw new InvalidDataException($".npy dtype '{descr}' is not supported; use little-endian float32 ('<f4') or float64 ('<f8').");
        }
        return new NpyMatrix(rows, columns, values);
    }

    private static void ReadData(Stream stream, Span<byte> target, long expected)
    {
        var read = stream.ReadAtLeast(target, target.Length, throwOnEndOfStream: false);
        if (read < target.Length)
            throw new InvalidDataException($".npy data is truncated: expected {expected} bytes, found {read}.");
    }

    private static string Field(Regex pattern, string header, string name)
    {
        var match = pattern.Match(header);
        return match.Success ? match.Groups[1].Value : throw new InvalidDataException($".npy header has no '{name}': {header.Trim()}");
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
