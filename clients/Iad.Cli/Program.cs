using System.CommandLine;
using Iad.Cli.Commands;

var root = new RootCommand("iad: industrial image anomaly detection services, experiments and reports")
{
    CommonOptions.Home,
    UpCommand.Create(),
    StatusCommand.Create(),
    DownCommand.Create(),
    SynthCommand.Create(),
    DatasetsCommand.Create(),
    MetricsCommand.Create(),
    TrainCommand.Create(),
    ModelsCommand.Create(),
    DetectCommand.Create(),
    EvalCommand.Create(),
    ContinualCommand.Create(),
    BenchCommand.Create(),
    ReportCommand.Create(),
    DemoCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
