namespace Iad.Cli.Local;

/// <summary>Finds the built service hosts: <c>$IAD_SERVICES_BIN/iad-&lt;name&gt;/</c> or the repository's build outputs.</summary>
public static class ServiceBinaries
{
    public static readonly string[] ServiceNames = ["dataset", "training", "detection", "metrics"];

    /// <summary>Full path of <c>iad-&lt;name&gt;.dll</c>; throws with the places searched when it is missing.</summary>
    public static string Locate(string name)
    {
        var fileName = $"iad-{name}.dll";
        var searched = new List<string>();
        if (Environment.GetEnvironmentVariable("IAD_SERVICES_BIN") is { Length: > 0 } binRoot)
        {
            var candidate = Path.Combine(binRoot, $"iad-{name}", fileName);
            if (File.Exists(candidate)) return candidate;
            searched.Add(candidate);
        }

        var repository = FindRepositoryRoot();
        if (repository is not null)
        {
            var project = $"Iad.{char.ToUpperInvariant(name[0])}{name[1..]}.Service";
            var newest = new[] { "Release", "Debug" }
                .Select(configuration => Path.Combine(repository, "services", project, "bin", configuration, "net10.0", fileName))
                .Where(File.Exists)
                .OrderByDescending(File.GetLastWriteTimeUtc)
                .FirstOrDefault();
            if (newest is not null) return newest;
            searched.Add(Path.Combine(repository, "services", project, "bin", "{Release,Debug}", "net10.0", fileName));
        }
        throw new FileNotFoundException($"cannot find the {name} service binary ({fileName}); searched: {string.Join("; ", searched)}. Build with ./iad or set IAD_SERVICES_BIN.");
    }

    private static string? FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "IadServices.sln"))) return directory.FullName;
        }
        return null;
    }
}
