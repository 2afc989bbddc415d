namespace Iad.Evaluation.Pixel;

/// <summary>Shape and value checks for anomaly maps and masks; messages name the offending sizes or pixel.</summary>
internal static class PixelInput
{
    /// <summary>Returns the height of a row-major image of <paramref name="length"/> pixels and <paramref name="width"/> columns.</summary>
    public static int Height(int length, int width, string parameter)
    {
        if (width <= 0 || length == 0 || length % width != 0)
            throw new ArgumentException($"{parameter} has {length} pixels, which is not a non-empty whole number of rows of width {width}.", parameter);
        return length / width;
    }

    /// <summary>Checks a map and its mask have the same shape; returns the height.</summary>
    public static int Check(int mapLength, int maskLength, int width)
    {
        if (mapLength != maskLength)
            throw new ArgumentException($"the anomaly map has {mapLength} pixels but the mask has {maskLength}.", "mask");
        return Height(mapLength, width, "map");
    }

    public static ArgumentException NaN(int index, int width) =>
        new($"anomaly map value at index {index} (row {index / width}, column {index % width}) is NaN.", "map");
}
