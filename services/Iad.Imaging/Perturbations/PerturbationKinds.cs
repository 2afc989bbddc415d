namespace Iad.Imaging.Perturbations;

/// <summary>
/// Kind names and their parameters. Geometric kinds (rotation, random_crop, perspective, flip, scale, translate) move
/// the mask with the image; the others change pixel values only. Positions are fractions so recipes are size-free.
/// </summary>
public static class PerturbationKinds
{
    /// <summary><c>kernel_size</c> (odd, pixels), <c>sigma</c> (pixels). OpenCV Gaussian blur, reflect-101 border.</summary>
    public const string GaussianBlur = "gaussian_blur";

    /// <summary><c>mean</c>, <c>std</c>, <c>scale</c>, <c>noise_seed</c>; formula in <see cref="Transforms.GaussianNoiseTransform"/>.</summary>
    public const string GaussianNoise = "gaussian_noise";

    /// <summary><c>brightness</c>, <c>contrast</c>, <c>saturation</c> factors (1 = unchanged); formula in <see cref="Transforms.ColorJitterTransform"/>.</summary>
    public const string ColorJitter = "color_jitter";

    /// <summary>
    /// <c>layers</c>, <c>vertices</c>, <c>brightness_factor</c>, and vertex positions <c>l{i}_x{j}</c>, <c>l{i}_y{j}</c> in [0, 1];
    /// formula in <see cref="Transforms.RandomShadowTransform"/>.
    /// </summary>
    public const string RandomShadow = "random_shadow";

    /// <summary><c>angle_degrees</c> about the image centre, positive = counter-clockwise as displayed; black border.</summary>
    public const string Rotation = "rotation";

    /// <summary>
    /// <c>scale</c> (kept area fraction; sides scale by √scale), <c>offset_x</c>, <c>offset_y</c> in [0, 1] (fraction of the
    /// free margin); the crop is resized back to the full size.
    /// </summary>
    public const string RandomCrop = "random_crop";

    /// <summary>
    /// <c>distortion</c> and corner displacements <c>tl_x, tl_y, tr_x, tr_y, br_x, br_y, bl_x, bl_y</c> in [0, 1]; each corner
    /// moves inward by <c>value * distortion * side / 2</c> pixels (torchvision RandomPerspective); black border.
    /// </summary>
    public const string Perspective = "perspective";

    /// <summary><c>axis</c>: 0 mirrors left–right, 1 mirrors top–bottom.</summary>
    public const string Flip = "flip";

    /// <summary><c>factor</c>: zoom about the image centre (above 1 enlarges); black border.</summary>
    public const string Scale = "scale";

    /// <summary><c>dx</c>, <c>dy</c>: shift as fractions of width and height (positive = right, down); black border.</summary>
    public const string Translate = "translate";

    /// <summary>Whether a kind moves pixels (and therefore the mask).</summary>
    public static bool IsGeometric(string kind) =>
        kind is Rotation or RandomCrop or Perspective or Flip or Scale or Translate;
}
