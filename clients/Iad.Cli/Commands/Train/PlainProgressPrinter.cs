using Iad.Contracts.V1;

namespace Iad.Cli.Commands.Train;

/// <summary>
/// Prints progress as plain lines for logs and pipes: one line when the phase changes and one per further 10 % of
/// overall completion, so a long job writes a few dozen lines, not one per batch.
/// </summary>
internal sealed class PlainProgressPrinter(TextWriter output)
{
    private const double Step = 0.1;
    private TrainingPhase? _phase;
    private double _printedFraction = double.NegativeInfinity;

    public void Report(JobProgress progress)
    {
        if (progress.Phase == _phase && progress.Fraction < _printedFraction + Step) return;
        _phase = progress.Phase;
        _printedFraction = progress.Fraction;
        output.WriteLine(ProgressText.Line(progress));
    }
}
