using Iad.Deploy.Tests.Support;
using YamlDotNet.RepresentationModel;
using static Iad.Deploy.Tests.Kubernetes.KubernetesManifests;

namespace Iad.Deploy.Tests.Kubernetes;

public sealed class KubernetesManifestTests
{
    [Fact]
    public void Base_lists_every_manifest_file_and_one_deployment_and_service_per_iad_service()
    {
        var files = Directory.GetFiles(Repository.PathOf(Base), "*.yaml").Select(Path.GetFileName)
            .Where(f => f != "kustomization.yaml").Order(StringComparer.Ordinal);
        Assert.Equal(files, ResourceFiles().Order(StringComparer.Ordinal));
        Assert.Equal(ServiceFleet.Names.Order(StringComparer.Ordinal), OfKind("Deployment").Select(Name).Order(StringComparer.Ordinal));
        Assert.Equal(ServiceFleet.Names.Order(StringComparer.Ordinal), OfKind("Service").Select(Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_container_has_readiness_and_liveness_probes_and_resource_requests_and_limits()
    {
        foreach (var deployment in OfKind("Deployment"))
        {
            foreach (var container in Containers(deployment))
            {
                var where = $"{Name(deployment)}/{container.ScalarAt("name")}";
                var ports = container.SeqAt("ports").Maps().ToDictionary(p => p.ScalarAt("name")!, p => p.ScalarAt("containerPort")!);
                Assert.Equal("8080", ports["grpc"]);
                Assert.Equal("9090", ports["http-metrics"]);
                foreach (var probe in new[] { "readinessProbe", "livenessProbe" })
                {
                    var spec = container.MapAt(probe);
                    Assert.True(spec is not null, $"{where} has no {probe}");
                    Assert.True(ProbesTheService(spec, ports), $"{where} {probe} neither checks grpc health on the gRPC port nor GETs /healthz on the HTTP port");
                }
                foreach (var bound in new[] { "requests", "limits" })
                {
                    var resources = container.MapPath("resources", bound);
                    Assert.True(resources?.ScalarAt("cpu") is not null && resources.ScalarAt("memory") is not null, $"{where} lacks cpu and memory {bound}");
                }
            }
        }
    }

    [Fact]
    public void Pods_are_annotated_for_prometheus_scraping_of_the_metrics_port()
    {
        foreach (var deployment in OfKind("Deployment"))
        {
            var annotations = deployment.MapPath("spec", "template", "metadata", "annotations");
            Assert.True(annotations is not null, $"{Name(deployment)} pod template has no annotations");
            Assert.Equal("true", annotations.ScalarAt("prometheus.io/scrape"));
            Assert.Equal("9090", annotations.ScalarAt("prometheus.io/port"));
            Assert.Equal("/metrics", annotations.ScalarAt("prometheus.io/path"));
        }
    }

    [Fact]
    public void Hpa_scales_the_detection_deployment()
    {
        var hpa = Assert.Single(OfKind("HorizontalPodAutoscaler"));
        var target = hpa.MapPath("spec", "scaleTargetRef")!;
        Assert.Equal("apps/v1", target.ScalarAt("apiVersion"));
        Assert.Equal("Deployment", target.ScalarAt("kind"));
        Assert.Equal("detection", target.ScalarAt("name"));
        Assert.Equal("detection", Name(Named("Deployment", "detection")));
        var min = int.Parse(hpa.MapAt("spec")!.ScalarAt("minReplicas")!);
        var max = int.Parse(hpa.MapAt("spec")!.ScalarAt("maxReplicas")!);
        Assert.InRange(min, 1, max - 1);
    }

    [Fact]
    public void Detection_service_is_headless_so_clients_see_every_pod_in_dns()
    {
        var service = Named("Service", "detection");
        Assert.Equal("None", service.MapAt("spec")!.ScalarAt("clusterIP"));
        Assert.Contains(service.MapAt("spec")!.SeqAt("ports").Maps(), p => p.ScalarAt("port") == "8080" && p.ScalarAt("name") == "grpc");
    }

    [Fact]
    public void Every_service_selects_the_pods_of_its_deployment()
    {
        foreach (var service in OfKind("Service"))
        {
            var selector = service.MapPath("spec", "selector").Entries().ToDictionary(e => e.Key, e => ((YamlScalarNode)e.Value).Value);
            var labels = Named("Deployment", Name(service)).MapPath("spec", "template", "metadata", "labels").Entries()
                .ToDictionary(e => e.Key, e => ((YamlScalarNode)e.Value).Value);
            Assert.NotEmpty(selector);
            Assert.All(selector, s => Assert.Equal(s.Value, labels.GetValueOrDefault(s.Key)));
        }
    }

    [Theory]
    [InlineData("training", "training-registry")]
    [InlineData("metrics", "metrics-results")]
    public void Registry_and_results_store_live_on_a_persistent_volume_claim(string deployment, string claim)
    {
        Assert.Equal(claim, Name(Named("PersistentVolumeClaim", claim)));
        var pod = PodSpec(Named("Deployment", deployment));
        var volume = pod.SeqAt("volumes").Maps().Single(v => v.MapAt("persistentVolumeClaim")?.ScalarAt("claimName") == claim);
        var mount = Containers(Named("Deployment", deployment)).Single().SeqAt("volumeMounts").Maps()
            .Single(m => m.ScalarAt("name") == volume.ScalarAt("name"));
        Assert.Equal("/data", mount.ScalarAt("mountPath"));
        Assert.Contains(Env(deployment), e => e == ("Iad__DataDir", "/data"));
        // A second pod must not mount a ReadWriteOnce volume while the first still runs.
        Assert.Equal("Recreate", Named("Deployment", deployment).MapPath("spec", "strategy")!.ScalarAt("type"));
    }

    [Fact]
    public void Detection_pulls_from_the_training_service_and_training_reads_from_dataset()
    {
        Assert.Contains(Env("detection"), e => e == ("Iad__Detection__TrainingAddress", "http://training:8080"));
        Assert.Contains(Env("training"), e => e == ("Iad__Training__DatasetAddress", "http://dataset:8080"));
        foreach (var name in ServiceFleet.Names) Assert.Contains(Env(name), e => e == ("Iad__BindAddress", "0.0.0.0"));
    }

    private static IEnumerable<(string, string)> Env(string deployment) =>
        Containers(Named("Deployment", deployment)).Single().SeqAt("env").Maps().Select(e => (e.ScalarAt("name")!, e.ScalarAt("value") ?? ""));

    private static bool ProbesTheService(YamlMappingNode probe, Dictionary<string, string> ports)
    {
        string? Resolve(string? port) => port is null ? null : ports.GetValueOrDefault(port, port);
        if (probe.MapAt("grpc") is { } grpc) return Resolve(grpc.ScalarAt("port")) == ports["grpc"];
        if (probe.MapAt("httpGet") is { } http)
            return http.ScalarAt("path") == "/healthz" && Resolve(http.ScalarAt("port")) == ports["http-metrics"];
        return false;
    }
}
