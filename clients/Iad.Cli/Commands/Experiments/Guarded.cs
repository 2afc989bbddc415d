using Grpc.Core;

namespace Iad.Cli.Commands.Experiments;

/// <summary>Runs a command body and turns expected failures into one stderr line and exit code 1.</summary>
internal static class Guarded
{
    public static async Task<int> RunAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (RpcException e)
        {
            Console.Error.WriteLine($"{e.StatusCode}: {e.Status.Detail}");
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException)
        {
            Console.Error.WriteLine(e.Message);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("cancelled");
        }
        return 1;
    }
}
