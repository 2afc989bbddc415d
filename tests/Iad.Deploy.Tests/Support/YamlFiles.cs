using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Iad.Deploy.Tests.Support;

/// <summary>YAML files of the repository as node trees, with <c>&lt;&lt;</c> merge keys resolved as docker compose does.</summary>
internal static class YamlFiles
{
    /// <summary>Every document of a repository file, as mappings.</summary>
    public static IReadOnlyList<YamlMappingNode> Load(string relativePath) => Parse(Repository.ReadText(relativePath));

    public static IReadOnlyList<YamlMappingNode> Parse(string text)
    {
        var stream = new YamlStream();
        stream.Load(new MergingParser(new Parser(new StringReader(text))));
        return [.. stream.Documents.Select(d => (YamlMappingNode)d.RootNode)];
    }

    public static YamlMappingNode? MapAt(this YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child as YamlMappingNode : null;

    public static YamlSequenceNode? SeqAt(this YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child as YamlSequenceNode : null;

    public static string? ScalarAt(this YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? (child as YamlScalarNode)?.Value : null;

    /// <summary>Follows a path of mapping keys; null as soon as one is missing.</summary>
    public static YamlMappingNode? MapPath(this YamlMappingNode node, params string[] keys)
    {
        YamlMappingNode? current = node;
        foreach (var key in keys) current = current?.MapAt(key);
        return current;
    }

    public static IEnumerable<YamlMappingNode> Maps(this YamlSequenceNode? sequence) =>
        sequence is null ? [] : sequence.Children.OfType<YamlMappingNode>();

    public static IEnumerable<string> Scalars(this YamlSequenceNode? sequence) =>
        sequence is null ? [] : sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "");

    public static IEnumerable<(string Key, YamlNode Value)> Entries(this YamlMappingNode? node) =>
        node is null ? [] : node.Children.Select(c => (((YamlScalarNode)c.Key).Value ?? "", c.Value));
}
