using Iad.Imaging.Images;
using OpenCvSharp;

namespace Iad.Imaging.Tests.Support;

/// <summary>Deterministic test pictures and OpenCV encoding helpers.</summary>
internal static class TestImages
{
    /// <summary>A BGR image whose channels are distinct functions of position: B = x*7, G = y*5, R = 200 - x - y.</summary>
    public static Mat Bgr8(int width, int height)
    {
        var mat = new Mat(height, width, MatType.CV_8UC3);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                mat.Set(y, x, new Vec3b((byte)(x * 7), (byte)(y * 5), (byte)(200 - x - y)));
            }
        }
        return mat;
    }

    public static byte[] Encode(string extension, Mat mat, params ImageEncodingParam[] parameters)
    {
        Cv2.ImEncode(extension, mat, out var bytes, parameters);
        return bytes;
    }

    /// <summary>An RGB image with a smooth pattern and some texture, for perturbation tests.</summary>
    public static RgbImage Pattern(int width, int height)
    {
        var image = new RgbImage(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = (y * width + x) * 3;
                image.Pixels[i] = (byte)(40 + (x * 150) / width);
                image.Pixels[i + 1] = (byte)(60 + (y * 120) / height);
                image.Pixels[i + 2] = (byte)((x * 31 + y * 17) % 200 + 20);
            }
        }
        return image;
    }

    public static RgbImage Uniform(int width, int height, byte value)
    {
        var image = new RgbImage(width, height);
        image.Pixels.AsSpan().Fill(value);
        return image;
    }
}
