using System.CommandLine;
using System.Globalization;
using Google.Protobuf;
using Grpc.Core;
using Iad.Cli.Commands.Detect;
using Iad.Client;
using Iad.Contracts.V1;
using Iad.Imaging.Decoding;
using Spectre.Console;

namespace Iad.Cli.Commands;

/// <summary>
/// <c>iad detect</c>: loads a model into the detection service, scores image files in batches and prints a table (or
/// JSON lines), optionally writing anomaly-map overlays; reports the execution provider that ran the model.
/// </summary>
internal static class DetectCommand
{
    private const int MaxRequestImages = 64;

    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Model id 'name@version' (a name means its latest version), or file:<path>", Required = true };
        var threshold = new Option<double?>("--threshold") { Description = "Label images with score > T as anomalous and centre the overlay colours on T (default: the model's threshold)" };
        var maps = new Option<DirectoryInfo?>("--maps") { Description = "Write an anomaly-map overlay PNG per image into this folder" };
        var batch = new Option<int>("--batch-size") { Description = $"Images per request, 1..{MaxRequestImages}", DefaultValueFactory = _ => 8 };
        var json = new Option<bool>("--json") { Description = "One JSON line per image instead of a table" };
        var paths = new Argument<string[]>("paths") { Description = "Image files or folders (png, jpg, jpeg, bmp, tif, tiff)", Arity = ArgumentArity.OneOrMore };
        var command = new Command("detect", "Score images with a registered model") { model, threshold, maps, batch, json, paths };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var batchSize = parse.GetValue(batch);
            if (batchSize is < 1 or > MaxRequestImages)
            {
                Console.Error.WriteLine($"--batch-size {batchSize} must be in 1..{MaxRequestImages}");
                return 1;
            }
            using var client = LocalClient.Open(parse.GetValue(CommonOptions.Home)!);
            if (client is null) return 1;
            try
            {
                var files = ImageFiles.Expand(parse.GetValue(paths)!);
                var run = new DetectRun(parse.GetValue(model)!, parse.GetValue(threshold), parse.GetValue(maps)?.FullName, batchSize, parse.GetValue(json));
                return await RunAsync(client, run, files, cancellationToken);
            }
            catch (Exception exception) when (exception is FileNotFoundException or InvalidDataException or ImageDecodeException)
            {
                Console.Error.WriteLine(exception.Message);
                return 1;
            }
            catch (RpcException exception)
            {
                Console.Error.WriteLine($"{exception.StatusCode}: {exception.Status.Detail}");
                return 1;
            }
        });
        return command;
    }

    private sealed record DetectRun(string ModelId, double? Threshold, string? MapsFolder, int BatchSize, bool Json);

    private static async Task<int> RunAsync(IadClient client, DetectRun run, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        // Pulling, verifying and warming up a large model can outlast the default unary deadline.
        var load = await client.Detection.LoadModelAsync(new LoadModelRequest { ModelId = run.ModelId, Provider = ProviderPreference.Auto },
            deadline: DateTime.UtcNow.AddMinutes(5), cancellationToken: cancellationToken);
        double? modelThreshold = load.Model.HasThreshold ? load.Model.Threshold : null;
        if (!run.Json) Console.WriteLine(Describe(load, modelThreshold));
        var overlays = run.MapsFolder is null ? null : new OverlayFileNames(Directory.CreateDirectory(run.MapsFolder).FullName);
        var rows = new List<DetectionRow>(files.Count);
        for (var start = 0; start < files.Count; start += run.BatchSize)
        {
            var batch = files.Skip(start).Take(run.BatchSize).ToArray();
            var (images, response) = await DetectBatchAsync(client, load.Model.ModelId, batch, overlays is not null, cancellationToken);
            for (var i = 0; i < batch.Length; i++)
            {
                var detection = response.Detections[i];
                var label = run.Threshold is { } threshold ? (detection.Score > threshold ? Label.Anomalous : Label.Normal) : detection.Label;
                var overlay = overlays is null ? null : WriteOverlay(overlays.For(batch[i]), images[i], detection, run.Threshold ?? modelThreshold);
                var row = new DetectionRow(batch[i], detection.Score, label, response.Timing.TotalUs / 1000.0, batch.Length, response.Provider, overlay);
                if (run.Json) Console.WriteLine(row.ToJson().ToJsonString());
                rows.Add(row);
            }
        }
        if (!run.Json) PrintTable(rows);
        return 0;
    }

    private static async Task<(byte[][] Images, DetectResponse Response)> DetectBatchAsync(
        IadClient client, string modelId, string[] files, bool withMaps, CancellationToken cancellationToken)
    {
        var images = new byte[files.Length][];
        var request = new DetectRequest
        {
            ModelId = modelId,
            Output = new OutputOptions { MapEncoding = withMaps ? MapEncoding.Float32 : MapEncoding.None },
        };
        for (var i = 0; i < files.Length; i++)
        {
            images[i] = await File.ReadAllBytesAsync(files[i], cancellationToken);
            // The file bytes stay alive in `images` for the overlays, so the message may share them instead of copying.
            request.Images.Add(new Image { Encoded = new EncodedImage { Data = UnsafeByteOperations.UnsafeWrap(images[i]) } });
        }
        var response = await client.Detection.DetectAsync(request, cancellationToken: cancellationToken);
        if (response.Detections.Count != files.Length)
            throw new InvalidDataException($"detection answered {response.Detections.Count} results for {files.Length} images.");
        return (images, response);
    }

    private static string Describe(LoadModelResponse load, double? threshold)
    {
        var model = load.Model;
        var thresholdText = threshold is { } t ? t.ToString("G6", CultureInfo.InvariantCulture) : "none";
        return string.Create(CultureInfo.InvariantCulture,
            $"model {model.ModelId} on {model.Provider.ToString().ToLowerInvariant()}, input {model.InputSize} px, threshold {thresholdText}, loaded in {load.LoadSeconds:F2} s{(load.CacheHit ? " (cached)" : "")}");
    }

    private static string WriteOverlay(string path, byte[] image, Detection detection, double? threshold)
    {
        var map = AnomalyMaps.Values(detection.AnomalyMap, out var height, out var width);
        File.WriteAllBytes(path, OverlayRenderer.RenderPng(image, map, width, height, MapRange.For(threshold, map)));
        return path;
    }

    private static void PrintTable(IReadOnlyList<DetectionRow> rows)
    {
        var withOverlays = rows.Any(r => r.Overlay is not null);
        var table = new Table().AddColumns("file", "score", "label", "latency");
        if (withOverlays) table.AddColumn("overlay");
        foreach (var row in rows)
        {
            var label = row.Label == Label.Anomalous ? "[red]anomalous[/]" : row.LabelText;
            var latency = string.Create(CultureInfo.InvariantCulture, $"{row.LatencyMs:F1} ms / {row.RequestImages}");
            var cells = new List<string> { Markup.Escape(row.File), row.Score.ToString("G6", CultureInfo.InvariantCulture), label, latency };
            if (withOverlays) cells.Add(Markup.Escape(row.Overlay ?? ""));
            table.AddRow([.. cells]);
        }
        AnsiConsole.Write(table);
        var anomalous = rows.Count(r => r.Label == Label.Anomalous);
        var providers = string.Join(", ", rows.Select(r => r.ProviderText).Distinct());
        Console.WriteLine($"{rows.Count} images, {anomalous} anomalous; execution provider {providers}");
    }
}
