using System.Runtime.InteropServices;
using Google.Protobuf;
using Iad.Contracts.V1;
using Iad.Datasets.Model;
using Iad.Datasets.Sandbox;
using Iad.Imaging.Images;
using Iad.Imaging.Preprocessing;

namespace Iad.Dataset.Service.Items;

/// <summary>
/// Builds wire items from dataset views: file bytes as stored, or decoded and resized with the same imaging code as
/// training and serving (so train/serve skew is impossible), with the bit-packed union of the view's masks.
/// Item ids: the sample id for single-view datasets, "&lt;sample id&gt;/&lt;view id&gt;" for multi-view ones.
/// </summary>
public static class ItemBuilder
{
    public static string ItemId(Sample sample, View view) => sample.Views.Count == 1 ? sample.Id : $"{sample.Id}/{view.Id}";

    public static DatasetItem Build(DatasetRoot root, Sample sample, View view, ItemFormat format, int imageSize, bool includeMask)
    {
        var item = new DatasetItem
        {
            Id = ItemId(sample, view),
            Category = sample.Category,
            Label = view.Label == SampleLabel.Anomalous ? Label.Anomalous : Label.Normal,
            DefectType = sample.DefectType ?? "good",
            SampleId = sample.Id,
            ViewId = view.Id,
            Subclass = sample.Subclass ?? "",
        };
        var bytes = File.ReadAllBytes(root.Resolve(view.ImagePath));
        var geometry = new InputGeometry(imageSize, imageSize);
        item.Image = format switch
        {
            ItemFormat.Encoded => new Image { Encoded = new EncodedImage { Data = ByteString.CopyFrom(bytes), Format = Path.GetExtension(view.ImagePath).TrimStart('.').ToLowerInvariant() } },
            ItemFormat.Float32 => new Image { Tensor = FloatTensor(bytes, geometry) },
            ItemFormat.Uint8 => new Image { Tensor = ByteTensor(ImagePreprocessor.LoadImage(bytes, geometry)) },
            _ => throw new ArgumentException($"format must be ENCODED, FLOAT32 or UINT8, not {format}"),
        };
        if (includeMask && view.HasMask)
        {
            var (width, height) = format == ItemFormat.Encoded ? (0, 0) : (imageSize, imageSize);
            item.Mask = PackedMask(root, view, width, height);
        }
        return item;
    }

    private static Tensor FloatTensor(byte[] bytes, InputGeometry geometry)
    {
        var values = new float[geometry.TensorLength];
        ImagePreprocessor.LoadTensor(bytes, geometry, values);
        return new Tensor
        {
            Dtype = DataType.Float32,
            Shape = { 3, geometry.OutputHeight, geometry.OutputWidth },
            Data = UnsafeByteOperations.UnsafeWrap(MemoryMarshal.AsBytes(values.AsSpan()).ToArray()),
        };
    }

    private static Tensor ByteTensor(RgbImage image)
    {
        var plane = image.Width * image.Height;
        var chw = new byte[3 * plane];
        var pixels = image.Pixels;
        for (var i = 0; i < plane; i++)
        {
            chw[i] = pixels[3 * i];
            chw[plane + i] = pixels[3 * i + 1];
            chw[2 * plane + i] = pixels[3 * i + 2];
        }
        return new Tensor { Dtype = DataType.Uint8, Shape = { 3, image.Height, image.Width }, Data = UnsafeByteOperations.UnsafeWrap(chw) };
    }

    /// <summary>Union of the view's masks, bit-packed; at native size when width/height are 0.</summary>
    private static Mask PackedMask(DatasetRoot root, View view, int width, int height)
    {
        byte[]? union = null;
        foreach (var path in view.MaskPaths)
        {
            var bytes = File.ReadAllBytes(root.Resolve(path));
            var mask = width == 0
                ? Iad.Imaging.Decoding.ImageDecoder.DecodeMask(bytes)
                : ImagePreprocessor.LoadMask(bytes, new InputGeometry(width, height));
            (width, height) = (mask.Width, mask.Height);
            union ??= new byte[mask.Pixels.Length];
            if (union.Length != mask.Pixels.Length) throw new InvalidDataException($"masks of {view.ImagePath} differ in size");
            for (var i = 0; i < union.Length; i++) union[i] |= mask.Pixels[i];
        }
        var bits = new byte[(union!.Length + 7) / 8];
        for (var i = 0; i < union.Length; i++)
        {
            if (union[i] != 0) bits[i >> 3] |= (byte)(0x80 >> (i & 7));
        }
        return new Mask { Packed = new BitPackedMask { Width = width, Height = height, Bits = UnsafeByteOperations.UnsafeWrap(bits) } };
    }
}
