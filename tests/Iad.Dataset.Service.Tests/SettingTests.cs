using Grpc.Core;
using Iad.Contracts.V1;
using Iad.Datasets.Layouts;
using Iad.Datasets.Sandbox;
using Iad.Datasets.Settings;
using Iad.Synthetic;
using Specs = Iad.Datasets.Settings.Specs;

namespace Iad.Dataset.Service.Tests;

public sealed class SettingTests : IDisposable
{
    private readonly DatasetHost _host = new();

    private async Task<(DatasetService.DatasetServiceClient Client, Contracts.V1.Dataset Dataset)> SyntheticAsync()
    {
        var client = _host.CreateGrpcClient();
        var generated = await client.GenerateSyntheticDatasetAsync(new GenerateSyntheticDatasetRequest { Name = "synth", Categories = 2, Seed = 4, ImageSize = 32 });
        return (client, generated.Dataset);
    }

    private static SettingSpec Spec(int seed) => new() { Dataset = "synth", Seed = seed, Input = new InputOptions { ImageSize = 32 } };

    [Fact]
    public async Task Same_spec_gives_the_same_hash_as_the_library_and_another_seed_another_hash()
    {
        var (client, dataset) = await SyntheticAsync();

        var first = await client.BuildSettingAsync(new BuildSettingRequest { Spec = Spec(3) });
        var again = await client.BuildSettingAsync(new BuildSettingRequest { Spec = Spec(3) });
        var other = await client.BuildSettingAsync(new BuildSettingRequest { Spec = new SettingSpec(Spec(4)) { FewShot = new FewShotOptions { Shots = 2 } } });
        var library = SettingsBuilder.Build(
            LayoutRegistry.Default.Read(new DatasetRoot(dataset.Root), "mvtec_ad"),
            new Specs.SettingSpec("synth") { Seed = 3, Input = new Specs.InputOptions(ImageSize: 32) });

        Assert.Matches("^[0-9a-f]{64}$", first.Sha256);
        Assert.Equal(first.Sha256, again.Sha256);
        Assert.Equal(library.Sha256, first.Sha256);
        Assert.NotEqual(first.Sha256, other.Sha256);
        Assert.True(File.Exists(Path.Combine(_host.DataDir, "manifests", first.Sha256 + ".json")));
        Assert.Empty(Directory.GetFiles(Path.Combine(_host.DataDir, "manifests"), "*.tmp"));
    }

    [Fact]
    public async Task Unsupervised_counts_are_normal_train_and_the_whole_test_split_per_category()
    {
        var (client, dataset) = await SyntheticAsync();
        var defaults = new SyntheticDatasetOptions();

        var built = await client.BuildSettingAsync(new BuildSettingRequest { Spec = Spec(0) });

        Assert.Equal(3 * dataset.Categories.Count, built.Counts.Count);
        foreach (var category in dataset.Categories)
        {
            Assert.Equal(defaults.TrainGood, built.Counts[$"{category}/train/normal"]);
            Assert.Equal(defaults.TestGood, built.Counts[$"{category}/test/normal"]);
            Assert.Equal(defaults.TestDefective, built.Counts[$"{category}/test/anomalous"]);
        }
        Assert.Equal(dataset.Categories.Count * defaults.TrainGood, built.Achieved["train_size"]);
    }

    [Fact]
    public async Task Impossible_and_malformed_requests_are_invalid_arguments_with_their_numbers()
    {
        var (client, _) = await SyntheticAsync();
        var fewShot = new SettingSpec(Spec(0)) { FewShot = new FewShotOptions { Shots = 500 } };
        var noisy = new SettingSpec(Spec(0)) { Noisy = new NoisyOptions { Ratio = 0.1 } };

        var tooMany = await Assert.ThrowsAsync<RpcException>(async () => await client.BuildSettingAsync(new BuildSettingRequest { Spec = fewShot }));
        var noMode = await Assert.ThrowsAsync<RpcException>(async () => await client.BuildSettingAsync(new BuildSettingRequest { Spec = noisy }));
        var unknown = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.BuildSettingAsync(new BuildSettingRequest { Spec = new SettingSpec(Spec(0)) { Dataset = "nope" } }));

        Assert.Equal(StatusCode.InvalidArgument, tooMany.StatusCode);
        Assert.Contains("k=500", tooMany.Status.Detail);
        Assert.Contains(new SyntheticDatasetOptions().TrainGood.ToString(System.Globalization.CultureInfo.InvariantCulture), tooMany.Status.Detail);
        Assert.Equal(StatusCode.InvalidArgument, noMode.StatusCode);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Manifest_round_trips_with_its_spec_items_and_canonical_bytes()
    {
        var (client, dataset) = await SyntheticAsync();
        var spec = new SettingSpec(Spec(5))
        {
            FewShot = new FewShotOptions { Shots = 2, Augmentation = new AugmentationSpec { Flip = true, Copies = 2 } },
            Continual = new ContinualOptions { TaskOrder = { dataset.Categories.Reverse() } },
            Drift = new DriftOptions { Enabled = true },
            Validation = new ValidationOptions { Fraction = 0.5 },
        };
        var built = await client.BuildSettingAsync(new BuildSettingRequest { Spec = spec });

        var manifest = (await client.GetManifestAsync(new GetManifestRequest { Sha256 = built.Sha256 })).Manifest;

        Assert.Equal(built.Sha256, manifest.Sha256);
        Assert.Equal(built.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(manifest.CanonicalJson.Span)));
        Assert.Equal(2, manifest.Spec.FewShot.Shots);
        Assert.Equal(2, manifest.Spec.FewShot.Augmentation.Copies);
        Assert.True(manifest.Spec.FewShot.Augmentation.Flip);
        Assert.Equal(0.5, manifest.Spec.Validation.Fraction);
        Assert.True(manifest.Spec.Drift.Enabled);
        Assert.Equal(32, manifest.Spec.Input.ImageSize);
        Assert.Equal(dataset.Categories.Reverse(), manifest.Spec.Continual.TaskOrder);
        Assert.Equal(dataset.Categories.Reverse(), manifest.Tasks.Select(t => t.Name));
        Assert.Equal(built.Achieved, manifest.Achieved);
        foreach (var task in manifest.Tasks)
        {
            var train = task.Splits.Single(s => s.Split == Split.Train);
            var test = task.Splits.Single(s => s.Split == Split.Test);
            Assert.Equal(built.Counts[$"{task.Name}/train/normal"], train.Items.Count);
            Assert.Contains(train.Items, i => i.Id.Contains("#aug", StringComparison.Ordinal) && i.Perturbations.Any(p => p.Kind == "flip"));
            Assert.All(test.Items, i => Assert.NotEmpty(i.Perturbations));
            Assert.Equal(test.Items.Select(i => i.Id).Order(StringComparer.Ordinal), test.Items.Select(i => i.Id));
        }
    }

    [Fact]
    public async Task A_restarted_service_serves_stored_manifests_and_refuses_unknown_hashes()
    {
        var (client, _) = await SyntheticAsync();
        var built = await client.BuildSettingAsync(new BuildSettingRequest { Spec = new SettingSpec(Spec(1)) { Drift = new DriftOptions { Enabled = true } } });
        var before = (await client.GetManifestAsync(new GetManifestRequest { Sha256 = built.Sha256 })).Manifest;

        using var restarted = new DatasetHost(_host.DataDir, _host.AllowedRoot);
        var second = restarted.CreateGrpcClient();
        var after = (await second.GetManifestAsync(new GetManifestRequest { Sha256 = built.Sha256 })).Manifest;
        var missing = await Assert.ThrowsAsync<RpcException>(async () => await second.GetManifestAsync(new GetManifestRequest { Sha256 = new string('0', 64) }));
        var malformed = await Assert.ThrowsAsync<RpcException>(async () => await second.GetManifestAsync(new GetManifestRequest { Sha256 = "../datasets" }));

        Assert.Equal(before, after);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, malformed.StatusCode);
    }

    public void Dispose() => _host.Dispose();
}
