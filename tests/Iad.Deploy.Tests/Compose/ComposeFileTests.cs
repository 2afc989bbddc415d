using Iad.Deploy.Tests.Support;

namespace Iad.Deploy.Tests.Compose;

public sealed class ComposeFileTests
{
    /// <summary>The IAD services of the file with their host gRPC and HTTP ports.</summary>
    public static TheoryData<string, int, int> IadServices => new()
    {
        { "dataset", 7101, 7201 },
        { "training", 7102, 7202 },
        { "detection", 7103, 7203 },
        { "metrics", 7104, 7204 },
        { "training-gpu", 7112, 7212 },
        { "detection-gpu", 7113, 7213 },
    };

    [Fact]
    public void Every_service_has_a_healthcheck_ports_and_volumes()
    {
        var services = ComposeFile.Services();
        Assert.Equal(["dataset", "detection", "detection-gpu", "grafana", "metrics", "prometheus", "training", "training-gpu"],
            services.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, service) in services)
        {
            Assert.True(service.MapAt("healthcheck")?.SeqAt("test").Scalars().Any() == true, $"{name} has no healthcheck test");
            Assert.True(service.SeqAt("ports").Scalars().Any(), $"{name} publishes no ports");
            Assert.True(service.SeqAt("volumes").Scalars().Any(), $"{name} mounts no volumes");
        }
    }

    [Theory]
    [MemberData(nameof(IadServices))]
    public void Iad_service_listens_on_the_image_ports_and_publishes_the_documented_ones(string name, int grpcPort, int httpPort)
    {
        var service = ComposeFile.Services()[name];
        var environment = ComposeFile.Environment(service);
        Assert.Equal("0.0.0.0", environment["Iad__BindAddress"]);
        Assert.Equal("8080", environment["Iad__GrpcPort"]);
        Assert.Equal("9090", environment["Iad__HttpPort"]);
        Assert.Equal("/data", environment["Iad__DataDir"]);
        Assert.Equal([$"{grpcPort}:8080", $"{httpPort}:9090"], service.SeqAt("ports").Scalars());
        Assert.Equal(["dotnet", "service.dll", "--healthcheck"], service.MapAt("healthcheck")!.SeqAt("test").Scalars().Skip(1));

        var build = service.MapAt("build")!;
        Assert.Equal(".", build.ScalarAt("context"));
        Assert.True(File.Exists(Repository.PathOf(build.ScalarAt("dockerfile")!)), $"{name}: {build.ScalarAt("dockerfile")} does not exist");
        var project = build.MapAt("args")!.ScalarAt("SERVICE");
        Assert.True(File.Exists(Repository.PathOf($"services/Iad.{project}.Service/Iad.{project}.Service.csproj")), $"{name}: no project for SERVICE={project}");
    }

    [Fact]
    public void Detection_pulls_from_training_and_training_reads_from_dataset_over_the_internal_grpc_port()
    {
        var services = ComposeFile.Services();
        Assert.Equal("http://training:8080", ComposeFile.Environment(services["detection"])["Iad__Detection__TrainingAddress"]);
        Assert.Equal("http://dataset:8080", ComposeFile.Environment(services["training"])["Iad__Training__DatasetAddress"]);
        Assert.Equal("http://training-gpu:8080", ComposeFile.Environment(services["detection-gpu"])["Iad__Detection__TrainingAddress"]);
        Assert.Equal("http://dataset:8080", ComposeFile.Environment(services["training-gpu"])["Iad__Training__DatasetAddress"]);
    }

    [Theory]
    [InlineData("dataset")]
    [InlineData("training")]
    [InlineData("detection")]
    [InlineData("metrics")]
    [InlineData("training-gpu")]
    [InlineData("detection-gpu")]
    public void Service_state_lives_in_a_named_volume(string name)
    {
        var declared = ComposeFile.Root().MapAt("volumes").Entries().Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var source = Assert.Single(ComposeFile.VolumeSources(ComposeFile.Services()[name], "/data"));
        Assert.Contains(source, declared);
    }

    [Fact]
    public void Gpu_profile_runs_the_gpu_images_of_detection_and_training_with_an_nvidia_device()
    {
        var gpu = ComposeFile.Services().Where(s => s.Value.SeqAt("profiles").Scalars().Contains("gpu")).ToDictionary();
        Assert.Equal(["detection-gpu", "training-gpu"], gpu.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, service) in gpu)
        {
            Assert.Equal("deploy/docker/Dockerfile.gpu", service.MapAt("build")!.ScalarAt("dockerfile"));
            var device = Assert.Single(service.MapPath("deploy", "resources", "reservations")!.SeqAt("devices").Maps());
            Assert.Equal("nvidia", device.ScalarAt("driver"));
            Assert.Contains("gpu", device.SeqAt("capabilities").Scalars());
            Assert.True(int.Parse(device.ScalarAt("count")!) >= 1, $"{name} reserves no device");
        }
        // Without the profile nothing reserves a GPU.
        Assert.All(ComposeFile.Services().Where(s => !gpu.ContainsKey(s.Key)), s => Assert.Null(s.Value.MapAt("deploy")));
    }

    [Fact]
    public void Prometheus_and_grafana_mount_the_repository_configuration()
    {
        var services = ComposeFile.Services();
        Assert.Equal(["./deploy/prometheus/prometheus.yml"], ComposeFile.VolumeSources(services["prometheus"], "/etc/prometheus/prometheus.yml"));
        Assert.Contains("--config.file=/etc/prometheus/prometheus.yml", services["prometheus"].SeqAt("command").Scalars());

        var grafana = services["grafana"];
        Assert.Equal(["./deploy/grafana/provisioning"], ComposeFile.VolumeSources(grafana, "/etc/grafana/provisioning"));
        Assert.Equal(["./deploy/grafana/dashboards"], ComposeFile.VolumeSources(grafana, "/etc/grafana/dashboards"));
        var provider = YamlFiles.Load("deploy/grafana/provisioning/dashboards/iad.yml").Single().SeqAt("providers").Maps().Single();
        Assert.Equal("/etc/grafana/dashboards", provider.MapAt("options")!.ScalarAt("path"));
        var home = ComposeFile.Environment(grafana)["GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"];
        Assert.True(File.Exists(Repository.PathOf("deploy/grafana/dashboards/" + Path.GetFileName(home))), $"home dashboard {home} is not provisioned");
    }

    [Fact]
    public async Task Docker_compose_accepts_the_file_where_the_compose_plugin_is_installed()
    {
        // This machine kind has the docker client without the compose plugin; there the YAML checks above are all.
        var docker = ExternalTool.Find("docker");
        if (docker is null) return;
        var (versionExit, _, _) = await ExternalTool.RunAsync(docker, TimeSpan.FromSeconds(30), "compose", "version");
        if (versionExit != 0) return;

        var (exit, output, errors) = await ExternalTool.RunAsync(docker, TimeSpan.FromSeconds(60), "compose", "-f", ComposeFile.Path, "--profile", "gpu", "config", "-q");
        Assert.True(exit == 0, $"docker compose config -q failed ({exit}):\n{output}{errors}");
    }
}
