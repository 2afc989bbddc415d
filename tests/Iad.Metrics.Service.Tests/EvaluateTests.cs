using System.Runtime.InteropServices;
using Google.Protobuf;
using Grpc.Core;
using Iad.Contracts.V1;
using ExactPixelMetrics = Iad.Evaluation.Pixel.ExactPixelMetrics;
using LibraryAuroc = Iad.Evaluation.Image.Auroc;

namespace Iad.Metrics.Service.Tests;

public sealed class EvaluateTests : IDisposable
{
    private const int Side = 32;
    private readonly MetricsHost _host = new();

    [Fact]
    public async Task Round_trip_of_500_maps_matches_the_library_computed_directly()
    {
        var images = SyntheticPredictions(500, seed: 7);
        var report = await EvaluateAsync(new EvaluateHeader { IncludeCurves = true }, images.Select(i => i.ToRecord(DataType.Float32)));

        var exact = new ExactPixelMetrics();
        foreach (var image in images) exact.Update(image.Map, image.Mask, Side);
        var expectedPixel = exact.Compute();
        var expectedImage = LibraryAuroc.Compute(images.Select(i => i.Label).ToArray(), images.Select(i => (double)i.Score).ToArray());

        Assert.Equal(PixelMetricMode.Exact, report.PixelMode);
        Assert.Equal(expectedImage, Value(report, "image_auroc"), 12);
        Assert.Equal(expectedPixel.Auroc, Value(report, "pixel_auroc"), 12);
        Assert.Equal(expectedPixel.AveragePrecision, Value(report, "pixel_ap"), 12);
        Assert.Equal(expectedPixel.Aupro, Value(report, "pixel_aupro"), 12);
        Assert.Equal(500, report.Counts["images"]);
        Assert.Equal(500 * Side * Side, report.Counts["pixels"]);
        Assert.Contains(report.Curves, c => c.Name == "image_roc" && c.Points.Count > 2);
        Assert.Contains(report.Curves, c => c.Name == "pro" && c.Points.Count > 2);
        Assert.False(report.Metrics.Single(m => m.Name == "sample_auroc").HasValue);
    }

    [Fact]
    public async Task Float16_and_quantised_maps_give_nearly_the_same_metrics()
    {
        var images = SyntheticPredictions(100, seed: 3);
        var full = await EvaluateAsync(new EvaluateHeader(), images.Select(i => i.ToRecord(DataType.Float32)));
        var half = await EvaluateAsync(new EvaluateHeader(), images.Select(i => i.ToRecord(DataType.Float16)));
        var quantised = await EvaluateAsync(new EvaluateHeader(), images.Select(i => i.ToRecord(DataType.Uint8)));

        Assert.Equal(Value(full, "pixel_auroc"), Value(half, "pixel_auroc"), 3);
        Assert.Equal(Value(full, "pixel_auroc"), Value(quantised, "pixel_auroc"), 2);
    }

    [Fact]
    public async Task Over_budget_switches_to_binned_mode_when_a_range_is_given_and_states_its_bound()
    {
        var images = SyntheticPredictions(200, seed: 11);
        var header = new EvaluateHeader { MemoryBudgetBytes = 1024, ScoreMin = 0, ScoreMax = 1, ExpectedImages = 200 };
        var exact = await EvaluateAsync(new EvaluateHeader(), images.Select(i => i.ToRecord(DataType.Float32)));
        var binned = await EvaluateAsync(header, images.Select(i => i.ToRecord(DataType.Float32)));

        Assert.Equal(PixelMetricMode.Streaming, binned.PixelMode);
        Assert.InRange(binned.PixelErrorBound, 0, 2e-3);
        Assert.InRange(Math.Abs(Value(binned, "pixel_auroc") - Value(exact, "pixel_auroc")), 0, binned.PixelErrorBound);
    }

    [Fact]
    public async Task Over_budget_without_a_range_is_resource_exhausted()
    {
        var images = SyntheticPredictions(10, seed: 1);
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            EvaluateAsync(new EvaluateHeader { MemoryBudgetBytes = 4096 }, images.Select(i => i.ToRecord(DataType.Float32))));
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Contains("score_min", error.Status.Detail);
    }

    [Fact]
    public async Task Multi_view_records_give_sample_auroc()
    {
        var records = new List<EvaluationRecord>();
        for (var sample = 0; sample < 10; sample++)
        {
            var anomalous = sample % 2 == 1;
            for (var view = 0; view < 5; view++)
            {
                // Only one view of an anomalous sample shows the defect; the max over views must find it.
                var defectView = anomalous && view == 2;
                records.Add(new EvaluationRecord
                {
                    Id = $"s{sample}/C{view + 1}", SampleId = $"s{sample}", ViewId = $"C{view + 1}",
                    Label = defectView ? Label.Anomalous : Label.Normal, Score = defectView ? 0.9f + sample / 100f : 0.1f + view / 100f,
                });
            }
        }
        var report = await EvaluateAsync(new EvaluateHeader(), records);
        Assert.Equal(1.0, Value(report, "sample_auroc"), 12);
        Assert.Equal(10, report.Counts["samples"]);
    }

    [Fact]
    public async Task One_class_only_reports_unavailable_not_zero()
    {
        var records = Enumerable.Range(0, 5).Select(i => new EvaluationRecord { Id = $"n{i}", Label = Label.Normal, Score = i });
        var report = await EvaluateAsync(new EvaluateHeader(), records);

        var auroc = report.Metrics.Single(m => m.Name == "image_auroc");
        Assert.False(auroc.HasValue);
        Assert.NotEmpty(auroc.UnavailableReason);
        Assert.Equal("no anomaly maps", report.Metrics.Single(m => m.Name == "pixel_auroc").UnavailableReason);
    }

    [Theory]
    [InlineData("no-header")]
    [InlineData("nan-score")]
    [InlineData("bad-bytes")]
    [InlineData("mask-size")]
    [InlineData("no-label")]
    public async Task Bad_records_are_invalid_argument(string problem)
    {
        var image = SyntheticPredictions(2, seed: 5)[1];
        var record = image.ToRecord(DataType.Float32);
        switch (problem)
        {
            case "nan-score": record.Score = float.NaN; break;
            case "bad-bytes": record.AnomalyMap.Data = ByteString.CopyFrom(new byte[10]); break;
            case "mask-size": record.Mask.Packed.Width = Side + 1; break;
            case "no-label": record.Label = Label.Unspecified; break;
        }
        var call = _host.CreateGrpcClient().Evaluate();
        if (problem != "no-header") await call.RequestStream.WriteAsync(new EvaluateRequest { Header = new EvaluateHeader() });
        await call.RequestStream.WriteAsync(new EvaluateRequest { Record = record });
        await call.RequestStream.CompleteAsync();

        var error = await Assert.ThrowsAsync<RpcException>(async () => await call.ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    private async Task<EvaluationReport> EvaluateAsync(EvaluateHeader header, IEnumerable<EvaluationRecord> records)
    {
        using var call = _host.CreateGrpcClient().Evaluate();
        await call.RequestStream.WriteAsync(new EvaluateRequest { Header = header });
        foreach (var record in records) await call.RequestStream.WriteAsync(new EvaluateRequest { Record = record });
        await call.RequestStream.CompleteAsync();
        return (await call.ResponseAsync).Report;
    }

    private static double Value(EvaluationReport report, string name)
    {
        var metric = report.Metrics.Single(m => m.Name == name);
        Assert.True(metric.HasValue, $"{name}: {metric.UnavailableReason}");
        return metric.Value;
    }

    /// <summary>Noisy predictions: anomalous images have a square region whose map values are raised.</summary>
    private static List<Prediction> SyntheticPredictions(int count, int seed)
    {
        var random = new Random(seed);
        var predictions = new List<Prediction>();
        for (var n = 0; n < count; n++)
        {
            var anomalous = n % 3 == 0;
            var map = new float[Side * Side];
            var mask = new byte[Side * Side];
            for (var i = 0; i < map.Length; i++) map[i] = (float)(random.NextDouble() * 0.5);
            if (anomalous)
            {
                var (x0, y0, size) = (random.Next(0, Side - 8), random.Next(0, Side - 8), random.Next(3, 8));
                for (var y = y0; y < y0 + size; y++)
                    for (var x = x0; x < x0 + size; x++)
                    {
                        mask[y * Side + x] = 1;
                        map[y * Side + x] += (float)(random.NextDouble() * 0.5);
                    }
            }
            predictions.Add(new Prediction($"img{n}", anomalous ? 1 : 0, map.Max(), map, mask));
        }
        return predictions;
    }

    private sealed record Prediction(string Id, int Label, float Score, float[] Map, byte[] Mask)
    {
        public EvaluationRecord ToRecord(DataType dtype)
        {
            var tensor = new Tensor { Dtype = dtype, Shape = { 1, Side, Side } };
            switch (dtype)
            {
                case DataType.Float32:
                    tensor.Data = ByteString.CopyFrom(MemoryMarshal.AsBytes(Map.AsSpan()));
                    break;
                case DataType.Float16:
                    var half = Map.Select(v => (Half)v).ToArray();
                    tensor.Data = ByteString.CopyFrom(MemoryMarshal.AsBytes(half.AsSpan()));
                    break;
                default:
                    const double scale = 1.0 / 255;
                    tensor.Quantization = new Quantization { Scale = scale, Offset = 0 };
                    tensor.Data = ByteString.CopyFrom(Map.Select(v => (byte)Math.Clamp(Math.Round(v / scale), 0, 255)).ToArray());
                    break;
            }
            var bits = new byte[(Mask.Length + 7) / 8];
            for (var i = 0; i < Mask.Length; i++) if (Mask[i] != 0) bits[i >> 3] |= (byte)(0x80 >> (i & 7));
            return new EvaluationRecord
            {
                Id = Id,
                Label = Label == 1 ? Contracts.V1.Label.Anomalous : Contracts.V1.Label.Normal,
                Score = Score,
                AnomalyMap = tensor,
                Mask = new Mask { Packed = new BitPackedMask { Width = Side, Height = Side, Bits = ByteString.CopyFrom(bits) } },
            };
        }
    }

    public void Dispose() => _host.Dispose();
}
