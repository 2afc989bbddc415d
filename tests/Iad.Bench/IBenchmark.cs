namespace Iad.Bench;

/// <summary>
/// One benchmark. Implementations are discovered by reflection, so adding a benchmark is adding a file.
/// A benchmark measures the subject and its reference in the same run and reports their ratio.
/// </summary>
public interface IBenchmark
{
    /// <summary>Short kebab-case name used on the command line, e.g. <c>metrics-aupro</c>.</summary>
    string Name { get; }

    /// <summary>One line saying what is compared with what.</summary>
    string Description { get; }

    void Run(BenchContext context);
}
