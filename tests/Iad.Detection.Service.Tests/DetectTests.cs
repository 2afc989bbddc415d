using System.Runtime.InteropServices;
using Iad.Contracts.V1;
using Iad.Detection.Service.Tests.Support;
using Iad.Imaging.Preprocessing;

namespace Iad.Detection.Service.Tests;

public sealed class DetectTests : IDisposable
{
    private const int Plane = TestDetectors.Size * TestDetectors.Size;
    private readonly DetectionHost _host = new();
    private readonly byte[] _model = TestDetectors.Create(threshold: 0.5);

    public DetectTests() => _host.LoadAsync("exact.onnx", _model).GetAwaiter().GetResult();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Scores_and_maps_equal_plain_onnx_runtime_on_the_same_file()
    {
        const int batch = 5;
        var images = new float[batch * 3 * Plane];
        var request = new DetectRequest { ModelId = "exact", Output = new OutputOptions { MapEncoding = MapEncoding.Float32 } };
        for (var n = 0; n < batch; n++)
        {
            var pixels = TestImages.Pixels(100 + n);
            pixels.CopyTo(images, n * pixels.Length);
            request.Images.Add(TestImages.Float32(pixels));
        }
        var response = await _host.Client.DetectAsync(request);
        var (scores, maps) = DirectOrt.Run(_model, images, batch);

        Assert.Equal(ExecutionProvider.Cpu, response.Provider);
        Assert.StartsWith("exact@", response.ModelId);
        Assert.Equal(batch, response.Detections.Count);
        for (var n = 0; n < batch; n++)
        {
            var detection = response.Detections[n];
            Assert.Equal(scores[n], detection.Score);
            Assert.Equal(new long[] { 1, TestDetectors.Size, TestDetectors.Size }, detection.AnomalyMap.Shape);
            Assert.Equal(DataType.Float32, detection.AnomalyMap.Dtype);
            var map = MemoryMarshal.Cast<byte, float>(detection.AnomalyMap.Data.Span).ToArray();
            Assert.Equal(maps.AsSpan(n * Plane, Plane).ToArray(), map);
            Assert.Equal(scores[n] > 0.5 ? Label.Anomalous : Label.Normal, detection.Label);
        }
        Assert.True(response.Timing.TotalUs >= response.Timing.ComputeUs);
        Assert.InRange(response.Timing.BatchSize, 1, 16);
    }

    [Fact]
    public async Task Uint8_tensors_are_scaled_by_one_over_255()
    {
        var bytes = new byte[3 * Plane];
        new Random(3).NextBytes(bytes);
        var response = await _host.Client.DetectAsync(new DetectRequest { ModelId = "exact", Images = { TestImages.Uint8(bytes) } });
        var floats = bytes.Select(b => b * (1f / 255f)).ToArray();
        var (scores, _) = DirectOrt.Run(_model, floats, 1);
        Assert.Equal(scores[0], response.Detections[0].Score);
    }

    [Fact]
    public async Task Encoded_images_are_decoded_and_resized_like_training()
    {
        var rgb = TestImages.Rgb(7, 50, 41);
        var image = TestImages.Png(rgb);
        var expected = new float[3 * Plane];
        ImagePreprocessor.LoadTensor(image.Encoded.Data.Span, new InputGeometry(TestDetectors.Size, TestDetectors.Size), expected);
        var response = await _host.Client.DetectAsync(new DetectRequest { ModelId = "exact", Images = { image } });
        var (scores, _) = DirectOrt.Run(_model, expected, 1);
        Assert.Equal(scores[0], response.Detections[0].Score);
    }

    [Fact]
    public async Task Score_only_is_the_default_output()
    {
        var response = await _host.Client.DetectAsync(new DetectRequest { ModelId = "exact", Images = { TestImages.Float32(1) } });
        Assert.Null(response.Detections[0].AnomalyMap);
        Assert.Null(response.Detections[0].Mask);
    }

    [Fact]
    public async Task Float16_and_uint8_maps_stay_within_their_precision()
    {
        var pixels = TestImages.Pixels(11);
        var (_, maps) = DirectOrt.Run(_model, pixels, 1);
        var half = (await Detect(pixels, new OutputOptions { MapEncoding = MapEncoding.Float16 })).AnomalyMap;
        Assert.Equal(DataType.Float16, half.Dtype);
        var halves = MemoryMarshal.Cast<byte, Half>(half.Data.Span);
        for (var i = 0; i < Plane; i++) Assert.Equal((float)(Half)maps[i], (float)halves[i]);

        var quantised = (await Detect(pixels, new OutputOptions { MapEncoding = MapEncoding.Uint8 })).AnomalyMap;
        Assert.Equal(DataType.Uint8, quantised.Dtype);
        var q = quantised.Quantization;
        Assert.Equal(maps.Min(), q.Offset, 6);
        Assert.Equal((maps.Max() - maps.Min()) / 255.0, q.Scale, 6);
        var codes = quantised.Data.ToByteArray();
        Assert.Contains((byte)0, codes);
        Assert.Contains((byte)255, codes);
        for (var i = 0; i < Plane; i++) Assert.True(Math.Abs(q.Offset + q.Scale * codes[i] - maps[i]) <= q.Scale / 2 + 1e-6);
    }

    [Fact]
    public async Task Maps_are_downsampled_by_area_averaging_and_masks_are_bit_packed()
    {
        var pixels = TestImages.Pixels(12);
        var (_, maps) = DirectOrt.Run(_model, pixels, 1);
        const int side = 8;
        var detection = await Detect(pixels, new OutputOptions { MapEncoding = MapEncoding.Float32, MapSize = side, IncludeMask = true, Threshold = 0.5 });
        var map = MemoryMarshal.Cast<byte, float>(detection.AnomalyMap.Data.Span).ToArray();
        Assert.Equal(new long[] { 1, side, side }, detection.AnomalyMap.Shape);
        var packed = detection.Mask.Packed;
        Assert.Equal((side, side, side * side / 8), (packed.Width, packed.Height, packed.Bits.Length));
        const int block = TestDetectors.Size / side;
        for (var y = 0; y < side; y++)
        {
            for (var x = 0; x < side; x++)
            {
                double sum = 0;
                for (var dy = 0; dy < block; dy++)
                    for (var dx = 0; dx < block; dx++) sum += maps[(y * block + dy) * TestDetectors.Size + x * block + dx];
                var i = y * side + x;
                Assert.Equal(sum / (block * block), map[i], 1e-5);
                var bit = (packed.Bits[i / 8] >> (7 - i % 8)) & 1;
                Assert.Equal(map[i] > 0.5f ? 1 : 0, bit);
            }
        }
    }

    [Fact]
    public async Task The_model_threshold_is_the_default_mask_threshold()
    {
        var pixels = TestImages.Pixels(13);
        var (_, maps) = DirectOrt.Run(_model, pixels, 1);
        var detection = await Detect(pixels, new OutputOptions { IncludeMask = true });
        Assert.Null(detection.AnomalyMap);
        var bits = detection.Mask.Packed.Bits;
        Assert.Equal(Plane / 8, bits.Length);
        for (var i = 0; i < Plane; i++) Assert.Equal(maps[i] > 0.5f ? 1 : 0, (bits[i / 8] >> (7 - i % 8)) & 1);
    }

    private async Task<Iad.Contracts.V1.Detection> Detect(float[] pixels, OutputOptions output) =>
        (await _host.Client.DetectAsync(new DetectRequest { ModelId = "exact", Images = { TestImages.Float32(pixels) }, Output = output })).Detections[0];
}
