namespace Iad.Methods.Padim;

/// <summary>PaDiM hyper-parameters (Defard et al. 2020 / anomalib; see README.md).</summary>
public sealed record PadimOptions
{
    /// <summary>Randomly kept channels of the concatenated layer2 + layer3 features (100; all when ≥ their number).</summary>
    public int Channels { get; init; } = 100;

    /// <summary>ε added to each covariance diagonal (0.01).</summary>
    public float Epsilon { get; init; } = 0.01f;

    /// <summary>σ of the anomaly-map blur in pixels (4).</summary>
    public float BlurSigma { get; init; } = 4f;

    /// <summary>What a fit with a base model does.</summary>
    public PadimContinualMode ContinualMode { get; init; } = PadimContinualMode.Replace;

    /// <summary>Threads for statistics; 0 uses every processor.</summary>
    public int MaxDegreeOfParallelism { get; init; }

    /// <exception cref="ArgumentOutOfRangeException">A value is outside its range.</exception>
    public void Validate()
    {
        if (Channels < 1) throw new ArgumentOutOfRangeException(nameof(Channels), Channels, "At least one channel must be kept.");
        if (!(Epsilon >= 0)) throw new ArgumentOutOfRangeException(nameof(Epsilon), Epsilon, "ε must be ≥ 0.");
        if (!(BlurSigma > 0)) throw new ArgumentOutOfRangeException(nameof(BlurSigma), BlurSigma, "σ must be positive.");
        if (MaxDegreeOfParallelism < 0) throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "Must be ≥ 0.");
    }
}

/// <summary>PaDiM's continual-update rule.</summary>
public enum PadimContinualMode
{
    /// <summary>Refit on the new task only; earlier tasks are forgotten (the base model only has to be compatible).</summary>
    Replace,

    /// <summary>
    /// Pool the Gaussians: the new statistics are those of all images of the base and the new task together (exact
    /// running mean and covariance, weighted by image counts).
    /// </summary>
    Pool,
}
