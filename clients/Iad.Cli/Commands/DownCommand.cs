using System.CommandLine;
using Iad.Cli.Local;
using Iad.Client;

namespace Iad.Cli.Commands;

/// <summary><c>iad down</c>: stops the services started by <c>iad up</c>.</summary>
internal static class DownCommand
{
    public static Command Create()
    {
        var command = new Command("down", "Stop the services started by 'iad up'");
        command.SetAction(async (parse, _) =>
        {
            var launcher = new LocalServiceLauncher(parse.GetValue(CommonOptions.Home)!, Console.Out);
            if (LocalServicesState.TryLoad(launcher.StatePath) is not { } state)
            {
                Console.WriteLine("no services running (no state file)");
                return 0;
            }
            await launcher.StopAsync(state);
            Console.WriteLine($"stopped {state.Services.Count} services");
            return 0;
        });
        return command;
    }
}
