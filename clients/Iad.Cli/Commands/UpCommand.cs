using System.CommandLine;
using System.Runtime.InteropServices;
using Iad.Cli.Local;
using Iad.Client;

namespace Iad.Cli.Commands;

/// <summary><c>iad up</c>: starts the four services locally and waits until all are healthy.</summary>
internal static class UpCommand
{
    public static Command Create()
    {
        var foreground = new Option<bool>("--foreground") { Description = "Stay attached; stop the services on Ctrl-C or SIGTERM" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for health", DefaultValueFactory = _ => 120 };
        var allowRoots = new Option<string[]>("--allow-root")
        {
            Description = "Folder the dataset service may read datasets from (repeatable; default: your home folder and the temp folder)",
            DefaultValueFactory = _ => [Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), Path.GetTempPath()],
        };
        var command = new Command("up", "Start the dataset, training, detection and metrics services on loopback") { foreground, timeout, allowRoots };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var home = parse.GetValue(CommonOptions.Home)!;
            var launcher = new LocalServiceLauncher(home, Console.Out);
            if (launcher.Running() is not null)
            {
                Console.WriteLine($"services already running (state {launcher.StatePath}); use 'iad down' to stop them");
                return 0;
            }

            var state = launcher.Start(parse.GetValue(allowRoots)!);
            try
            {
                await launcher.WaitHealthyAsync(state, TimeSpan.FromSeconds(parse.GetValue(timeout)), cancellationToken);
            }
            catch (Exception exception) when (exception is OperationCanceledException or TimeoutException or InvalidOperationException)
            {
                Console.Error.WriteLine(exception is OperationCanceledException ? "cancelled; stopping services" : exception.Message);
                await launcher.StopAsync(state);
                return 1;
            }
            Console.WriteLine($"all four services healthy; state in {launcher.StatePath}");

            if (!parse.GetValue(foreground)) return 0;
            await WaitForStopSignalAsync(cancellationToken);
            Console.WriteLine("stopping services");
            await launcher.StopAsync(state);
            return 0;
        });
        return command;
    }

    private static async Task WaitForStopSignalAsync(CancellationToken cancellationToken)
    {
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.TrySetResult(); });
        using var registration = cancellationToken.Register(() => stop.TrySetResult());
        await stop.Task;
    }
}
