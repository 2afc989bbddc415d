namespace Iad.Onnx.Runtime;

/// <summary>
/// A model does not have the inputs, outputs, shapes, element types or metadata its caller requires
/// (e.g. a detector without <c>anomaly_map</c>, a backbone layer with 256 channels where 512 were expected).
/// </summary>
public sealed class ModelContractException : Exception
{
    public ModelContractException(string message) : base(message)
    {
    }

    public ModelContractException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
