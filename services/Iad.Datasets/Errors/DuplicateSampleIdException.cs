namespace Iad.Datasets.Errors;

/// <summary>Two samples of one scan got the same id, so ids would not identify images in manifests.</summary>
public sealed class DuplicateSampleIdException : DatasetException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="sampleId">The repeated id.</param>
    /// <param name="firstImage">Root-relative first image of the first sample with that id.</param>
    /// <param name="secondImage">Root-relative first image of the second sample with that id.</param>
    public DuplicateSampleIdException(string sampleId, string firstImage, string secondImage)
        : base(secondImage, $"Sample id '{sampleId}' is used by both '{firstImage}' and '{secondImage}'.")
    {
        SampleId = sampleId;
    }

    /// <summary>The repeated id.</summary>
    public string SampleId { get; }
}
