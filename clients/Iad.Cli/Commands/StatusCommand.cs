using System.CommandLine;
using Iad.Cli.Local;
using Iad.Client;
using Spectre.Console;

namespace Iad.Cli.Commands;

/// <summary><c>iad status</c>: health and identity of each local service.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var command = new Command("status", "Show health, version and uptime of the local services");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var statePath = new LocalServiceLauncher(parse.GetValue(CommonOptions.Home)!, Console.Out).StatePath;
            if (LocalServicesState.TryLoad(statePath) is not { } state)
            {
                Console.Error.WriteLine($"no services started ({statePath} missing); run 'iad up'");
                return 1;
            }
            var options = IadClientOptions.FromLocalServices(state);
            options.DefaultDeadline = TimeSpan.FromSeconds(5);
            using var client = new IadClient(options);
            var statuses = await client.GetStatusAsync(cancellationToken);

            var table = new Table().AddColumns("service", "address", "health", "version", "uptime", "pid", "metrics");
            foreach (var status in statuses)
            {
                var local = state.Require(status.Name);
                var alive = ProcessControl.IsService(local.ProcessId, local.Name);
                table.AddRow(
                    status.Name,
                    status.Address,
                    status.IsServing ? "[green]SERVING[/]" : $"[red]{Markup.Escape(status.Error ?? status.Health)}[/]",
                    status.Info?.Version ?? "-",
                    status.Info is null ? "-" : $"{status.Info.UptimeSeconds:F0} s",
                    alive ? local.ProcessId.ToString() : $"{local.ProcessId} (gone)",
                    local.MetricsUrl);
            }
            AnsiConsole.Write(table);
            return statuses.All(s => s.IsServing) ? 0 : 1;
        });
        return command;
    }
}
