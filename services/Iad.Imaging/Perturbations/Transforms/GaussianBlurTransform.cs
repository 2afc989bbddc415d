using Iad.Imaging.Images;
using OpenCvSharp;

namespace Iad.Imaging.Perturbations.Transforms;

/// <summary>Camera defocus: separable Gaussian of odd <c>kernel_size</c> and standard deviation <c>sigma</c> pixels, reflect-101 border.</summary>
public static class GaussianBlurTransform
{
    public static Perturbation Create(int kernelSize, double sigma) =>
        Perturbation.Create(PerturbationKinds.GaussianBlur, ("kernel_size", kernelSize), ("sigma", sigma));

    internal static RgbImage Apply(RgbImage image, Perturbation p)
    {
        var kernel = (int)p.Get("kernel_size");
        var sigma = p.Get("sigma");
        if (kernel < 1 || kernel % 2 == 0) throw new ArgumentException($"gaussian_blur kernel_size must be a positive odd integer, got {kernel}.");
        if (!(sigma > 0)) throw new ArgumentException($"gaussian_blur sigma must be positive, got {sigma}.");
        var result = new RgbImage(image.Width, image.Height);
        using var source = MatViews.View(image);
        using var destination = MatViews.View(result);
        Cv2.GaussianBlur(source, destination, new Size(kernel, kernel), sigma, sigma, BorderTypes.Reflect101);
        return result;
    }
}
