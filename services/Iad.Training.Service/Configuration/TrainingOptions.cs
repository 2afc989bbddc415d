namespace Iad.Training.Service.Configuration;

/// <summary>Settings of the training service, section <c>Iad:Training</c>.</summary>
public sealed class TrainingOptions
{
    public const string SectionName = "Iad:Training";

    /// <summary>gRPC address of the dataset service the jobs stream images from.</summary>
    public string DatasetAddress { get; set; } = "http://127.0.0.1:7101";

    /// <summary>Directory user backbone ONNX files are read from (<c>onnx_path</c> is relative to it); default <c>{data}/backbones</c>.</summary>
    public string? BackboneRoot { get; set; }

    /// <summary>Jobs running at once; each fit already uses every core, so 1 by default.</summary>
    public int MaxConcurrentJobs { get; set; } = 1;

    /// <summary>Jobs waiting to run before StartTraining answers RESOURCE_EXHAUSTED.</summary>
    public int MaxQueuedJobs { get; set; } = 64;

    /// <summary>Finished jobs kept for GetJob/ListJobs (oldest dropped first).</summary>
    public int MaxFinishedJobs { get; set; } = 500;

    /// <summary>ONNX Runtime threads per backbone session; 0 lets ONNX Runtime choose.</summary>
    public int IntraOpThreads { get; set; }
}
