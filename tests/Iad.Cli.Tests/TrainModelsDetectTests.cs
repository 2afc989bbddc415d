using System.Text.Json.Nodes;
using Iad.Cli.Commands.Detect;
using Iad.Cli.Commands.Train;
using Iad.Client;
using Iad.Contracts.V1;
using Iad.Imaging.Decoding;
using Iad.Imaging.Encoding;
using Iad.Imaging.Images;
using Iad.Reports.Overlays;

namespace Iad.Cli.Tests;

/// <summary><c>iad train</c>, <c>iad models</c> and <c>iad detect</c> against real services started with <c>iad up</c>.</summary>
public sealed class TrainModelsDetectTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("iad-cli-train-").FullName;

    [Fact]
    public async Task Train_list_detect_and_delete_a_model_on_a_synthetic_dataset()
    {
        var (upCode, upOutput) = await CliProcess.RunAsync(_home, "up");
        Assert.True(upCode == 0, upOutput);
        Dataset dataset;
        using (var client = new IadClient(IadClientOptions.FromLocalServices(LocalServicesState.TryLoad(Path.Combine(_home, "services.json"))!)))
        {
            dataset = (await client.Dataset.GenerateSyntheticDatasetAsync(new GenerateSyntheticDatasetRequest
            {
                Name = "tiny", Categories = 2, Seed = 3, ImageSize = 64, Difficulty = 0,
            })).Dataset;
        }
        var category = dataset.Categories[0];

        var (unknownDataset, unknownDatasetOutput) = await CliProcess.RunAsync(_home, "train", "--dataset", "nope", "--json");
        Assert.Equal(1, unknownDataset);
        Assert.Contains("unknown dataset 'nope'; registered datasets: tiny", unknownDatasetOutput);
        var (unknownMethod, unknownMethodOutput) = await CliProcess.RunAsync(_home, "train", "--dataset", "tiny", "--categories", category, "--method", "magic");
        Assert.Equal(1, unknownMethod);
        Assert.Contains("unknown method 'magic'; known methods: patchcore, padim", unknownMethodOutput);
        var (unknownCategory, unknownCategoryOutput) = await CliProcess.RunAsync(_home, "train", "--dataset", "tiny", "--categories", "marble");
        Assert.Equal(1, unknownCategory);
        Assert.Contains($"its categories: {string.Join(", ", dataset.Categories)}", unknownCategoryOutput);

        var (trainCode, trainOutput) = await CliProcess.RunAsync(_home,
            "train", "--dataset", "tiny", "--categories", category, "--image-size", "64", "--coreset-ratio", "0.2", "--name", "tiny-patchcore", "--json");
        Assert.True(trainCode == 0, trainOutput);
        var events = TrainModelsDetectSupport.JsonLines(trainOutput);
        Assert.Contains(events, e => (string?)e["event"] == "progress" && (string?)e["phase"] == "extracting");
        var result = events[^1];
        Assert.Equal("result", (string?)result["event"]);
        Assert.Equal("succeeded", (string?)result["state"]);
        Assert.StartsWith("job-", (string?)result["job_id"]);
        var modelId = (string)result["model_id"]!;
        Assert.Equal("tiny-patchcore@1", modelId);
        Assert.True((double)result["phase_seconds"]!["extracting"]! > 0, trainOutput);

        var (listCode, listOutput) = await CliProcess.RunAsync(_home, "models", "list", "--json");
        Assert.True(listCode == 0, listOutput);
        var listed = Assert.Single(JsonNode.Parse(listOutput)!["models"]!.AsArray(), m => (string?)m!["model_id"] == modelId)!;
        Assert.Equal("METHOD_PATCHCORE", (string?)listed["method"]);
        Assert.Equal(64, (int)listed["input_size"]!);
        var (showCode, showOutput) = await CliProcess.RunAsync(_home, "models", "show", modelId, "--json");
        Assert.True(showCode == 0, showOutput);
        Assert.NotNull(JsonNode.Parse(showOutput)!["training_metrics"]!["fit_seconds"]);

        var good = Path.Combine(dataset.Root, category, "test", "good", "000.png");
        var defective = Directory.EnumerateDirectories(Path.Combine(dataset.Root, category, "test")).First(d => Path.GetFileName(d) != "good");
        var bad = Directory.EnumerateFiles(defective, "*.png").Order(StringComparer.Ordinal).First();
        var maps = Path.Combine(_home, "maps");
        var (detectCode, detectOutput) = await CliProcess.RunAsync(_home, "detect", "--model", "tiny-patchcore", "--json", "--maps", maps, good, bad);
        Assert.True(detectCode == 0, detectOutput);
        var rows = TrainModelsDetectSupport.JsonLines(detectOutput);
        Assert.Equal([good, bad], rows.Select(r => (string)r["file"]!));
        Assert.All(rows, r => Assert.True(float.IsFinite((float)r["score"]!) && (string?)r["provider"] is "cpu" or "cuda", r.ToJsonString()));
        Assert.True((float)rows[1]["score"]! > (float)rows[0]["score"]!, detectOutput);
        foreach (var row in rows)
        {
            var header = ImageHeaderReader.Read(File.ReadAllBytes((string)row["overlay"]!));
            Assert.Equal((ImageFormat.Png, 64L, 64L), (header.Format, header.Width, header.Height));
        }

        var (deleteCode, deleteOutput) = await CliProcess.RunAsync(_home, "models", "delete", modelId);
        Assert.True(deleteCode == 0, deleteOutput);
        var (_, afterOutput) = await CliProcess.RunAsync(_home, "models", "list", "--json");
        Assert.DoesNotContain(modelId, afterOutput);
        var (againCode, againOutput) = await CliProcess.RunAsync(_home, "models", "delete", modelId);
        Assert.Equal(1, againCode);
        Assert.StartsWith("NotFound: ", againOutput);

        var (downCode, downOutput) = await CliProcess.RunAsync(_home, "down");
        Assert.True(downCode == 0, downOutput);
    }

    [Fact]
    public async Task Commands_without_services_say_to_run_iad_up()
    {
        var (code, output) = await CliProcess.RunAsync(_home, "models", "list");
        Assert.Equal(1, code);
        Assert.Contains("run 'iad up' first", output);
    }

    public void Dispose() => TrainModelsDetectSupport.StopServicesAndDelete(_home);
}

/// <summary>The pieces of train and detect that need no service.</summary>
public sealed class TrainAndDetectPartsTests : IDisposable
{
    private static readonly Dataset Synthetic = new() { Name = "syn", Categories = { "grain", "weave", "metal" } };
    private readonly string _folder = Directory.CreateTempSubdirectory("iad-cli-parts-").FullName;

    [Fact]
    public void One_category_gives_an_unsupervised_setting_with_the_requested_options()
    {
        var plan = TrainingPlan.Build(Arguments(categories: ["weave"], coresetRatio: 0.25, backbone: "nets/wide_resnet50_2.onnx"), Synthetic);
        Assert.Equal(["weave"], plan.Setting.Categories);
        Assert.Null(plan.Setting.Continual);
        Assert.Equal(SettingSpec.RegimeOneofCase.Unsupervised, plan.Setting.RegimeCase);
        Assert.Equal((64, 7), (plan.Setting.Input.ImageSize, plan.Setting.Seed));
        Assert.Equal((Method.Patchcore, 0, 7), (plan.Request.Method, plan.Request.TaskIndex, plan.Request.Seed));
        Assert.Equal(0.25, plan.Request.Patchcore.CoresetRatio);
        Assert.Equal("nets/wide_resnet50_2.onnx", plan.Request.Backbone.OnnxPath);
    }

    [Fact]
    public void Several_categories_with_a_task_give_a_continual_setting_in_the_given_order()
    {
        var plan = TrainingPlan.Build(Arguments(categories: ["metal", "grain"], task: 1, method: "PaDiM", featureDim: 50, baseModel: "padim-metal@1"), Synthetic);
        Assert.Equal(["metal", "grain"], plan.Setting.Continual.TaskOrder);
        Assert.Equal((Method.Padim, 1, 50, "padim-metal@1"), (plan.Request.Method, plan.Request.TaskIndex, plan.Request.Padim.FeatureDim, plan.Request.BaseModelId));
        Assert.Equal("builtin", plan.Request.Backbone.Builtin);
    }

    [Theory]
    [InlineData(null, null, "patchcore", "3 categories [grain, weave, metal]: train one with --categories NAME")]
    [InlineData("grain,weave", 2, "patchcore", "--task 2 is outside 0..1")]
    [InlineData("grain,grain", 0, "patchcore", "category 'grain' is listed twice")]
    [InlineData("stone", null, "patchcore", "unknown category 'stone' in dataset 'syn'; its categories: grain, weave, metal")]
    [InlineData("grain", null, "unspecified", "unknown method 'unspecified'; known methods: patchcore, padim, softpatch")]
    public void Invalid_arguments_are_refused_with_the_known_values(string? categories, int? task, string method, string message)
    {
        var arguments = Arguments(categories: categories?.Split(',') ?? [], task: task, method: method);
        var exception = Assert.Throws<ArgumentException>(() => TrainingPlan.Build(arguments, Synthetic));
        Assert.StartsWith(message, exception.Message);
    }

    [Fact]
    public void Method_options_for_another_method_are_refused()
    {
        Assert.Contains("apply to patchcore, not padim",
            Assert.Throws<ArgumentException>(() => TrainingPlan.Build(Arguments(categories: ["grain"], method: "padim", coresetRatio: 0.1), Synthetic)).Message);
        Assert.Contains("applies to padim, not patchcore",
            Assert.Throws<ArgumentException>(() => TrainingPlan.Build(Arguments(categories: ["grain"], featureDim: 10), Synthetic)).Message);
    }

    [Fact]
    public void Plain_progress_prints_phase_changes_and_every_tenth_of_completion()
    {
        var output = new StringWriter();
        var printer = new PlainProgressPrinter(output);
        double[] fractions = [0.0, 0.05, 0.09, 0.1, 0.15, 0.3];
        foreach (var fraction in fractions) printer.Report(new JobProgress { Phase = TrainingPhase.Extracting, Fraction = fraction, ImagesTotal = 60 });
        printer.Report(new JobProgress { Phase = TrainingPhase.Fitting, Fraction = 0.31, Message = "coreset" });
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["  0.0% extracting: 0/60 images", " 10.0% extracting: 0/60 images", " 30.0% extracting: 0/60 images", " 31.0% fitting (coreset)"], lines);
    }

    [Fact]
    public void Folders_expand_to_their_images_in_path_order_and_bad_paths_fail()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "b"));
        foreach (var name in new[] { "b/2.PNG", "a.jpg", "b/1.tiff", "notes.txt", "c.bmp" }) File.WriteAllBytes(Path.Combine(_folder, name), [0]);
        var single = Path.Combine(_folder, "c.bmp");
        var files = ImageFiles.Expand([single, _folder]);
        Assert.Equal(["c.bmp", "a.jpg", "b/1.tiff", "b/2.PNG"], files.Select(f => Path.GetRelativePath(_folder, f)));
        Assert.Throws<InvalidDataException>(() => ImageFiles.Expand([Path.Combine(_folder, "notes.txt")]));
        Assert.Throws<FileNotFoundException>(() => ImageFiles.Expand([Path.Combine(_folder, "missing")]));
        Assert.Throws<InvalidDataException>(() => ImageFiles.Expand([Directory.CreateDirectory(Path.Combine(_folder, "empty")).FullName]));
    }

    [Fact]
    public void Overlay_blends_half_image_half_jet_over_the_map_range()
    {
        byte[] rgb = [100, 100, 100, 0, 0, 0, 200, 40, 0, 10, 20, 30];
        float[] map = [-3f, 51f, 300f, float.NaN];
        var range = MapRange.For(127.5, map);
        Assert.Equal(new MapRange(0f, 255f), range);
        OverlayRenderer.Blend(rgb, map, range);
        byte[] expected = [.. Mix(100, 100, 100, 0f), .. Mix(0, 0, 0, 51 / 255f), .. Mix(200, 40, 0, 1f), .. Mix(10, 20, 30, 0f)];
        Assert.Equal(expected, rgb);
        Assert.Equal(new MapRange(-1f, 3f), MapRange.For(null, [3f, -1f, 0.5f]));
        Assert.Throws<ArgumentException>(() => OverlayRenderer.Blend(new byte[5], map, new MapRange(0, 1)));
    }

    [Fact]
    public void Overlay_png_has_the_map_size_whatever_the_input_size()
    {
        var input = ImageEncoder.EncodePng(new RgbImage(40, 24));
        var png = OverlayRenderer.RenderPng(input, new float[16 * 8], 16, 8, new MapRange(0, 1));
        var decoded = ImageDecoder.DecodeRgb(png);
        Assert.Equal((16, 8), (decoded.Width, decoded.Height));
        var (r, g, b) = JetColormap.Map(0f);
        Assert.Equal([(byte)(0.5f * r + 0.5f), (byte)(0.5f * g + 0.5f), (byte)(0.5f * b + 0.5f)], decoded.Pixels[..3]);
    }

    [Fact]
    public void Anomaly_maps_are_read_in_place_and_malformed_ones_refused()
    {
        var tensor = TrainModelsDetectSupport.Float32Map([1f, 2f, 3f, 4f, 5f, 6f], 1, 2, 3);
        var values = AnomalyMaps.Values(tensor, out var height, out var width);
        Assert.Equal((2, 3), (height, width));
        Assert.Equal([1f, 2f, 3f, 4f, 5f, 6f], values.ToArray());
        Assert.Throws<InvalidDataException>(() => AnomalyMaps.Values(TrainModelsDetectSupport.Float32Map([1f, 2f], 1, 2, 3), out _, out _));
        Assert.Throws<InvalidDataException>(() => AnomalyMaps.Values(TrainModelsDetectSupport.Float32Map([1f, 2f], 2, 1, 1), out _, out _));
        Assert.Throws<InvalidDataException>(() => AnomalyMaps.Values(new Tensor { Dtype = DataType.Float16, Shape = { 1, 1, 1 } }, out _, out _));
    }

    [Fact]
    public void Overlay_names_keep_the_stem_and_number_repeats()
    {
        var names = new OverlayFileNames("/out");
        Assert.Equal(["/out/000.png", "/out/000-2.png", "/out/001.png", "/out/000-3.png"],
            new[] { "/a/000.png", "/b/000.jpg", "/a/001.png", "/c/000.tif" }.Select(names.For));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static byte[] Mix(byte r, byte g, byte b, float t)
    {
        var (jr, jg, jb) = JetColormap.Map(t);
        return [(byte)(0.5f * r + 0.5f * jr + 0.5f), (byte)(0.5f * g + 0.5f * jg + 0.5f), (byte)(0.5f * b + 0.5f * jb + 0.5f)];
    }

    private static TrainArguments Arguments(
        string[]? categories = null, int? task = null, string method = "patchcore", double? coresetRatio = null, int? featureDim = null,
        string? baseModel = null, string backbone = "builtin") =>
        new("syn", categories ?? [], task, method, 64, 7, coresetRatio, null, featureDim, baseModel, null, backbone);
}
