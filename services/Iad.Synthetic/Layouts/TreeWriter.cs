namespace Iad.Synthetic.Layouts;

/// <summary>Writes files, creating folders as needed; an existing file of the same name is replaced.</summary>
internal static class TreeWriter
{
    public static void Write(string root, string relativePath, byte[] bytes)
    {
        var path = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    /// <summary>Zero-padded to at least three digits, as MVTec AD names its files.</summary>
    public static string Number(int index) => index.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
}
