namespace Iad.Methods;

/// <summary>A base model cannot be updated with these options: another method, backbone, input size or feature layout.</summary>
public sealed class IncompatibleModelException : Exception
{
    public IncompatibleModelException(string message) : base(message)
    {
    }
}
