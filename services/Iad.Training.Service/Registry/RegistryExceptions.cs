namespace Iad.Training.Service.Registry;

/// <summary>No model with the requested id or name.</summary>
public sealed class ModelNotFoundException(string message) : Exception(message);

/// <summary>The registry refuses a change that would break it (e.g. deleting a parent without force).</summary>
public sealed class RegistryConflictException(string message) : Exception(message);
