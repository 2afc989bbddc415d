using Iad.Imaging.Encoding;
using Iad.Imaging.Preprocessing;
using Iad.Imaging.Tensors;
using Iad.Imaging.Tests.Support;

namespace Iad.Imaging.Tests.Preprocessing;

public class ChwBytesTests
{
    [Fact]
    public void ChwBytesMatchTheIndexFormulaForManyShapes()
    {
        for (var width = 1; width <= 16; width++)
        {
            for (var height = 1; height <= 16; height += 3)
            {
                var image = TestImages.Pattern(width, height);
                var planar = new byte[3 * width * height];
                ChwBytes.Write(image, planar);
                for (var c = 0; c < 3; c++)
                {
                    for (var p = 0; p < width * height; p++)
                    {
                        Assert.Equal(image.Pixels[p * 3 + c], planar[c * width * height + p]);
                    }
                }
            }
        }
    }

    [Fact]
    public void LoadChwEqualsTheChwOfTheLoadedImage()
    {
        var bytes = ImageEncoder.EncodePng(TestImages.Pattern(70, 50));
        var geometry = new InputGeometry(64, 48, CenterCrop: 32);
        var expected = new byte[geometry.TensorLength];
        ChwBytes.Write(ImagePreprocessor.LoadImage(bytes, geometry), expected);
        var actual = new byte[geometry.TensorLength];
        ImagePreprocessor.LoadChw(bytes, geometry, actual);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void LoadChwAndLoadTensorShareTheScratchWithoutMixingResults()
    {
        var small = ImageEncoder.EncodePng(TestImages.Pattern(20, 10));
        var large = ImageEncoder.EncodePng(TestImages.Uniform(90, 90, 77));
        var geometry = new InputGeometry(16, 16);
        var first = new byte[geometry.TensorLength];
        ImagePreprocessor.LoadChw(small, geometry, first);
        ImagePreprocessor.LoadTensor(large, new InputGeometry(64, 64), new float[new InputGeometry(64, 64).TensorLength]);
        var again = new byte[geometry.TensorLength];
        ImagePreprocessor.LoadChw(small, geometry, again);
        Assert.Equal(first, again);
    }

    [Fact]
    public void ChwDestinationOfWrongLengthIsRejected()
    {
        var bytes = ImageEncoder.EncodePng(TestImages.Pattern(8, 8));
        Assert.Throws<ArgumentException>(() => ImagePreprocessor.LoadChw(bytes, InputGeometry.Default, new byte[10]));
        Assert.Throws<ArgumentException>(() => ChwBytes.Write(TestImages.Pattern(4, 4), new byte[47]));
    }
}
