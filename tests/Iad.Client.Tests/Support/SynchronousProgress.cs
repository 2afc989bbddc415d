namespace Iad.Client.Tests.Support;

/// <summary>Reports on the caller's thread at once (unlike <see cref="Progress{T}"/>), so a test can act on an event in order.</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
