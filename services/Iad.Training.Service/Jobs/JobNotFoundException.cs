namespace Iad.Training.Service.Jobs;

/// <summary>No job with the requested id (never started, or dropped from the finished-job history).</summary>
public sealed class JobNotFoundException(string message) : Exception(message);

/// <summary>The job queue is full.</summary>
public sealed class JobQueueFullException(string message) : Exception(message);
