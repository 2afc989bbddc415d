using Iad.Testing;
using Iad.Imaging.Encoding;
using Iad.Imaging.Images;

namespace Iad.Python.Tests.Support;

/// <summary>
/// One detection service with the tiny detector in its local model root, Python code generated once by
/// clients/python/generate.sh, and PNG test images: dark (scores below the threshold) and bright (above).
/// </summary>
public sealed class PythonClientFixture : IAsyncLifetime
{
    public const double Threshold = 0.5;
    private const string Token = "python-client-test-token";

    private LoopbackDetectionService? _service;

    internal LoopbackDetectionService Service => _service ?? throw new InvalidOperationException("fixture not initialised");

    /// <summary><c>file:</c> id of the tiny detector.</summary>
    public string ModelId { get; private set; } = "";

    /// <summary>Folder of the generated iad.v1 Python code.</summary>
    public string GeneratedDirectory { get; private set; } = "";

    /// <summary>A 32×32 PNG of pixels in 0..99 (mean ≈ 0.19 after scaling to [0, 1]).</summary>
    public string DarkPng { get; private set; } = "";

    /// <summary>A 48×40 PNG of pixels in 156..255 (mean ≈ 0.80), resized by the service to the model's 32×32.</summary>
    public string BrightPng { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _service = await LoopbackDetectionService.StartAsync(Token);
        ModelId = _service.WriteModel("tiny.onnx", TinyDetector.Create(Threshold));
        DarkPng = WritePng("dark.png", RandomImage(seed: 1, width: 32, height: 32, low: 0, high: 100));
        BrightPng = WritePng("bright.png", RandomImage(seed: 2, width: 48, height: 40, low: 156, high: 256));

        GeneratedDirectory = Path.Combine(_service.Root, "generated");
        var generate = await PythonProcess.RunAsync("bash", [Path.Combine(PythonProcess.ClientDirectory, "generate.sh"), GeneratedDirectory],
            new Dictionary<string, string> { ["PYTHON"] = PythonProcess.Interpreter });
        if (generate.ExitCode != 0)
            throw new InvalidOperationException($"generate.sh failed (install with `{PythonProcess.InstallHint}`):\n{generate}");
    }

    public async Task DisposeAsync()
    {
        if (_service is not null) await _service.DisposeAsync();
    }

    /// <summary>Writes a file next to the test images and returns its path.</summary>
    public string WriteFile(string name, byte[] bytes)
    {
        var path = Path.Combine(Service.Root, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Common arguments of detect.py: address, token and model.</summary>
    public List<string> DetectArguments(string? token = null) =>
    [
        "detect.py", "--address", Service.Address, "--token", token ?? Service.Token, "--model", ModelId, "--provider", "cpu",
    ];

    private string WritePng(string name, RgbImage image) => WriteFile(name, ImageEncoder.EncodePng(image));

    private static RgbImage RandomImage(int seed, int width, int height, int low, int high)
    {
        var random = new Random(seed);
        var image = new RgbImage(width, height);
        for (var i = 0; i < image.Pixels.Length; i++) image.Pixels[i] = (byte)random.Next(low, high);
        return image;
    }
}
