namespace Iad.Methods;

/// <summary>Progress of a fit: the stage running and how far it got.</summary>
/// <param name="Stage">One of <see cref="FitStages"/>.</param>
/// <param name="Done">Units finished in this stage (images, coreset rows, positions).</param>
/// <param name="Total">Units in this stage, or −1 while unknown (streamed images).</param>
public readonly record struct FitProgress(string Stage, long Done, long Total);

/// <summary>Stage names reported through <see cref="FitProgress"/>.</summary>
public static class FitStages
{
    /// <summary>Running the backbone over the training images; Done counts images.</summary>
    public const string Features = "features";

    /// <summary>Greedy k-center selection; Done counts selected rows.</summary>
    public const string Coreset = "coreset";

    /// <summary>Neighbour tables, statistics and training-score normalisation.</summary>
    public const string Statistics = "statistics";
}
