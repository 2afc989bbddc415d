using Iad.Synthetic.Generation;
using Iad.Synthetic.Layouts;

namespace Iad.Synthetic;

/// <summary>
/// Seeded synthetic anomaly dataset: textures and simple objects with scratches, spots, cracks, missing parts and
/// contamination, each anomalous image with an exact pixel mask. Equal options give byte-identical files.
/// Writing is single-threaded and replaces files of the same name; other files under the root are left alone.
/// </summary>
public sealed class SyntheticDatasetGenerator
{
    /// <summary>Folder of the MVTec AD tree under the root given to <see cref="Generate"/>.</summary>
    public const string MvTecFolder = "mvtec_ad";

    /// <summary>Folder of the Real-IAD tree (written when <see cref="SyntheticDatasetOptions.Views"/> is 5).</summary>
    public const string RealIadFolder = "real_iad";

    /// <summary>Folder of the Texture-AD tree (written when <see cref="SyntheticDatasetOptions.Subclasses"/> is positive).</summary>
    public const string TextureAdFolder = "texture_ad";

    /// <exception cref="ArgumentOutOfRangeException">The options are invalid.</exception>
    public SyntheticDatasetGenerator(SyntheticDatasetOptions options) => Factory = new SyntheticSampleFactory(options);

    /// <summary>Creates single samples; the writers use it, so a written file can be re-created in memory.</summary>
    public SyntheticSampleFactory Factory { get; }

    /// <summary>
    /// Writes <c>&lt;root&gt;/mvtec_ad</c>, plus <c>&lt;root&gt;/real_iad</c> when Views = 5 and <c>&lt;root&gt;/texture_ad</c>
    /// when Subclasses &gt; 0. Separate roots keep each tree a clean dataset for its own reader.
    /// </summary>
    public SyntheticDatasetPaths Generate(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        var mvtec = Path.Combine(root, MvTecFolder);
        WriteMvTec(mvtec);
        string? realIad = null, textureAd = null;
        if (Factory.Options.Views == SyntheticSampleFactory.ViewCount)
        {
            realIad = Path.Combine(root, RealIadFolder);
            WriteRealIad(realIad);
        }
        if (Factory.Options.Subclasses > 0)
        {
            textureAd = Path.Combine(root, TextureAdFolder);
            WriteTextureAd(textureAd);
        }
        return new SyntheticDatasetPaths(mvtec, realIad, textureAd);
    }

    /// <summary>Writes only the MVTec AD tree at <paramref name="root"/> (see <see cref="MvTecLayoutWriter"/>).</summary>
    public void WriteMvTec(string root) => MvTecLayoutWriter.Write(Factory, root);

    /// <summary>Writes only the Real-IAD multi-view tree at <paramref name="root"/> (see <see cref="RealIadLayoutWriter"/>), whatever Views is.</summary>
    public void WriteRealIad(string root) => RealIadLayoutWriter.Write(Factory, root);

    /// <summary>Writes only the Texture-AD tree at <paramref name="root"/> (see <see cref="TextureAdLayoutWriter"/>).</summary>
    /// <exception cref="InvalidOperationException">Subclasses is 0.</exception>
    public void WriteTextureAd(string root)
    {
        if (Factory.Options.Subclasses <= 0) throw new InvalidOperationException("The Texture-AD tree needs Subclasses > 0.");
        TextureAdLayoutWriter.Write(Factory, root);
    }
}
