using Iad.Evaluation.Pixel;
using Iad.Evaluation.Tests.TestData;

namespace Iad.Evaluation.Tests.Pixel;

public class RegionLabelerTests
{
    [Fact]
    public void Diagonal_neighbours_join_and_separated_pixels_do_not()
    {
        byte[] mask =
        [
            1, 0, 0, 0, 1,
            0, 1, 0, 0, 0,
            0, 0, 0, 1, 1,
        ];
        var labeler = new RegionLabeler();
        Assert.Equal(3, labeler.Label(mask, 5));
        Assert.Equal([1, 0, 0, 0, 2, 0, 1, 0, 0, 0, 0, 0, 0, 3, 3], labeler.Labels.ToArray());
        Assert.Equal([0, 2, 1, 2], labeler.Areas.ToArray());
    }

    [Fact]
    public void U_shapes_merge_into_one_region()
    {
        byte[] mask =
        [
            1, 0, 1, 0, 1,
            1, 0, 1, 0, 1,
            1, 1, 1, 1, 1,
        ];
        var labeler = new RegionLabeler();
        Assert.Equal(1, labeler.Label(mask, 5));
        Assert.Equal(11, labeler.Areas[1]);
    }

    [Fact]
    public void Random_masks_agree_with_a_flood_fill()
    {
        var random = new Random(5);
        var labeler = new RegionLabeler();
        for (var trial = 0; trial < 50; trial++)
        {
            var width = random.Next(1, 30);
            var mask = new byte[width * random.Next(1, 30)];
            for (var p = 0; p < mask.Length; p++) mask[p] = random.NextDouble() < 0.45 ? (byte)255 : (byte)0;
            var regions = BruteForcePro.FloodFill(mask, width);
            Assert.Equal(regions.Count, labeler.Label(mask, width));
            foreach (var region in regions)
            {
                var label = labeler.Labels[region[0]];
                Assert.All(region, p => Assert.Equal(label, labeler.Labels[p]));
                Assert.Equal(region.Count, labeler.Areas[label]);
            }
        }
    }
}
