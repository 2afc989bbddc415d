using System.Text;
using Iad.Evaluation.IO;
using Iad.Evaluation.Tests.TestData;

namespace Iad.Evaluation.Tests.IO;

public class ReaderTests
{
    private static byte[] Npy(string descr, string shape, byte[] data, byte version = 1, string fortran = "False")
    {
        var header = $"{{'descr': '{descr}', 'fortran_order': {fortran}, 'shape': {shape}, }}";
        var preambleLength = version == 1 ? 10 : 12;
        header = header.PadRight((preambleLength + header.Length + 1 + 63) / 64 * 64 - preambleLength - 1) + "\n";
        using var stream = new MemoryStream();
        stream.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', version, 0]);
        if (version == 1) stream.Write(BitConverter.GetBytes((ushort)header.Length));
        else stream.Write(BitConverter.GetBytes((uint)header.Length));
        stream.Write(Encoding.ASCII.GetBytes(header));
        stream.Write(data);
        return stream.ToArray();
    }

    private static byte[] Bytes<T>(T[] values) where T : unmanaged =>
        System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()).ToArray();

    [Fact]
    public void Reads_float32_and_float64_in_c_order()
    {
        var f4 = NpyReader.Read(new MemoryStream(Npy("<f4", "(2, 3)", Bytes([1f, 2f, 3f, 4f, 5f, 6.5f]))));
        Assert.Equal((2, 3), (f4.Rows, f4.Columns));
        Assert.Equal([1f, 2f, 3f, 4f, 5f, 6.5f], f4.Values);
        var f8 = NpyReader.Read(new MemoryStream(Npy("<f8", "(1, 2)", Bytes([0.25, -3.0]), version: 2)));
        Assert.Equal([0.25f, -3f], f8.Values);
    }

    [Fact]
    public void Reads_the_shared_test_vector_maps()
    {
        var map = NpyReader.Read(Path.Combine(TestVectors.Case("pixel-small"), "maps", "img000.npy"));
        Assert.Equal((32, 32), (map.Rows, map.Columns));
        Assert.Equal(2.8f, map.Values.Max());
    }

    [Theory]
    [InlineData(">f4", "(1, 1)", "False", "dtype '>f4'")]
    [InlineData("<i4", "(1, 1)", "False", "dtype '<i4'")]
    [InlineData("<f4", "(1, 1)", "True", "Fortran")]
    [InlineData("<f4", "(4,)", "False", "2-D")]
    [InlineData("<f4", "(2, 2)", "False", "truncated")]
    public void Rejects_unsupported_arrays_saying_why(string descr, string shape, string fortran, string reason)
    {
        var file = Npy(descr, shape, new byte[4], fortran: fortran);
        Assert.Contains(reason, Assert.Throws<InvalidDataException>(() => NpyReader.Read(new MemoryStream(file))).Message);
        Assert.Throws<InvalidDataException>(() => NpyReader.Read(new MemoryStream("not npy!!!"u8.ToArray())));
    }

    [Fact]
    public void Scores_csv_reads_rows_and_rejects_bad_lines()
    {
        var table = ScoreCsvReader.Read(new StringReader("id,label,score\na,0,0.5\n\nb,1,-1e3\n"));
        Assert.Equal(["a", "b"], table.Ids);
        Assert.Equal([0, 1], table.Labels);
        Assert.Equal([0.5, -1000], table.Scores);
        Assert.Contains("header", Assert.Throws<InvalidDataException>(() => ScoreCsvReader.Read(new StringReader("id,score\n"))).Message);
        Assert.Contains("line 2: label '2'", Assert.Throws<InvalidDataException>(() => ScoreCsvReader.Read(new StringReader("id,label,score\na,2,0.5\n"))).Message);
        Assert.Contains("line 3: id 'a' appears twice", Assert.Throws<InvalidDataException>(() => ScoreCsvReader.Read(new StringReader("id,label,score\na,0,1\na,1,2\n"))).Message);
        Assert.Contains("not a number", Assert.Throws<InvalidDataException>(() => ScoreCsvReader.Read(new StringReader("id,label,score\na,0,NaN\n"))).Message);
        Assert.Contains("2 fields", Assert.Throws<InvalidDataException>(() => ScoreCsvReader.Read(new StringReader("id,label,score\na,0\n"))).Message);
    }

    [Fact]
    public void Samples_csv_maps_ids_and_reports_missing_ones()
    {
        var samples = SampleCsvReader.Read(new StringReader("id,sample_id\nv1,s1\nv2,s1\n"));
        Assert.Equal(["s1", "s1"], SampleCsvReader.SampleIdsFor(["v1", "v2"], samples));
        Assert.Contains("'v3'", Assert.Throws<InvalidDataException>(() => SampleCsvReader.SampleIdsFor(["v3"], samples)).Message);
    }
}
