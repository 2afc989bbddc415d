using System.Globalization;
using Iad.Client.Experiments;
using Spectre.Console;

namespace Iad.Cli.Commands.Experiments;

/// <summary>Prints a continual result: the image-AUROC matrix and the summary figures of each metric.</summary>
internal static class ContinualResultTable
{
    public static void Print(string method, ContinualResult result)
    {
        var image = result.Summaries["image_auroc"];
        var t = image.Tasks;
        var matrix = new Table().Title(Markup.Escape($"{method}: image AUROC T[k, j] (run {result.RunId})")).AddColumn("after task");
        foreach (var task in result.Tasks) matrix.AddColumn(Markup.Escape(task));
        for (var k = 0; k < t; k++)
        {
            var cells = new List<string> { result.Tasks[k] };
            for (var j = 0; j < t; j++) cells.Add(j <= k ? Format(image.Matrix[k * t + j]) : "");
            matrix.AddRow([.. cells.Select(Markup.Escape)]);
        }
        AnsiConsole.Write(matrix);
        foreach (var (metric, summary) in result.Summaries)
        {
            AnsiConsole.WriteLine($"{metric}: final mean {Format(summary.HasFinalAccuracy ? summary.FinalAccuracy : null)}, " +
                                  $"FM {Format(summary.HasMeanForgetting ? summary.MeanForgetting : null)}");
        }
    }

    public static string Format(double? value) => value is { } v ? v.ToString("F3", CultureInfo.InvariantCulture) : "–";
}
