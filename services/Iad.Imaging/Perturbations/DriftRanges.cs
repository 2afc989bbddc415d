namespace Iad.Imaging.Perturbations;

/// <summary>Fixed constants and uniform ranges of the data-drift setting (SPEC §3 item 7, Beyond Table 10).</summary>
public static class DriftRanges
{
    public const int BlurKernelSize = 7;
    public const double BlurSigmaMin = 0.1;
    public const double BlurSigmaMax = 1.5;

    public const double NoiseMean = 0.5;
    public const double NoiseStd = 1.0;
    public const double NoiseScaleMin = 0.01;
    public const double NoiseScaleMax = 0.05;

    /// <summary>Range of each of brightness, contrast and saturation.</summary>
    public const double JitterMin = 0.5;
    public const double JitterMax = 1.5;

    public const int ShadowLayers = 3;
    public const int ShadowVertices = 4;
    public const double ShadowBrightnessFactor = 0;

    public const double RotationMaxDegrees = 5;

    public const double CropScaleMin = 0.8;
    public const double CropScaleMax = 1.0;

    public const double PerspectiveDistortion = 0.2;

    /// <summary>The category of a drift kind.</summary>
    /// <exception cref="ArgumentException">The kind is not a drift transform.</exception>
    public static DriftCategory CategoryOf(string kind) => kind switch
    {
        PerturbationKinds.Rotation or PerturbationKinds.RandomCrop or PerturbationKinds.Perspective => DriftCategory.Position,
        PerturbationKinds.ColorJitter or PerturbationKinds.RandomShadow => DriftCategory.Lighting,
        PerturbationKinds.GaussianBlur or PerturbationKinds.GaussianNoise => DriftCategory.Camera,
        _ => throw new ArgumentException($"'{kind}' is not a drift transform."),
    };
}
