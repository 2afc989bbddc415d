using Iad.Contracts.V1;

namespace Iad.Detection.Service.Services;

/// <summary>iad.v1.DetectionService. RPCs not overridden here answer UNIMPLEMENTED.</summary>
public sealed class DetectionGrpcService : DetectionService.DetectionServiceBase
{
}
