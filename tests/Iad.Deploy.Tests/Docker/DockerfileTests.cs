using System.Text.RegularExpressions;
using Iad.Deploy.Tests.Support;

namespace Iad.Deploy.Tests.Docker;

public sealed partial class DockerfileTests
{
    [Theory]
    [InlineData("deploy/docker/Dockerfile", "mcr.microsoft.com/dotnet/aspnet:")]
    [InlineData("deploy/docker/Dockerfile.gpu", "${CUDA_IMAGE}")]
    public void Image_is_multi_stage_non_root_health_checked_and_serves_on_the_documented_ports(string path, string runtimeBase)
    {
        var instructions = Instructions(Repository.ReadText(path));
        var froms = instructions.Where(i => i.Keyword == "FROM").Select(i => i.Arguments).ToArray();
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0", froms[0]);
        Assert.EndsWith(" AS build", froms[0]);
        Assert.StartsWith(runtimeBase, froms[^1]);
        Assert.Contains(instructions, i => i.Keyword == "COPY" && i.Arguments.StartsWith("--from=build /app", StringComparison.Ordinal));

        var final = instructions.SkipWhile(i => i.Arguments != froms[^1]).ToArray();
        var user = Assert.Single(final, i => i.Keyword == "USER").Arguments;
        Assert.DoesNotContain(user, new[] { "root", "0" });
        Assert.Equal("8080 9090", Assert.Single(final, i => i.Keyword == "EXPOSE").Arguments);
        var environment = string.Join(' ', final.Where(i => i.Keyword == "ENV").Select(i => i.Arguments));
        foreach (var setting in new[] { "Iad__BindAddress=0.0.0.0", "Iad__GrpcPort=8080", "Iad__HttpPort=9090", "Iad__DataDir=/data" })
            Assert.Contains(setting, environment);
        Assert.EndsWith("CMD [\"dotnet\", \"service.dll\", \"--healthcheck\"]", Assert.Single(final, i => i.Keyword == "HEALTHCHECK").Arguments);
        Assert.Equal("[\"dotnet\", \"service.dll\"]", Assert.Single(final, i => i.Keyword == "ENTRYPOINT").Arguments);
    }

    [Fact]
    public void Gpu_image_is_published_with_the_cuda_onnx_runtime_switch()
    {
        var publish = Assert.Single(Instructions(Repository.ReadText("deploy/docker/Dockerfile.gpu")),
            i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet publish", StringComparison.Ordinal));
        Assert.Contains("-p:IadGpu=true", publish.Arguments);
        Assert.Contains("IadGpu", Repository.ReadText("services/Iad.Onnx/Iad.Onnx.csproj"));
    }

    private static List<(string Keyword, string Arguments)> Instructions(string dockerfile)
    {
        var joined = LineContinuation().Replace(dockerfile, " ");
        return [.. joined.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', 2))
            .Select(p => (p[0].ToUpperInvariant(), p.Length > 1 ? Whitespace().Replace(p[1], " ").Trim() : ""))];
    }

    [GeneratedRegex(@"\\\r?\n")]
    private static partial Regex LineContinuation();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
