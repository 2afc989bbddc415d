using Iad.Deploy.Tests.Compose;
using Iad.Deploy.Tests.Support;

namespace Iad.Deploy.Tests.Prometheus;

public sealed class PrometheusConfigTests
{
    [Fact]
    public void Every_iad_compose_service_is_scraped_on_its_metrics_port_by_its_own_job()
    {
        var jobs = YamlFiles.Load(PrometheusServer.ConfigPath).Single().SeqAt("scrape_configs").Maps()
            .ToDictionary(j => j.ScalarAt("job_name")!, j => j);
        Assert.Equal(ServiceFleet.Names.Select(n => $"iad-{n}").Order(StringComparer.Ordinal), jobs.Keys.Order(StringComparer.Ordinal));

        var scraped = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (job, config) in jobs)
        {
            Assert.Equal("/metrics", config.ScalarAt("metrics_path"));
            foreach (var discovery in config.SeqAt("dns_sd_configs").Maps())
            {
                Assert.Equal("9090", discovery.ScalarAt("port"));
                foreach (var name in discovery.SeqAt("names").Scalars()) scraped[name] = job;
            }
        }
        foreach (var (name, service) in ComposeFile.Services().Where(s => s.Value.MapAt("build") is not null))
        {
            Assert.True(scraped.TryGetValue(name, out var job), $"compose service {name} is not scraped");
            Assert.Equal($"iad-{name.Replace("-gpu", "", StringComparison.Ordinal)}", job);
            Assert.Equal("9090", ComposeFile.Environment(service)["Iad__HttpPort"]);
        }
    }

    [Fact]
    public async Task Promtool_accepts_the_config()
    {
        var promtool = ExternalTool.Find("promtool");
        Assert.True(promtool is not null, "promtool is not on PATH. Install it with: apt-get install -y --no-install-recommends prometheus");
        var (exit, output, errors) = await ExternalTool.RunAsync(promtool, TimeSpan.FromSeconds(30), "check", "config", PrometheusServer.ConfigPath);
        Assert.True(exit == 0, $"promtool check config failed ({exit}):\n{output}{errors}");
    }
}
