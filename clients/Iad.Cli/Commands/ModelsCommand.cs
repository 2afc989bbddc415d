using System.CommandLine;
using Grpc.Core;
using Iad.Cli.Commands.Models;
using Iad.Contracts.V1;
using Spectre.Console;

namespace Iad.Cli.Commands;

/// <summary><c>iad models list|show|delete|backbones</c>: the training service's model registry and backbones.</summary>
internal static class ModelsCommand
{
    public static Command Create()
    {
        var listName = new Option<string?>("--name") { Description = "Only versions of this model name" };
        var listJson = new Option<bool>("--json") { Description = "Print the registry records as one JSON object" };
        var list = new Command("list", "List registered models, newest first") { listName, listJson };
        list.SetAction((parse, cancellationToken) => WithClientAsync(parse, async client =>
        {
            var response = await client.Training.ListModelsAsync(new ListModelsRequest { Name = parse.GetValue(listName) ?? "" }, cancellationToken: cancellationToken);
            if (parse.GetValue(listJson)) Console.WriteLine(ProtoJson.Format(response));
            else AnsiConsole.Write(ModelTables.List(response.Models));
        }));

        var showId = new Argument<string>("model") { Description = "Model id 'name@version', or a name for its latest version" };
        var showJson = new Option<bool>("--json") { Description = "Print the record as JSON" };
        var show = new Command("show", "Show one model's record with its training metrics and metadata") { showId, showJson };
        show.SetAction((parse, cancellationToken) => WithClientAsync(parse, async client =>
        {
            var model = (await client.Training.GetModelAsync(new GetModelRequest { ModelId = parse.GetValue(showId)! }, cancellationToken: cancellationToken)).Model;
            if (parse.GetValue(showJson)) Console.WriteLine(ProtoJson.Format(model));
            else AnsiConsole.Write(ModelTables.Show(model));
        }));

        var deleteId = new Argument<string>("model") { Description = "Model id 'name@version'" };
        var force = new Option<bool>("--force") { Description = "Delete even when other versions name it as their parent" };
        var delete = new Command("delete", "Delete a model version from the registry") { deleteId, force };
        delete.SetAction((parse, cancellationToken) => WithClientAsync(parse, async client =>
        {
            var id = parse.GetValue(deleteId)!;
            await client.Training.DeleteModelAsync(new DeleteModelRequest { ModelId = id, Force = parse.GetValue(force) }, cancellationToken: cancellationToken);
            Console.WriteLine($"deleted {id}");
        }));

        var backbones = new Command("backbones", "List the backbones the training service can use");
        backbones.SetAction((parse, cancellationToken) => WithClientAsync(parse, async client =>
        {
            var response = await client.Training.ListBackbonesAsync(new ListBackbonesRequest(), cancellationToken: cancellationToken);
            AnsiConsole.Write(ModelTables.Backbones(response.Backbones));
        }));

        return new Command("models", "The model registry of the training service") { list, show, delete, backbones };
    }

    private static async Task<int> WithClientAsync(ParseResult parse, Func<Iad.Client.IadClient, Task> action)
    {
        using var client = LocalClient.Open(parse.GetValue(CommonOptions.Home)!);
        if (client is null) return 1;
        try
        {
            await action(client);
            return 0;
        }
        catch (RpcException exception)
        {
            Console.Error.WriteLine($"{exception.StatusCode}: {exception.Status.Detail}");
            return 1;
        }
    }
}
