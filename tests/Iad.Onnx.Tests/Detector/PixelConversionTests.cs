using Iad.Onnx.Detector;

namespace Iad.Onnx.Tests.Detector;

public sealed class PixelConversionTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(63)]
    [InlineData(256)]
    [InlineData(3 * 17 * 19)]
    public void Uint8_conversion_is_bit_identical_to_the_scalar_formula_at_any_length(int length)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++) bytes[i] = (byte)(i * 7 + 3);
        var converted = new float[length];
        PixelConversion.Uint8ToUnit(bytes, converted);
        for (var i = 0; i < length; i++) Assert.Equal(bytes[i] * (1f / 255f), converted[i]);
    }
}
