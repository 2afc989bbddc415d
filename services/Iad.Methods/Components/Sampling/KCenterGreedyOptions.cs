namespace Iad.Methods.Components.Sampling;

/// <summary>Options of <see cref="KCenterGreedy"/>.</summary>
public sealed record KCenterGreedyOptions
{
    /// <summary>Default projection size (Roth et al.'s code).</summary>
    public const int DefaultProjectionDimensions = 128;

    /// <summary>
    /// Dimensions D of the sparse random projection the selection runs on: 128 by default; 0 derives D from the
    /// Johnson–Lindenstrauss bound with ε = 0.9 (anomalib). When D ≥ the feature dimension the features are used unprojected.
    /// </summary>
    public int ProjectionDimensions { get; init; } = DefaultProjectionDimensions;

    /// <summary>Seeds the projection and the first centre.</summary>
    public int Seed { get; init; }

    /// <summary>The first centre's row; null draws it from <see cref="Seed"/>.</summary>
    public int? FirstIndex { get; init; }

    /// <summary>Rows per distance-update chunk (the chunk's accumulator stays in L1 cache).</summary>
    public int ChunkRows { get; init; } = 2048;

    /// <summary>Threads updating distances; 0 uses every processor.</summary>
    public int MaxDegreeOfParallelism { get; init; }
}
