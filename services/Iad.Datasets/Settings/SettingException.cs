namespace Iad.Datasets.Settings;

/// <summary>
/// A setting cannot be built from this dataset and spec: a parameter is out of range, a category or view does not
/// exist, or the data is too small for the request. The message names the offending numbers and, for unknown names,
/// what exists.
/// </summary>
public sealed class SettingException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">Human-readable message with the offending numbers.</param>
    public SettingException(string message)
        : base(message)
    {
    }
}
