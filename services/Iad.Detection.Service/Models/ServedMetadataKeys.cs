namespace Iad.Detection.Service.Models;

/// <summary>
/// Optional detector metadata the service reads beyond the required contract keys; each is ignored when absent or
/// unparsable (invariant culture).
/// </summary>
public static class ServedMetadataKeys
{
    /// <summary>Image-score threshold above which an image is anomalous (also the default pixel threshold for masks), a real number.</summary>
    public const string Threshold = "iad.threshold";

    /// <summary>Rows of the memory bank inside the model, an integer.</summary>
    public const string BankRows = "iad.bank_rows";

    /// <summary>Bytes of the memory bank or statistics inside the model, an integer.</summary>
    public const string BankBytes = "iad.bank_bytes";
}
