using Iad.Detection.Service.Backends;
using Iad.Detection.Service.Scheduling;
using Iad.Detection.Service.Telemetry;

namespace Iad.Detection.Service.Models;

/// <summary>
/// One warmed-up model version with its backend, batcher and telemetry. Requests hold a lease
/// (<see cref="TryAcquire"/> / <see cref="ReleaseLease"/>) for as long as they use it; <see cref="RetireAsync"/>
/// waits for the last lease before stopping the batcher (which drains its queue) and freeing the backend, which is
/// what lets a new version replace this one without failing a single request.
/// </summary>
public sealed class ServedModel
{
    private readonly IDetectorBackend _backend;
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _leases;
    private int _retired;

    internal ServedModel(ModelDescription description, IDetectorBackend backend, DynamicBatcher batcher, ModelTelemetry telemetry)
    {
        Description = description;
        _backend = backend;
        Batcher = batcher;
        Telemetry = telemetry;
    }

    public ModelDescription Description { get; }

    public DynamicBatcher Batcher { get; }

    public ModelTelemetry Telemetry { get; }

    /// <summary>Input height in pixels.</summary>
    public int InputHeight => _backend.InputHeight;

    /// <summary>Input width in pixels.</summary>
    public int InputWidth => _backend.InputWidth;

    /// <summary>Floats per input image.</summary>
    public int ImageLength => _backend.ImageLength;

    /// <summary>Takes a lease; false once the model is retiring (the caller then looks the name up again).</summary>
    public bool TryAcquire()
    {
        Interlocked.Increment(ref _leases);
        if (Volatile.Read(ref _retired) == 0) return true;
        ReleaseLease();
        return false;
    }

    /// <summary>Ends a lease taken by <see cref="TryAcquire"/>.</summary>
    public void ReleaseLease()
    {
        if (Interlocked.Decrement(ref _leases) == 0 && Volatile.Read(ref _retired) == 1) _drained.TrySetResult();
    }

    /// <summary>Refuses new leases, waits for the current ones, drains the queue and frees the backend. Idempotent.</summary>
    public async Task RetireAsync()
    {
        if (Interlocked.Exchange(ref _retired, 1) == 0 && Volatile.Read(ref _leases) == 0) _drained.TrySetResult();
        await _drained.Task.ConfigureAwait(false);
        await Batcher.StopAsync().ConfigureAwait(false);
        _backend.Dispose();
    }
}
