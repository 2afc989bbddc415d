using Iad.Contracts.V1;
using Iad.Dataset.Service.Manifests;
using Iad.Imaging.Preprocessing;
using Manifest = Iad.Datasets.Settings.Manifests.Manifest;
using ManifestTask = Iad.Datasets.Settings.Manifests.ManifestTask;
using InputOptions = Iad.Datasets.Settings.Specs.InputOptions;

namespace Iad.Dataset.Service.Streaming;

/// <summary>
/// A validated StreamSplit request: which images of which split, in what format and geometry, chunked above what size.
/// Defaults: task 0, format ENCODED, chunks of 1 MiB, all items from the start.
/// </summary>
public sealed record StreamPlan(
    Manifest Manifest,
    ManifestTask Task,
    Split Split,
    IReadOnlyList<SplitImage> Images,
    int Start,
    int Count,
    ItemFormat Format,
    InputGeometry Geometry,
    bool IncludeMasks,
    int MaxChunkBytes)
{
    public const int DefaultMaxChunkBytes = 1 << 20;
    public const int MinChunkBytes = 4 << 10;
    public const int MaxChunkBytesLimit = 4 << 20;

    /// <exception cref="ArgumentException">A field is out of range; the message names the value and the range.</exception>
    public static StreamPlan Create(StreamSplitRequest request, Manifest manifest)
    {
        if (request.TaskIndex < 0 || request.TaskIndex >= manifest.Tasks.Count)
            throw new ArgumentException($"task_index {request.TaskIndex} is outside [0, {manifest.Tasks.Count - 1}] of manifest {manifest.Sha256}");
        var task = manifest.Tasks[request.TaskIndex];
        var split = task.Splits.First(s => s.Split == ManifestContract.Split(request.Split));
        var format = request.Format == ItemFormat.Unspecified ? ItemFormat.Encoded : request.Format;
        if (format is not (ItemFormat.Encoded or ItemFormat.Float32 or ItemFormat.Uint8))
            throw new ArgumentException($"format must be ENCODED, FLOAT32 or UINT8, got {format} ({(int)format})");
        var chunk = request.MaxChunkBytes == 0 ? DefaultMaxChunkBytes : request.MaxChunkBytes;
        if (chunk is < MinChunkBytes or > MaxChunkBytesLimit)
            throw new ArgumentException($"max_chunk_bytes {chunk} is outside [{MinChunkBytes}, {MaxChunkBytesLimit}]");
        var images = SplitImage.Of(split);
        if (request.StartIndex < 0 || request.StartIndex > images.Count)
            throw new ArgumentException($"start_index {request.StartIndex} is outside [0, {images.Count}] of split {request.Split} of task '{task.Name}'");
        if (request.Limit < 0) throw new ArgumentException($"limit {request.Limit} must be 0 (all) or positive");
        var remaining = images.Count - request.StartIndex;
        var count = request.Limit == 0 ? remaining : Math.Min(request.Limit, remaining);
        var input = manifest.Spec.Input;
        var size = input.ImageSize ?? InputOptions.DefaultImageSize;
        var geometry = new InputGeometry(size, size, input.CenterCrop is > 0 ? input.CenterCrop : null);
        return new StreamPlan(manifest, task, request.Split, images, request.StartIndex, count, format, geometry, request.IncludeMasks, chunk);
    }

    /// <summary>The header sent before the items.</summary>
    public SplitHeader Header() => new()
    {
        ManifestSha256 = Manifest.Sha256,
        TaskIndex = Task.Index,
        TaskName = Task.Name,
        Split = Split,
        ItemCount = Count,
        ImageSize = Geometry.OutputWidth,
    };
}
