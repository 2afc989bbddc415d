using System.CommandLine;
using System.Text.RegularExpressions;
using Grpc.Core;
using Iad.Contracts.V1;
using Spectre.Console;

namespace Iad.Cli.Commands;

/// <summary><c>iad datasets list|describe</c> through the dataset service.</summary>
internal static partial class DatasetsCommand
{
    public static Command Create()
    {
        var list = new Command("list", "List registered datasets");
        list.SetAction(async (parse, cancellationToken) =>
        {
            using var client = LocalClient.Open(parse.GetValue(CommonOptions.Home)!);
            if (client is null) return 1;
            var datasets = await client.Dataset.ListDatasetsAsync(new ListDatasetsRequest(), cancellationToken: cancellationToken);
            var table = new Table().AddColumns("name", "layout", "categories", "root");
            foreach (var dataset in datasets.Datasets)
                table.AddRow(dataset.Name, dataset.Layout.ToString(), string.Join(", ", dataset.Categories), Markup.Escape(dataset.Root));
            AnsiConsole.Write(table);
            return 0;
        });

        var target = new Argument<string>("dataset") { Description = "A registered name, or a folder to register (named after the folder)" };
        var describe = new Command("describe", "Categories and counts per split, label, defect type and view") { target };
        describe.SetAction(async (parse, cancellationToken) =>
        {
            using var client = LocalClient.Open(parse.GetValue(CommonOptions.Home)!);
            if (client is null) return 1;
            var name = parse.GetValue(target)!;
            try
            {
                if (Directory.Exists(name))
                {
                    var root = Path.GetFullPath(name);
                    name = DatasetName(root);
                    await client.Dataset.RegisterDatasetAsync(new RegisterDatasetRequest { Name = name, Root = root }, cancellationToken: cancellationToken);
                }
                var description = await client.Dataset.DescribeDatasetAsync(new DescribeDatasetRequest { Name = name }, cancellationToken: cancellationToken);
                Print(description);
                return 0;
            }
            catch (RpcException exception)
            {
                Console.Error.WriteLine($"{exception.StatusCode}: {exception.Status.Detail}");
                return 1;
            }
        });
        return new Command("datasets", "Registered datasets and their contents") { list, describe };
    }

    private static void Print(DescribeDatasetResponse description)
    {
        AnsiConsole.WriteLine($"{description.Dataset.Name}: {description.Dataset.Layout}, {description.Categories.Count} categories, root {description.Dataset.Root}");
        var table = new Table().AddColumns("category", "train normal", "train anomalous", "test normal", "test anomalous", "masks", "samples", "defect types", "views");
        foreach (var category in description.Categories)
        {
            table.AddRow(
                category.Name,
                Count(category, "train/normal"), Count(category, "train/anomalous"),
                Count(category, "test/normal"), Count(category, "test/anomalous"),
                category.Masks.ToString(), category.Samples.ToString(),
                string.Join(", ", category.ImagesByDefectType.Where(d => d.Key != "good").Select(d => $"{d.Key} {d.Value}")),
                category.ImagesByView.Count.ToString());
        }
        AnsiConsole.Write(table);
    }

    private static string Count(CategoryDescription category, string key) =>
        category.ImagesBySplitLabel.TryGetValue(key, out var count) ? count.ToString() : "0";

    private static string DatasetName(string root)
    {
        var name = InvalidName().Replace(Path.GetFileName(root.TrimEnd('/')).ToLowerInvariant(), "-");
        return name.Length == 0 ? "dataset" : name[..Math.Min(64, name.Length)];
    }

    [GeneratedRegex("[^a-z0-9_-]")]
    private static partial Regex InvalidName();
}
