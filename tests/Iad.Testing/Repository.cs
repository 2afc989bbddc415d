using System.Reflection;

namespace Iad.Testing;

/// <summary>Paths inside the repository this test assembly was built from.</summary>
public static class Repository
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder holding IadServices.sln.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>Absolute path of a repository-relative path written with '/'.</summary>
    public static string PathOf(string relative) => Path.Combine([Root, .. relative.Split('/')]);

    public static string ReadText(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>The built <c>iad-&lt;name&gt;.dll</c> of a service, from the configuration this assembly was built in.</summary>
    public static string ServiceBinary(string name)
    {
        var configuration = typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "ServiceBuildConfiguration").Value!;
        var project = $"Iad.{char.ToUpperInvariant(name[0])}{name[1..]}.Service";
        var path = Path.Combine(Root, "services", project, "bin", configuration, "net10.0", $"iad-{name}.dll");
        if (!File.Exists(path)) throw new FileNotFoundException($"Service binary {path} is missing; build the test project (tests/Iad.Testing builds the services).", path);
        return path;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "IadServices.sln"))) return directory.FullName;
        }
        throw new DirectoryNotFoundException($"No IadServices.sln above {AppContext.BaseDirectory}.");
    }
}
