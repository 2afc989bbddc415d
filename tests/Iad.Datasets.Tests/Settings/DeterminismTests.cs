using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Iad.Datasets.Settings;
using Iad.Datasets.Settings.Specs;

namespace Iad.Datasets.Tests.Settings;

public sealed class DeterminismTests
{
    private static readonly Iad.Datasets.Model.DatasetScan Scan = TestScans.Mvtec(
        new CategoryShape("bottle", 20, 5, ("broken", 4), ("contamination", 4)),
        new CategoryShape("grid", 12, 4, ("bent", 3), ("glue", 3)));

    private static SettingSpec Spec(int seed = 7) => new("mini")
    {
        Seed = seed,
        Regime = new NoisyOptions(NoiseMode.Add, 0.1),
        Drift = true,
        Validation = new ValidationOptions(),
    };

    [Fact]
    public void Two_builds_give_identical_bytes_and_hash()
    {
        var first = SettingsBuilder.Build(Scan, Spec());
        var second = SettingsBuilder.Build(TestScans.Mvtec(
            new CategoryShape("bottle", 20, 5, ("broken", 4), ("contamination", 4)),
            new CategoryShape("grid", 12, 4, ("bent", 3), ("glue", 3))), Spec());

        Assert.Equal(first.CanonicalJson.ToArray(), second.CanonicalJson.ToArray());
        Assert.Equal(first.Sha256, second.Sha256);
    }

    [Fact]
    public void Hash_matches_the_value_recorded_on_another_machine()
    {
        // Recorded once; a change here means manifests built elsewhere or earlier no longer match.
        Assert.Equal("a477125e2b83ee447840c473baea3175f7ed2f1fbebb8fac9a54211ba80763f2", SettingsBuilder.Build(Scan, Spec()).Sha256);
    }

    [Fact]
    public void Hash_is_the_lowercase_sha256_of_the_canonical_json()
    {
        var manifest = SettingsBuilder.Build(Scan, Spec());

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(manifest.CanonicalJson.Span)), manifest.Sha256);
        Assert.Matches("^[0-9a-f]{64}$", manifest.Sha256);
    }

    [Fact]
    public void Canonical_json_has_sorted_keys_and_no_whitespace()
    {
        var bytes = SettingsBuilder.Build(Scan, Spec()).CanonicalJson.ToArray();

        Assert.DoesNotContain((byte)' ', bytes);
        Assert.DoesNotContain((byte)'\n', bytes);
        Assert.NotEqual(0xEF, bytes[0]);
        using var document = JsonDocument.Parse(bytes);
        AssertSorted(document.RootElement);
        Assert.Equal("iad.manifest.v1", document.RootElement.GetProperty("format").GetString());
        Assert.Equal(0.1, document.RootElement.GetProperty("spec").GetProperty("regime").GetProperty("ratio").GetDouble());
    }

    [Fact]
    public void Culture_does_not_change_the_bytes()
    {
        var invariant = SettingsBuilder.Build(Scan, Spec()).Sha256;
        var previous = CultureInfo.CurrentCulture;
        try
        {
            // A comma decimal separator and a different minus sign, as some cultures use (works without ICU too).
            var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            comma.NumberFormat.NumberDecimalSeparator = ",";
            comma.NumberFormat.NegativeSign = "\u2212";
            CultureInfo.CurrentCulture = comma;
            Assert.Equal(invariant, SettingsBuilder.Build(Scan, Spec()).Sha256);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Different_seeds_give_different_splits()
    {
        var a = SettingsBuilder.Build(Scan, Spec(seed: 1));
        var b = SettingsBuilder.Build(Scan, Spec(seed: 2));

        Assert.NotEqual(a.Sha256, b.Sha256);
        Assert.NotEqual(a.Task("bottle").Validation.Ids(), b.Task("bottle").Validation.Ids());
        Assert.NotEqual(a.Task("bottle").Test.Ids(), b.Task("bottle").Test.Ids());
    }

    [Fact]
    public void The_root_path_is_not_part_of_the_hash()
    {
        var moved = new Iad.Datasets.Model.DatasetScan(Scan.Layout, "/elsewhere", Scan.Categories, Scan.Samples);

        Assert.Equal(SettingsBuilder.Build(Scan, Spec()).Sha256, SettingsBuilder.Build(moved, Spec()).Sha256);
    }

    [Fact]
    public void Stable_seed_depends_on_seed_purpose_and_key_only()
    {
        Assert.Equal(StableSeed.Of(3, "drift", "a/b"), StableSeed.Of(3, "drift", "a/b"));
        Assert.NotEqual(StableSeed.Of(3, "drift", "a/b"), StableSeed.Of(4, "drift", "a/b"));
        Assert.NotEqual(StableSeed.Of(3, "drift", "a/b"), StableSeed.Of(3, "augment", "a/b"));
        Assert.NotEqual(StableSeed.Of(3, "drift", "a/b"), StableSeed.Of(3, "drift", "a/c"));
    }

    private static void AssertSorted(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            var names = element.EnumerateObject().Select(static p => p.Name).ToArray();
            Assert.Equal(names.Order(StringComparer.Ordinal), names);
            foreach (var property in element.EnumerateObject())
            {
                AssertSorted(property.Value);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                AssertSorted(item);
            }
        }
    }
}
