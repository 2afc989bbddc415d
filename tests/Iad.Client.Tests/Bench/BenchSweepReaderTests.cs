using Iad.Client.Bench;

namespace Iad.Client.Tests.Bench;

public sealed class BenchSweepReaderTests
{
    private const string Yaml = """
        name: table
        image_size: 128
        seeds: [3, 4]
        parallel: 2
        datasets:
          - synthetic: {categories: 4, seed: 9, difficulty: 0.3}
          - {name: mvtec, path: /data/mvtec_ad, categories: [bottle, cable]}
          - visa
        methods:
          - patchcore
          - {name: PaDiM, title: padim-50, feature_dim: 50, running_average: true}
        settings:
          - vanilla
          - noisy: {ratio: 0.15, mode: replace}
          - few_shot: {shots: 2, copies: 3}
          - drift
          - continual
          - continual: {noisy: {ratio: 0.05}}
        """;

    [Fact]
    public void A_yaml_sweep_reads_every_entry_with_its_parameters()
    {
        var sweep = BenchSweepReader.Parse(Yaml);

        Assert.Equal("table", sweep.Name);
        Assert.Equal(128, sweep.ImageSize);
        Assert.Equal([3, 4], sweep.Seeds);
        Assert.Equal(2, sweep.Parallel);
        Assert.Equal(new BenchSynthetic { Categories = 4, Seed = 9, Difficulty = 0.3 }, sweep.Datasets[0].Synthetic);
        Assert.Equal(["bottle", "cable"], sweep.Datasets[1].Categories);
        Assert.Equal("/data/mvtec_ad", sweep.Datasets[1].Path);
        Assert.Equal("visa", sweep.Datasets[2].Label);
        Assert.Equal("padim", sweep.Methods[1].Name);
        Assert.Equal(50, sweep.Methods[1].FeatureDim);
        Assert.True(sweep.Methods[1].RunningAverage);
        Assert.Equal(["patchcore", "padim-50"], sweep.Methods.Select(m => m.Label));
        Assert.Equal(["vanilla", "noisy 0.15 replace", "few-shot 2 +3 aug", "drift", "continual", "continual noisy 0.05"], sweep.Settings.Select(s => s.Label));
        Assert.Equal([false, false, false, false, true, true], sweep.Settings.Select(s => s.Continual));
        Assert.Equal(3, sweep.Settings[2].Regime.AugmentedCopies);
    }

    [Fact]
    public void The_json_form_reads_the_same_and_the_stored_form_round_trips()
    {
        const string json = """
            {"name": "table", "image_size": 128, "seeds": [3, 4], "parallel": 2,
             "datasets": [{"synthetic": {"categories": 4, "seed": 9, "difficulty": 0.3}},
                          {"name": "mvtec", "path": "/data/mvtec_ad", "categories": ["bottle", "cable"]}, "visa"],
             "methods": ["patchcore", {"name": "PaDiM", "title": "padim-50", "feature_dim": 50, "running_average": true}],
             "settings": ["vanilla", {"noisy": {"ratio": 0.15, "mode": "replace"}}, {"few_shot": {"shots": 2, "copies": 3}}, "drift",
                          "continual", {"continual": {"noisy": {"ratio": 0.05}}}]}
            """;
        var fromYaml = BenchSweepReader.Parse(Yaml);
        var fromJson = BenchSweepReader.Parse(json);

        Assert.Equal(fromYaml.ToJson(), fromJson.ToJson());
        Assert.Equal(fromYaml.ToJson(), BenchSweep.FromJson(fromYaml.ToJson()).ToJson());
    }

    [Fact]
    public void Omitted_keys_take_the_documented_defaults()
    {
        var sweep = BenchSweepReader.Parse("datasets: [synth]\nmethods: [padim]\nsettings: [noisy, few_shot]");

        Assert.Equal([0, 1, 2], sweep.Seeds);
        Assert.Equal(256, sweep.ImageSize);
        Assert.Equal(1, sweep.Window);
        Assert.Equal(1, sweep.Parallel);
        Assert.Equal(0.1, sweep.Settings[0].Regime.NoiseRatio);
        Assert.Equal("add", sweep.Settings[0].Regime.NoiseMode);
        Assert.Equal(4, sweep.Settings[1].Regime.Shots);
    }

    [Theory]
    [InlineData("datasets: [a]\nmethods: [patchcore]\nsettings: [vanila]", "settings[0]: unknown setting 'vanila'")]
    [InlineData("datasets: [a]\nmethods: [patchcore]\nsettings: [{noisy: {ratio: 0.9}}]", "settings[0]: noisy ratio 0.9 is outside (0, 0.75]")]
    [InlineData("datasets: [a]\nmethods: [patchcore]\nsettings: [{noisy: {rate: 0.1}}]", "settings[0].noisy: unknown key 'rate'")]
    [InlineData("datasets: [a]\nmethods: [stfpm]\nsettings: [vanilla]", "Unknown method 'stfpm'")]
    [InlineData("datasets: [a]\nmethods: [patchcore, patchcore]\nsettings: [vanilla]", "method 'patchcore' twice")]
    [InlineData("datasets: [a]\nmethods: [patchcore]\nsettings: [vanilla]\nimage_size: 100", "image_size 100")]
    [InlineData("methods: [patchcore]\nsettings: [vanilla]", "needs a 'datasets' list")]
    [InlineData("datasets: [a]\nmethods: [patchcore]\nsettings: [vanilla]\nseed: [1]", "unknown key 'seed'")]
    [InlineData("datasets: [a]\nmethods: [patchcore]\nsettings: [vanilla]\nseeds: [one]", "seeds[0]: 'one' is not an integer")]
    [InlineData("datasets: [{path: /d, synthetic: {}}]\nmethods: [patchcore]\nsettings: [vanilla]", "both a path and a synthetic spec")]
    [InlineData("datasets: [a\nmethods", "not valid YAML or JSON")]
    public void Invalid_sweeps_are_refused_saying_where(string text, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => BenchSweepReader.Parse(text));
        Assert.Contains(expected, error.Message);
    }
}
