using Iad.Dataset.Service.Manifests;
using Iad.Dataset.Service.Settings;
using Iad.Datasets.Layouts;
using Iad.Datasets.Model;
using Iad.Datasets.Sandbox;
using Iad.Datasets.Settings;
using Iad.Datasets.Settings.Manifests;
using Iad.Imaging.Perturbations;
using Iad.Synthetic;
using Specs = Iad.Datasets.Settings.Specs;

namespace Iad.Dataset.Service.Tests;

/// <summary>A stored manifest read back must serialise to the very bytes that were hashed, for every kind of setting.</summary>
public sealed class ManifestJsonReaderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("iad-manifest-reader-").FullName;
    private readonly DatasetScan _scan;

    public ManifestJsonReaderTests()
    {
        new SyntheticDatasetGenerator(new SyntheticDatasetOptions(Categories: 2, ImageSize: 32, TrainGood: 12, TestGood: 6, TestDefective: 8)).WriteMvTec(_root);
        _scan = LayoutRegistry.Default.Read(new DatasetRoot(_root), "mvtec_ad");
    }

    public static TheoryData<string> Settings() => ["unsupervised", "few-shot", "noisy", "supervised", "fuiad", "profile"];

    [Theory]
    [MemberData(nameof(Settings))]
    public void Reading_a_manifest_gives_back_the_hashed_bytes(string setting)
    {
        var spec = new Specs.SettingSpec("synth") { Seed = 7 };
        spec = setting switch
        {
            "few-shot" => spec with
            {
                Regime = new Specs.FewShotOptions(3, Copies: 2) { Augmentation = new AugmentationOptions(Flip: true, ColorJitter: true) },
                Validation = new Specs.ValidationOptions(0.3),
            },
            "noisy" => spec with { Regime = new Specs.NoisyOptions(Specs.NoiseMode.Add, 0.2), Drift = true },
            "supervised" => spec with { Regime = new Specs.FullySupervisedOptions(3), Continual = new Specs.ContinualOptions() },
            "fuiad" => spec with { Regime = new Specs.FuiadOptions(0.2) { TestNormalSamples = 3, TestAnomalousSamples = 3 } },
            "profile" => spec with { Input = new Specs.InputOptions(Profile: "im-iad", Method: "cutpaste", TrainFraction: 0.5) },
            _ => spec,
        };
        var built = SettingsBuilder.Build(_scan, spec);

        var read = ManifestJsonReader.Read(built.CanonicalJson.ToArray());

        Assert.Equal(built.Sha256, read.Sha256);
        Assert.Equal(built.CanonicalJson.ToArray(), ManifestJson.Serialize(read.Layout, read.Spec, read.Tasks, read.Achieved));
        Assert.Equal(built.Tasks.Select(t => t.Achieved.Count), read.Tasks.Select(t => t.Achieved.Count));
    }

    [Fact]
    public void Wire_specs_map_to_library_specs_and_back()
    {
        var wire = new Contracts.V1.SettingSpec
        {
            Dataset = "synth",
            Seed = 9,
            Categories = { "a", "b" },
            Fuiad = new Contracts.V1.FuiadOptions { Alpha = 0.1, TestNormalSamples = 7 },
            MultiView = new Contracts.V1.MultiViewOptions { Aggregation = Contracts.V1.ViewAggregation.Mean, SingleView = "C1" },
            Input = new Contracts.V1.InputOptions { ImageSize = 128, CenterCrop = 112, TrainFraction = 0.25, Profile = "im-iad:padim" },
            Validation = new Contracts.V1.ValidationOptions(),
        };

        var library = SpecMapping.ToLibrary(wire);
        var back = SpecMapping.ToContract(library);

        var fuiad = Assert.IsType<Specs.FuiadOptions>(library.Regime);
        Assert.Equal((0.1, 0.4, 7, 100), (fuiad.Alpha, fuiad.AlphaMax, fuiad.TestNormalSamples, fuiad.TestAnomalousSamples));
        Assert.Equal(new Specs.InputOptions(128, 112, 0.25, "im-iad", "padim"), library.Input);
        Assert.Equal(0.1, library.Validation!.Fraction);
        Assert.Equal(Specs.ViewAggregation.Mean, library.MultiView.Aggregation);
        Assert.Equal(wire.Input, back.Input);
        Assert.Equal(wire.MultiView, back.MultiView);
        Assert.Equal(wire.Categories, back.Categories);
        Assert.Equal(0.4, back.Fuiad.AlphaMax);
        Assert.IsType<Specs.UnsupervisedOptions>(SpecMapping.ToLibrary(new Contracts.V1.SettingSpec { Dataset = "x" }).Regime);
        Assert.Equal(10, Assert.IsType<Specs.FullySupervisedOptions>(
            SpecMapping.ToLibrary(new Contracts.V1.SettingSpec { Dataset = "x", FullySupervised = new() }).Regime).Anomalies);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
