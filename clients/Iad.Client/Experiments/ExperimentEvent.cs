namespace Iad.Client.Experiments;

/// <summary>What an experiment driver is doing, for progress displays.</summary>
/// <param name="Stage">train, evaluate, stored (a cell found in the results store) or summary.</param>
/// <param name="TrainedTask">Task whose model is involved (k), or −1.</param>
/// <param name="EvalTask">Task being evaluated (j), or −1.</param>
/// <param name="Done">Units done in the stage (images), or 0.</param>
/// <param name="Total">Units in the stage, or 0 when unknown.</param>
/// <param name="Message">A line for a log.</param>
public sealed record ExperimentEvent(string Stage, int TrainedTask, int EvalTask, long Done, long Total, string Message);
