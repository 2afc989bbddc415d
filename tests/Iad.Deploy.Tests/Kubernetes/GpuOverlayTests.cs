using Iad.Deploy.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Iad.Deploy.Tests.Kubernetes;

public sealed class GpuOverlayTests
{
    private const string Overlay = "deploy/k8s/overlays/gpu";

    [Fact]
    public void Gpu_overlay_builds_on_the_base_and_requests_one_gpu_for_detection_and_training()
    {
        var kustomization = YamlFiles.Load($"{Overlay}/kustomization.yaml").Single();
        Assert.Equal(["../../base"], kustomization.SeqAt("resources").Scalars());
        var images = kustomization.SeqAt("images").Maps().ToDictionary(i => i.ScalarAt("name")!, i => i.ScalarAt("newName"));
        Assert.Equal("iad-detection-gpu", images["iad-detection"]);
        Assert.Equal("iad-training-gpu", images["iad-training"]);

        var patched = kustomization.SeqAt("patches").Maps().ToDictionary(p => p.MapAt("target")!.ScalarAt("name")!, p => p.ScalarAt("path")!);
        Assert.Equal(["detection", "training"], patched.Keys.Order(StringComparer.Ordinal));
        foreach (var (deployment, path) in patched)
        {
            Assert.Equal(deployment, KubernetesManifests.Name(KubernetesManifests.Named("Deployment", deployment)));
            var operations = LoadPatch($"{Overlay}/{path}");
            Assert.Contains(operations, o => o.ScalarAt("op") == "add"
                && o.ScalarAt("path") == "/spec/template/spec/containers/0/resources/limits/nvidia.com~1gpu" && o.ScalarAt("value") == "1");
        }
    }

    [Fact]
    public async Task Rendered_overlays_put_gpus_only_on_detection_and_training_where_kubectl_is_installed()
    {
        // kubectl is not part of the CI image; where it is, kustomize renders both variants for real.
        var kubectl = ExternalTool.Find("kubectl");
        if (kubectl is null) return;

        var cpu = await RenderAsync(kubectl, "deploy/k8s");
        Assert.All(cpu, d => Assert.Null(GpuLimit(d)));
        var gpu = await RenderAsync(kubectl, Overlay);
        Assert.Equal(["dataset", "detection", "metrics", "training"], gpu.Select(KubernetesManifests.Name).Order(StringComparer.Ordinal));
        foreach (var deployment in gpu)
        {
            var name = KubernetesManifests.Name(deployment);
            var expected = name is "detection" or "training" ? "1" : null;
            Assert.Equal(expected, GpuLimit(deployment));
            var image = KubernetesManifests.Containers(deployment).Single().ScalarAt("image")!;
            Assert.StartsWith(expected is null ? $"iad-{name}:" : $"iad-{name}-gpu:", image);
        }
    }

    private static IReadOnlyList<YamlMappingNode> LoadPatch(string path)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(Repository.ReadText(path)));
        return [.. ((YamlSequenceNode)stream.Documents.Single().RootNode).Children.OfType<YamlMappingNode>()];
    }

    private static async Task<IReadOnlyList<YamlMappingNode>> RenderAsync(string kubectl, string folder)
    {
        var (exit, output, errors) = await ExternalTool.RunAsync(kubectl, TimeSpan.FromSeconds(60), "kustomize", folder);
        Assert.True(exit == 0, $"kubectl kustomize {folder} failed ({exit}):\n{errors}");
        return [.. YamlFiles.Parse(output).Where(o => o.ScalarAt("kind") == "Deployment")];
    }

    private static string? GpuLimit(YamlMappingNode deployment) =>
        KubernetesManifests.Containers(deployment).Single().MapPath("resources", "limits")?.ScalarAt("nvidia.com/gpu");
}
