using Iad.Methods.Components.FeatureExtraction;
using Iad.Methods.Padim;
using Iad.Methods.PatchCore;
using Iad.Onnx.Runtime;

namespace Iad.Methods;

/// <summary>Options of one fit. Method-specific parts are read only by their method.</summary>
public sealed record FitOptions
{
    /// <summary>Feature backbone; the built-in one (seed 0) by default.</summary>
    public FeatureBackbone Backbone { get; init; } = FeatureBackbone.BuiltIn();

    /// <summary>Input height in pixels; a multiple of the backbone's largest stride (16), at least 32.</summary>
    public int InputHeight { get; init; } = 256;

    /// <summary>Input width in pixels; a multiple of the backbone's largest stride (16), at least 32.</summary>
    public int InputWidth { get; init; } = 256;

    /// <summary>Seed of every random choice (coreset start, projection, PaDiM channels).</summary>
    public int Seed { get; init; }

    /// <summary>ONNX Runtime settings of the backbone session used while fitting and scoring in process.</summary>
    public SessionSettings Session { get; init; } = new();

    public PatchCoreOptions PatchCore { get; init; } = new();

    public PadimOptions Padim { get; init; } = new();

    /// <summary>Checks the shared options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The input size is not a multiple of 16 or is below 32.</exception>
    public void Validate()
    {
        CheckSide(InputHeight, nameof(InputHeight));
        CheckSide(InputWidth, nameof(InputWidth));
    }

    private static void CheckSide(int value, string name)
    {
        if (value < 32 || value % 16 != 0)
            throw new ArgumentOutOfRangeException(name, value, "Input sides must be multiples of 16 and at least 32 pixels (the blur reflects 16 pixels at the border).");
    }
}
