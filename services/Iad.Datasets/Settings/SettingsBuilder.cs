using Iad.Datasets.Model;
using Iad.Datasets.Settings.Manifests;
using Iad.Datasets.Settings.Modifiers;
using Iad.Datasets.Settings.Regimes;
using Iad.Datasets.Settings.Specs;

namespace Iad.Datasets.Settings;

/// <summary>
/// Builds a setting (SPEC §3) from a scanned dataset: one task per category in task order, each with train, validation
/// and test items, per-image perturbation recipes, achieved figures, the canonical JSON form and its SHA-256.
/// </summary>
/// <remarks>
/// <para>Per task: the view selection makes units of the category's samples; the regime draws train and test; the
/// input train fraction subsamples train; the validation hold-out splits train; few-shot copies follow their sample in
/// train; with drift every test view gets a drift recipe. Validation items carry no recipes.</para>
/// <para>Every random choice comes from a stream seeded by <see cref="StableSeed"/>(seed, purpose, category) or, for
/// recipes, (seed, purpose, image id), and draws only from id-sorted inputs; so the same scan and spec give
/// byte-identical JSON and hash in any process on any machine, and one category's draws do not depend on the others.</para>
/// </remarks>
public static class SettingsBuilder
{
    /// <summary>Builds the manifest of <paramref name="spec"/> over <paramref name="scan"/>.</summary>
    /// <exception cref="SettingException">
    /// The spec is out of range, names an unknown category, view, subclass, profile or method, or asks for more data
    /// than a category has; the message names the numbers.
    /// </exception>
    public static Manifest Build(DatasetScan scan, SettingSpec spec)
    {
        ArgumentNullException.ThrowIfNull(scan);
        ArgumentNullException.ThrowIfNull(spec);
        SpecValidation.Validate(spec);
        var taskNames = TaskOrder.Resolve(scan, spec);
        var resolved = spec with
        {
            Categories = taskNames,
            Input = spec.Input.Resolve(),
            Continual = spec.Continual is null ? null : new ContinualOptions { TaskOrder = taskNames },
        };
        var views = ViewSelection.Create(scan, spec.MultiView.SingleView);
        var tasks = new ManifestTask[taskNames.Length];
        for (var i = 0; i < tasks.Length; i++)
        {
            var context = new TaskContext(taskNames[i], resolved.Seed, views.Units(scan, taskNames[i]), resolved.UnsplitTestFraction);
            tasks[i] = BuildTask(i, context, resolved);
        }

        var achieved = AchievedFigures.Totals(resolved.Regime, tasks);
        var json = ManifestJson.Serialize(scan.Layout, resolved, tasks, achieved);
        return new Manifest(ManifestJson.Hash(json), resolved, scan.Layout, tasks, achieved, json);
    }

    private static ManifestTask BuildTask(int index, TaskContext context, SettingSpec spec)
    {
        var draft = spec.Regime switch
        {
            FullySupervisedOptions supervised => FullySupervisedRegime.Draw(context, supervised),
            FewShotOptions fewShot => FewShotRegime.Draw(context, fewShot),
            NoisyOptions noisy => NoisyRegime.Draw(context, noisy),
            FuiadOptions fuiad => FuiadRegime.Draw(context, fuiad),
            CrossSubclassOptions cross => CrossSubclassRegime.Draw(context, cross),
            _ => UnsupervisedRegime.Draw(context),
        };
        if (draft.Train.Count == 0)
        {
            throw new SettingException($"{spec.Regime.Kind} setting leaves no training samples in category '{context.Category}'.");
        }

        if (draft.Test.Count == 0)
        {
            throw new SettingException($"{spec.Regime.Kind} setting leaves no test samples in category '{context.Category}'.");
        }

        var train = TrainHoldout.Subsample(context, draft.Train, spec.Input.TrainFraction);
        IReadOnlyList<SplitEntry> validation = [];
        if (spec.Validation is { } holdout)
        {
            (train, validation) = TrainHoldout.Validation(context, train, holdout.Fraction);
        }

        var trainItems = train.Select(ItemFactory.Plain);
        if (spec.Regime is FewShotOptions { Copies: > 0 } fewShotCopies)
        {
            trainItems = trainItems.Concat(train.SelectMany(e => ItemFactory.Copies(e, spec.Seed, fewShotCopies.Copies, fewShotCopies.Augmentation)));
        }

        var testItems = spec.Drift ? draft.Test.Select(e => ItemFactory.Drifted(e, spec.Seed)) : draft.Test.Select(ItemFactory.Plain);
        var trainSplit = Split(SettingSplit.Train, trainItems);
        var validationSplit = Split(SettingSplit.Validation, validation.Select(ItemFactory.Plain));
        var testSplit = Split(SettingSplit.Test, testItems);
        var figures = AchievedFigures.OfTask(spec.Regime, draft.Figures, trainSplit, validationSplit, testSplit);
        return new ManifestTask(index, context.Category, trainSplit, validationSplit, testSplit, figures);
    }

    private static ManifestSplit Split(SettingSplit split, IEnumerable<ManifestItem> items)
    {
        var sorted = items.ToArray();
        Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Id, b.Id));
        return new ManifestSplit(split, sorted);
    }
}
