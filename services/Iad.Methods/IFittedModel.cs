using Iad.Onnx.Protobuf;

namespace Iad.Methods;

/// <summary>
/// A fitted model. <see cref="Score"/> runs the method in process (backbone through ONNX Runtime, the rest in C#);
/// <see cref="Compile"/> produces the one-file ONNX detector computing the same outputs. Disposing releases the
/// backbone session used by <see cref="Score"/>.
/// </summary>
public interface IFittedModel : IDisposable
{
    /// <summary>Method name (<see cref="IAnomalyMethod.Name"/>).</summary>
    string Method { get; }

    /// <summary>Backbone name.</summary>
    string Backbone { get; }

    int InputHeight { get; }

    int InputWidth { get; }

    /// <summary>Rows of the memory bank (PatchCore) or feature positions with a Gaussian (PaDiM).</summary>
    long StateRows { get; }

    /// <summary>Floats of fitted state the detector carries (bank + neighbour table, or means + inverse covariances).</summary>
    long StateFloats { get; }

    /// <summary>Raw-score normalisation measured on the training images (stored in the detector metadata; the graph outputs raw scores).</summary>
    ScoreNormalisation Normalisation { get; }

    /// <summary>
    /// Scores <paramref name="count"/> images ([N, 3, H, W] RGB in [0, 1]) into <paramref name="scores"/> (N raw image
    /// scores) and <paramref name="maps"/> (N · H · W anomaly-map values, row-major).
    /// </summary>
    /// <exception cref="ArgumentException">A buffer length does not match <paramref name="count"/>.</exception>
    void Score(ReadOnlySpan<float> images, int count, Span<float> scores, Span<float> maps);

    /// <summary>Builds the ONNX detector (SPEC §4 contract) with this model's state as initializers.</summary>
    ModelProto Compile(DetectorCompileOptions options);
}
