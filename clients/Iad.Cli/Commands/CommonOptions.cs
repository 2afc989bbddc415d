using System.CommandLine;
using Iad.Client;

namespace Iad.Cli.Commands;

/// <summary>Options several commands share.</summary>
internal static class CommonOptions
{
    /// <summary><c>--home</c>: folder of the state file, logs and service data (default $IAD_HOME or ~/.iad).</summary>
    public static readonly Option<string> Home = new("--home")
    {
        Description = "Folder for the local services' state, logs and data",
        DefaultValueFactory = _ => LocalServicesState.DefaultHome,
        Recursive = true,
    };
}
