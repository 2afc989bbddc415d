using Iad.Client.Experiments;
using Iad.Contracts.V1;

namespace Iad.Client.Tests;

public sealed class ExperimentSettingTests
{
    [Theory]
    [InlineData("vanilla", "vanilla")]
    [InlineData("noisy", "noisy 0.1")]
    [InlineData("noisy:0.2", "noisy 0.2")]
    [InlineData("few-shot:2", "few-shot 2")]
    [InlineData("few_shot", "few-shot 4")]
    [InlineData("drift", "drift")]
    public void The_short_form_parses_to_its_label(string text, string label) => Assert.Equal(label, ExperimentSetting.Parse(text).Label);

    [Theory]
    [InlineData("noisy:lots", "takes a number")]
    [InlineData("drift:2", "takes no value")]
    [InlineData("noisy:0.9", "outside (0, 0.75]")]
    [InlineData("supervised", "Unknown setting 'supervised'")]
    public void Bad_short_forms_are_refused(string text, string expected) =>
        Assert.Contains(expected, Assert.Throws<ArgumentException>(() => ExperimentSetting.Parse(text)).Message);

    [Fact]
    public void Each_kind_sets_its_regime_on_the_setting_spec()
    {
        SettingSpec Spec(string text)
        {
            var spec = new SettingSpec();
            ExperimentSetting.Parse(text).ApplyTo(spec);
            return spec;
        }

        Assert.Equal(SettingSpec.RegimeOneofCase.Unsupervised, Spec("vanilla").RegimeCase);
        Assert.Equal(0.3, Spec("noisy:0.3").Noisy.Ratio);
        Assert.Equal(NoiseMode.Add, Spec("noisy:0.3").Noisy.Mode);
        Assert.Equal(2, Spec("few_shot:2").FewShot.Shots);
        Assert.Null(Spec("few_shot:2").FewShot.Augmentation);
        Assert.True(Spec("drift").Drift.Enabled);
        Assert.Null(Spec("vanilla").Drift);
    }
}
