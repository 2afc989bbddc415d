using Iad.Imaging.Images;
using OpenCvSharp;

namespace Iad.Imaging.Preprocessing;

/// <summary>Resizing and centre cropping of images (bilinear/area) and masks (nearest neighbour, so they stay binary).</summary>
public static class ImageResizer
{
    /// <summary>Resizes to <paramref name="width"/>×<paramref name="height"/>; returns a copy even when the size is unchanged.</summary>
    public static RgbImage Resize(RgbImage image, int width, int height, ImageInterpolation interpolation = ImageInterpolation.Auto)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        var result = new RgbImage(width, height);
        using var source = MatViews.View(image);
        using var destination = MatViews.View(result);
        ResizeInto(source, destination, interpolation);
        return result;
    }

    /// <summary>Nearest-neighbour resize of a mask.</summary>
    public static BinaryMask Resize(BinaryMask mask, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        var result = new BinaryMask(width, height);
        using var source = MatViews.View(mask);
        using var destination = MatViews.View(result);
        Cv2.Resize(source, destination, new Size(width, height), 0, 0, InterpolationFlags.Nearest);
        return result;
    }

    /// <summary>The central <paramref name="size"/>×<paramref name="size"/> square; the offset is <c>(W - size) / 2</c> rounded down.</summary>
    public static RgbImage CenterCrop(RgbImage image, int size)
    {
        var rect = CropRect(image.Width, image.Height, size);
        var result = new RgbImage(size, size);
        using var source = MatViews.View(image);
        using var roi = new Mat(source, rect);
        using var destination = MatViews.View(result);
        roi.CopyTo(destination);
        return result;
    }

    /// <summary>The central square of a mask, aligned with <see cref="CenterCrop(RgbImage, int)"/>.</summary>
    public static BinaryMask CenterCrop(BinaryMask mask, int size)
    {
        var rect = CropRect(mask.Width, mask.Height, size);
        var result = new BinaryMask(size, size);
        using var source = MatViews.View(mask);
        using var roi = new Mat(source, rect);
        using var destination = MatViews.View(result);
        roi.CopyTo(destination);
        return result;
    }

    internal static Rect CropRect(int width, int height, int size)
    {
        if (size <= 0 || size > width || size > height)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, $"Crop size must be in 1..min({width}, {height}).");
        }
        return new Rect((width - size) / 2, (height - size) / 2, size, size);
    }

    /// <summary>Resizes <paramref name="source"/> to the size of <paramref name="destination"/>, writing in place.</summary>
    internal static void ResizeInto(Mat source, Mat destination, ImageInterpolation interpolation)
    {
        var size = destination.Size();
        if (size == source.Size())
        {
            source.CopyTo(destination);
            return;
        }
        var flags = interpolation switch
        {
            ImageInterpolation.Bilinear => InterpolationFlags.Linear,
            ImageInterpolation.Area => InterpolationFlags.Area,
            _ => size.Width <= source.Width && size.Height <= source.Height ? InterpolationFlags.Area : InterpolationFlags.Linear,
        };
        Cv2.Resize(source, destination, size, 0, 0, flags);
    }
}
