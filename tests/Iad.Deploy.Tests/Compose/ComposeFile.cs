using Iad.Deploy.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Iad.Deploy.Tests.Compose;

/// <summary>docker-compose.yml with merge keys resolved.</summary>
internal static class ComposeFile
{
    public const string Path = "docker-compose.yml";

    public static YamlMappingNode Root() => YamlFiles.Load(Path).Single();

    public static Dictionary<string, YamlMappingNode> Services() =>
        Root().MapAt("services").Entries().ToDictionary(e => e.Key, e => (YamlMappingNode)e.Value, StringComparer.Ordinal);

    /// <summary>Environment of a service written as a mapping (the only form this file uses).</summary>
    public static Dictionary<string, string> Environment(YamlMappingNode service) =>
        service.MapAt("environment").Entries().ToDictionary(e => e.Key, e => ((YamlScalarNode)e.Value).Value ?? "", StringComparer.Ordinal);

    /// <summary>Volume sources mounted at <paramref name="target"/> (short syntax "source:target[:mode]").</summary>
    public static IEnumerable<string> VolumeSources(YamlMappingNode service, string target) =>
        service.SeqAt("volumes").Scalars().Select(v => v.Split(':')).Where(p => p.Length >= 2 && p[1] == target).Select(p => p[0]);
}
