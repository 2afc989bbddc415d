using Iad.Hosting;
using Iad.Hosting.Transport;

namespace Iad.Hosting.Tests;

public sealed class SocketCompletionsTests
{
    [Theory]
    [InlineData(null, true, "1")]
    [InlineData("", true, "1")]
    [InlineData(null, false, null)]
    [InlineData("0", true, null)]
    [InlineData("1", false, null)]
    public void An_operators_explicit_setting_wins_otherwise_inline_is_preferred(string? current, bool preferInline, string? expected) =>
        Assert.Equal(expected, SocketCompletions.Decide(current, preferInline));

    [Fact]
    public void Service_hosts_complete_socket_operations_inline_unless_the_environment_says_otherwise()
    {
        var before = Environment.GetEnvironmentVariable(SocketCompletions.EnvironmentVariable);
        IadHost.CreateBuilder([]);
        var after = Environment.GetEnvironmentVariable(SocketCompletions.EnvironmentVariable);
        Assert.Equal(string.IsNullOrEmpty(before) ? "1" : before, after);
    }
}
