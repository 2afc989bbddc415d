namespace Iad.Evaluation.Pixel;

/// <summary>
/// Connected-component labelling of a binary mask with 8-connectivity (a pixel touches its 8 neighbours, diagonals
/// included), as <c>scipy.ndimage.label(mask, structure=np.ones((3, 3)))</c>: two raster passes with a union–find
/// over provisional labels. Labels are 0 for background and 1..n for regions, numbered in raster order of each
/// region's first pixel. Buffers are reused between calls.
/// </summary>
public sealed class RegionLabeler
{
    private int[] _labels = [];
    private int[] _parent = new int[256];
    private int[] _areas = new int[256];
    private int _pixels;
    private int _count;

    /// <summary>Per-pixel labels of the last call (row-major, same shape as the mask).</summary>
    public ReadOnlySpan<int> Labels => _labels.AsSpan(0, _pixels);

    /// <summary>Pixel count of each region of the last call; index 0 is unused, regions are 1..<see cref="Count"/>.</summary>
    public ReadOnlySpan<int> Areas => _areas.AsSpan(0, _count + 1);

    /// <summary>Number of regions found by the last call.</summary>
    public int Count => _count;

    /// <summary>Labels <paramref name="mask"/> (row-major, <paramref name="width"/> columns, nonzero = foreground); returns the region count.</summary>
    public int Label(ReadOnlySpan<byte> mask, int width)
    {
        var height = PixelInput.Height(mask.Length, width, nameof(mask));
        if (_labels.Length < mask.Length) _labels = new int[mask.Length];
        _pixels = mask.Length;
        var labels = _labels.AsSpan(0, mask.Length);
        labels.Clear();
        var provisional = 0;
        for (var y = 0; y < height; y++)
        {
            var row = y * width;
            for (var x = 0; x < width; x++)
            {
                if (mask[row + x] == 0) continue;
                var best = 0;
                if (x > 0) best = Join(best, labels[row + x - 1]);
                if (y > 0)
                {
                    var up = row - width + x;
                    if (x > 0) best = Join(best, labels[up - 1]);
                    best = Join(best, labels[up]);
                    if (x + 1 < width) best = Join(best, labels[up + 1]);
                }
                if (best == 0)
                {
                    provisional++;
                    if (provisional >= _parent.Length) Array.Resize(ref _parent, _parent.Length * 2);
                    _parent[provisional] = provisional;
                    best = provisional;
                }
                labels[row + x] = best;
            }
        }
        // Compact roots to 1..n in order of first appearance, so numbering follows raster order.
        var final = new int[provisional + 1];
        _count = 0;
        for (var l = 1; l <= provisional; l++)
        {
            var root = Find(l);
            if (final[root] == 0) final[root] = ++_count;
            final[l] = final[root];
        }
        if (_areas.Length < _count + 1) _areas = new int[Math.Max(_count + 1, _areas.Length * 2)];
        _areas.AsSpan(0, _count + 1).Clear();
        for (var p = 0; p < labels.Length; p++)
        {
            if (labels[p] == 0) continue;
            var l = final[labels[p]];
            labels[p] = l;
            _areas[l]++;
        }
        return _count;
    }

    /// <summary>Merges the neighbour's set into the current one; returns the smaller root.</summary>
    private int Join(int current, int neighbour)
    {
        if (neighbour == 0) return current;
        var b = Find(neighbour);
        if (current == 0) return b;
        var a = Find(current);
        if (a == b) return a;
        if (a < b)
        {
            _parent[b] = a;
            return a;
        }
        _parent[a] = b;
        return b;
    }

    private int Find(int label)
    {
        while (_parent[label] != label)
        {
            _parent[label] = _parent[_parent[label]];
            label = _parent[label];
        }
        return label;
    }
}
