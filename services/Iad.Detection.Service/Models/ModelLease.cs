namespace Iad.Detection.Service.Models;

/// <summary>A request's hold on a model version; disposing it lets a retiring version finish.</summary>
public readonly struct ModelLease(ServedModel model) : IDisposable
{
    public ServedModel Model { get; } = model;

    public void Dispose() => Model.ReleaseLease();
}
