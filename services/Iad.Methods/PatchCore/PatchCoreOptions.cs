using Iad.Methods.Components.Sampling;

namespace Iad.Methods.PatchCore;

/// <summary>PatchCore hyper-parameters (defaults of Roth et al. / anomalib, see README.md).</summary>
public sealed record PatchCoreOptions
{
    /// <summary>Coreset size as a share of all training patches (10 %).</summary>
    public double CoresetRatio { get; init; } = 0.1;

    /// <summary>Sparse-projection dimensions for coreset selection (128; 0 = Johnson–Lindenstrauss with ε = 0.9).</summary>
    public int ProjectionDimensions { get; init; } = KCenterGreedyOptions.DefaultProjectionDimensions;

    /// <summary>b: bank neighbours of m* used by the image-score re-weighting (9); 1 gives the plain maximum.</summary>
    public int NeighbourCount { get; init; } = 9;

    /// <summary>Largest bank (rows) after a fit or continual update; null means unbounded.</summary>
    public int? MemoryBudget { get; init; }

    /// <summary>σ of the anomaly-map blur in pixels (4).</summary>
    public float BlurSigma { get; init; } = 4f;

    /// <summary>Threads for coreset and nearest-neighbour work; 0 uses every processor.</summary>
    public int MaxDegreeOfParallelism { get; init; }

    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range.</exception>
    public void Validate()
    {
        if (!(CoresetRatio > 0 && CoresetRatio <= 1)) throw new ArgumentOutOfRangeException(nameof(CoresetRatio), CoresetRatio, "The coreset ratio must be in (0, 1].");
        if (ProjectionDimensions < 0) throw new ArgumentOutOfRangeException(nameof(ProjectionDimensions), ProjectionDimensions, "Projection dimensions must be ≥ 0.");
        if (NeighbourCount < 1) throw new ArgumentOutOfRangeException(nameof(NeighbourCount), NeighbourCount, "b must be ≥ 1.");
        if (MemoryBudget is < 1) throw new ArgumentOutOfRangeException(nameof(MemoryBudget), MemoryBudget, "The memory budget must be ≥ 1 row.");
        if (!(BlurSigma > 0)) throw new ArgumentOutOfRangeException(nameof(BlurSigma), BlurSigma, "σ must be positive.");
        if (MaxDegreeOfParallelism < 0) throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "Must be ≥ 0.");
    }
}
