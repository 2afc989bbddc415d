using Iad.Deploy.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Iad.Deploy.Tests.Kubernetes;

/// <summary>The objects of deploy/k8s/base, read through the resources its kustomization.yaml lists.</summary>
internal static class KubernetesManifests
{
    public const string Base = "deploy/k8s/base";

    public static IReadOnlyList<string> ResourceFiles() =>
        [.. YamlFiles.Load($"{Base}/kustomization.yaml").Single().SeqAt("resources").Scalars()];

    public static IReadOnlyList<YamlMappingNode> Objects() =>
        [.. ResourceFiles().SelectMany(file => YamlFiles.Load($"{Base}/{file}"))];

    public static IEnumerable<YamlMappingNode> OfKind(string kind) => Objects().Where(o => o.ScalarAt("kind") == kind);

    public static YamlMappingNode Named(string kind, string name) =>
        OfKind(kind).Single(o => o.MapAt("metadata")!.ScalarAt("name") == name);

    public static YamlMappingNode PodSpec(YamlMappingNode deployment) => deployment.MapPath("spec", "template", "spec")!;

    public static IEnumerable<YamlMappingNode> Containers(YamlMappingNode deployment) => PodSpec(deployment).SeqAt("containers").Maps();

    public static string Name(YamlMappingNode obj) => obj.MapAt("metadata")!.ScalarAt("name")!;
}
