using Iad.Imaging.Encoding;
using Iad.Imaging.Images;
using Iad.Imaging.Preprocessing;
using Iad.Imaging.Tensors;
using Iad.Imaging.Tests.Support;

namespace Iad.Imaging.Tests.Preprocessing;

public class PreprocessorTests
{
    [Fact]
    public void DefaultGeometryResizesTo256WithoutCrop()
    {
        var bytes = ImageEncoder.EncodePng(TestImages.Pattern(300, 200));
        var image = ImagePreprocessor.LoadImage(bytes, InputGeometry.Default);
        Assert.Equal((256, 256), (image.Width, image.Height));
        Assert.Null(InputGeometry.Default.CenterCrop);
    }

    [Fact]
    public void UniformImageStaysUniformThroughResize()
    {
        var bytes = ImageEncoder.EncodePng(TestImages.Uniform(97, 61, 123));
        Assert.All(ImagePreprocessor.LoadImage(bytes, new InputGeometry(128, 128)).Pixels, v => Assert.Equal(123, v));
        Assert.All(ImagePreprocessor.LoadImage(bytes, new InputGeometry(512, 300)).Pixels, v => Assert.Equal(123, v));
    }

    [Fact]
    public void CenterCropTakesTheMiddleOfTheResizedImage()
    {
        var source = TestImages.Pattern(40, 40);
        var bytes = ImageEncoder.EncodePng(source);
        var cropped = ImagePreprocessor.LoadImage(bytes, new InputGeometry(40, 40, CenterCrop: 20));
        Assert.Equal((20, 20), (cropped.Width, cropped.Height));
        Assert.Equal(ImageResizer.CenterCrop(source, 20).Pixels, cropped.Pixels);
        // Offset (40 - 20) / 2 = 10: the crop's first pixel is the source's (10, 10).
        Assert.Equal(source.Pixels.AsSpan((10 * 40 + 10) * 3, 3).ToArray(), cropped.Pixels.AsSpan(0, 3).ToArray());
    }

    [Fact]
    public void MasksResizeWithNearestNeighbourAndStayBinary()
    {
        var mask = new BinaryMask(10, 10);
        for (var y = 0; y < 5; y++) for (var x = 0; x < 5; x++) mask.Pixels[y * 10 + x] = 1;
        var loaded = ImagePreprocessor.LoadMask(ImageEncoder.EncodePng(mask), new InputGeometry(20, 20));
        Assert.Equal(100, loaded.CountAnomalous());
        Assert.Equal(1, loaded.Pixels[9 * 20 + 9]);
        Assert.Equal(0, loaded.Pixels[10 * 20 + 10]);
    }

    [Fact]
    public void TensorEqualsTheChwOfTheLoadedImage()
    {
        var bytes = ImageEncoder.EncodePng(TestImages.Pattern(70, 50));
        var geometry = new InputGeometry(64, 48, CenterCrop: 32);
        var expected = new float[geometry.TensorLength];
        ChwTensor.Write(ImagePreprocessor.LoadImage(bytes, geometry), expected);
        var actual = new float[geometry.TensorLength];
        ImagePreprocessor.LoadTensor(bytes, geometry, actual);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void TensorDestinationOfWrongLengthIsRejected()
    {
        var bytes = ImageEncoder.EncodePng(TestImages.Pattern(8, 8));
        Assert.Throws<ArgumentException>(() => ImagePreprocessor.LoadTensor(bytes, InputGeometry.Default, new float[10]));
    }

    [Fact]
    public void CropLargerThanResizeIsRejected()
    {
        var bytes = ImageEncoder.EncodePng(TestImages.Pattern(8, 8));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImagePreprocessor.LoadImage(bytes, new InputGeometry(64, 64, CenterCrop: 65)));
    }

    [Fact]
    public void ChwMatchesTheIndexFormulaForManyShapes()
    {
        for (var width = 1; width <= 16; width++)
        {
            for (var height = 1; height <= 16; height += 3)
            {
                var image = TestImages.Pattern(width, height);
                var tensor = new float[3 * width * height];
                ChwTensor.Write(image, tensor);
                for (var c = 0; c < 3; c++)
                {
                    for (var p = 0; p < width * height; p++)
                    {
                        Assert.Equal(image.Pixels[p * 3 + c] * (1f / 255f), tensor[c * width * height + p]);
                    }
                }
            }
        }
    }
}
