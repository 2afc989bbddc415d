using Iad.Datasets.Settings.Specs;

namespace Iad.Datasets.Settings.Manifests;

/// <summary>
/// A built setting: the items of every split of every task plus every parameter, in a canonical JSON form and its hash.
/// Results refer to a setting by <see cref="Sha256"/>.
/// </summary>
/// <param name="Sha256">Lowercase hex SHA-256 of <see cref="CanonicalJson"/>.</param>
/// <param name="Spec">The spec with every default resolved (categories = task names in order, input geometry set).</param>
/// <param name="Layout">Name of the layout of the scanned dataset.</param>
/// <param name="Tasks">Tasks in sequence order.</param>
/// <param name="Achieved">
/// Every task's figures keyed <c>&lt;task&gt;/&lt;key&gt;</c>, plus totals over tasks: <c>train_size</c>,
/// <c>validation_size</c>, <c>test_size</c> and, for noisy and FUIAD settings, the pooled
/// <c>noise_ratio_achieved</c> / <c>alpha_achieved</c> (Σ train anomalies / Σ train size).
/// </param>
/// <param name="CanonicalJson">UTF-8 canonical JSON of layout, spec, tasks and figures (see <see cref="ManifestJson"/>).</param>
public sealed record Manifest(
    string Sha256,
    SettingSpec Spec,
    string Layout,
    IReadOnlyList<ManifestTask> Tasks,
    IReadOnlyDictionary<string, double> Achieved,
    ReadOnlyMemory<byte> CanonicalJson)
{
    /// <summary>The task named <paramref name="name"/>.</summary>
    /// <exception cref="SettingException">No such task; the message lists the tasks.</exception>
    public ManifestTask Task(string name) =>
        Tasks.FirstOrDefault(t => t.Name == name)
        ?? throw new SettingException($"task '{name}' does not exist; tasks: {string.Join(", ", Tasks.Select(static t => t.Name))}.");
}
