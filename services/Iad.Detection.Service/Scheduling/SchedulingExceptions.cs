namespace Iad.Detection.Service.Scheduling;

/// <summary>A model's queue holds its maximum number of images; the request was not admitted (RESOURCE_EXHAUSTED).</summary>
public sealed class QueueFullException(string message) : Exception(message);

/// <summary>The model's scheduler is stopping and takes no new work (UNAVAILABLE).</summary>
public sealed class SchedulerStoppedException(string message) : Exception(message);

/// <summary>A queued image's deadline passed before it was computed; it was dropped unscored (DEADLINE_EXCEEDED).</summary>
public sealed class RequestExpiredException(string message) : Exception(message);
