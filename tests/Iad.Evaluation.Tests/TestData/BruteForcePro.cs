namespace Iad.Evaluation.Tests.TestData;

/// <summary>
/// Independent reference for the PRO area: for every distinct score t, counts by brute force the normal pixels ≥ t and
/// each region's pixels ≥ t (regions given by a flood fill), then integrates like generate.py. O(thresholds × pixels).
/// </summary>
internal static class BruteForcePro
{
    public static double Aupro(IReadOnlyList<(float[] Map, byte[] Mask)> images, int width, double limit)
    {
        var regionsOf = images.Select(i => FloodFill(i.Mask, width)).ToList();
        var totalRegions = regionsOf.Sum(r => r.Count);
        var normals = images.Sum(i => i.Mask.Count(m => m == 0));
        var thresholds = images.SelectMany(i => i.Map).Select(v => (double)v).Distinct().OrderByDescending(v => v).ToList();
        var fpr = new List<double> { 0 };
        var pro = new List<double> { 0 };
        foreach (var t in thresholds)
        {
            long fp = 0;
            double overlap = 0;
            for (var k = 0; k < images.Count; k++)
            {
                var (map, mask) = images[k];
                for (var p = 0; p < map.Length; p++)
                    if (mask[p] == 0 && map[p] >= t) fp++;
                foreach (var region in regionsOf[k])
                    overlap += (double)region.Count(p => map[p] >= t) / region.Count;
            }
            fpr.Add((double)fp / normals);
            pro.Add(overlap / totalRegions);
        }
        var area = 0.0;
        for (var i = 1; i < fpr.Count; i++)
        {
            if (fpr[i] <= limit)
            {
                area += (fpr[i] - fpr[i - 1]) * (pro[i] + pro[i - 1]) / 2;
                continue;
            }
            var y = pro[i - 1] + (pro[i] - pro[i - 1]) * (limit - fpr[i - 1]) / (fpr[i] - fpr[i - 1]);
            area += (limit - fpr[i - 1]) * (pro[i - 1] + y) / 2;
            break;
        }
        return area / limit;
    }

    /// <summary>8-connected regions as pixel index lists, by breadth-first flood fill.</summary>
    public static List<List<int>> FloodFill(byte[] mask, int width)
    {
        var height = mask.Length / width;
        var seen = new bool[mask.Length];
        var regions = new List<List<int>>();
        for (var start = 0; start < mask.Length; start++)
        {
            if (mask[start] == 0 || seen[start]) continue;
            var region = new List<int>();
            var queue = new Queue<int>([start]);
            seen[start] = true;
            while (queue.TryDequeue(out var p))
            {
                region.Add(p);
                int y = p / width, x = p % width;
                for (var dy = -1; dy <= 1; dy++)
                    for (var dx = -1; dx <= 1; dx++)
                    {
                        int ny = y + dy, nx = x + dx;
                        if (ny < 0 || ny >= height || nx < 0 || nx >= width) continue;
                        var q = ny * width + nx;
                        if (mask[q] == 0 || seen[q]) continue;
                        seen[q] = true;
                        queue.Enqueue(q);
                    }
            }
            regions.Add(region);
        }
        return regions;
    }
}
