using Grpc.Core;
using Iad.Contracts.V1;
using Iad.Dataset.Service.Catalog;
using Iad.Dataset.Service.Items;
using Iad.Dataset.Service.Manifests;
using Iad.Dataset.Service.Settings;
using Iad.Dataset.Service.Streaming;
using Iad.Datasets.Model;
using Iad.Datasets.Settings;
using Iad.Synthetic;

namespace Iad.Dataset.Service.Services;

/// <summary>iad.v1.DatasetService: adapts the dataset catalog, readers, settings builder, manifest store and streamer to gRPC.</summary>
public sealed class DatasetGrpcService(DatasetCatalog catalog, ManifestStore manifests, SplitStreamer streamer) : DatasetService.DatasetServiceBase
{
    public override Task<RegisterDatasetResponse> RegisterDataset(RegisterDatasetRequest request, ServerCallContext context)
    {
        if (string.IsNullOrWhiteSpace(request.Root)) throw new RpcException(new Status(StatusCode.InvalidArgument, "root is required"));
        var (entry, scan) = catalog.Register(request.Name, request.Root, LayoutNames.ToName(request.Layout));
        return Task.FromResult(new RegisterDatasetResponse { Dataset = ToContract(entry, scan) });
    }

    public override Task<GenerateSyntheticDatasetResponse> GenerateSyntheticDataset(GenerateSyntheticDatasetRequest request, ServerCallContext context)
    {
        var name = string.IsNullOrEmpty(request.Name) ? "synthetic" : request.Name;
        var options = new SyntheticDatasetOptions(
            Categories: request.Categories == 0 ? 3 : request.Categories,
            Seed: request.Seed,
            ImageSize: request.ImageSize == 0 ? 256 : request.ImageSize,
            Views: request.Views == 0 ? 1 : request.Views,
            Subclasses: request.Subclasses,
            Difficulty: request.HasDifficulty ? request.Difficulty : 0.5);
        options.Validate();
        var folder = Path.Combine(catalog.DataDir, "synthetic", name);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        var paths = new SyntheticDatasetGenerator(options).Generate(folder);
        var (entry, scan) = catalog.Register(name, paths.MvTecRoot, "mvtec_ad");
        return Task.FromResult(new GenerateSyntheticDatasetResponse { Dataset = ToContract(entry, scan) });
    }

    public override Task<ListDatasetsResponse> ListDatasets(ListDatasetsRequest request, ServerCallContext context)
    {
        var response = new ListDatasetsResponse();
        foreach (var entry in catalog.List()) response.Datasets.Add(ToContract(entry, catalog.Scan(entry.Name)));
        return Task.FromResult(response);
    }

    public override Task<DescribeDatasetResponse> DescribeDataset(DescribeDatasetRequest request, ServerCallContext context)
    {
        var scan = catalog.Scan(request.Name);
        var response = new DescribeDatasetResponse { Dataset = ToContract(catalog.Get(request.Name), scan) };
        foreach (var category in scan.CategoryNames)
        {
            var description = new CategoryDescription { Name = category };
            foreach (var sample in scan.Samples)
            {
                if (sample.Category != category) continue;
                description.Samples++;
                foreach (var view in sample.Views)
                {
                    Increment(description.ImagesBySplitLabel, $"{SplitName(sample.Split)}/{(view.Label == SampleLabel.Anomalous ? "anomalous" : "normal")}");
                    if (sample.Split == DatasetSplit.Test || sample.Split == DatasetSplit.Unsplit)
                        Increment(description.ImagesByDefectType, view.Label == SampleLabel.Anomalous ? sample.DefectType ?? "unknown" : "good");
                    Increment(description.ImagesByView, view.Id);
                    if (sample.Subclass is { } subclass) Increment(description.ImagesBySubclass, subclass);
                    if (view.HasMask) description.Masks++;
                }
            }
            response.Categories.Add(description);
        }
        return Task.FromResult(response);
    }

    public override Task<BuildSettingResponse> BuildSetting(BuildSettingRequest request, ServerCallContext context)
    {
        if (request.Spec is null || string.IsNullOrEmpty(request.Spec.Dataset))
            throw new RpcException(new Status(StatusCode.InvalidArgument, "spec.dataset is required"));
        var spec = SpecMapping.ToLibrary(request.Spec);
        var manifest = SettingsBuilder.Build(catalog.Scan(spec.Dataset), spec);
        manifests.Save(manifest);
        var response = new BuildSettingResponse { Sha256 = manifest.Sha256 };
        response.Counts.Add(ManifestContract.Counts(manifest));
        foreach (var (key, value) in manifest.Achieved) response.Achieved[key] = value;
        return Task.FromResult(response);
    }

    public override Task<GetManifestResponse> GetManifest(GetManifestRequest request, ServerCallContext context) =>
        Task.FromResult(new GetManifestResponse { Manifest = ManifestContract.ToContract(manifests.Load(request.Sha256)) });

    public override Task StreamSplit(StreamSplitRequest request, IServerStreamWriter<StreamSplitResponse> responseStream, ServerCallContext context) =>
        streamer.StreamAsync(request, responseStream, context.CancellationToken);

    public override Task<GetItemResponse> GetItem(GetItemRequest request, ServerCallContext context)
    {
        var scan = catalog.Scan(request.Dataset);
        var size = request.ImageSize == 0 ? 256 : request.ImageSize;
        if (size is < 16 or > 4096) throw new RpcException(new Status(StatusCode.InvalidArgument, $"image_size must be in 16..4096, got {size}"));
        foreach (var sample in scan.Samples)
        {
            foreach (var view in sample.Views)
            {
                if (ItemBuilder.ItemId(sample, view) != request.Id) continue;
                var format = request.Format == ItemFormat.Unspecified ? ItemFormat.Encoded : request.Format;
                return Task.FromResult(new GetItemResponse
                {
                    Item = ItemBuilder.Build(catalog.Root(request.Dataset), sample, view, format, size, request.IncludeMask),
                });
            }
        }
        throw new RpcException(new Status(StatusCode.NotFound, $"dataset '{request.Dataset}' has no item '{request.Id}'"));
    }

    private static Contracts.V1.Dataset ToContract(DatasetCatalog.Entry entry, DatasetScan scan)
    {
        var dataset = new Contracts.V1.Dataset { Name = entry.Name, Root = entry.Root, Layout = LayoutNames.ToLayout(entry.Layout) };
        dataset.Categories.AddRange(scan.CategoryNames);
        return dataset;
    }

    private static string SplitName(DatasetSplit split) => split.ToString().ToLowerInvariant();

    private static void Increment(Google.Protobuf.Collections.MapField<string, int> map, string key) =>
        map[key] = map.TryGetValue(key, out var count) ? count + 1 : 1;
}
