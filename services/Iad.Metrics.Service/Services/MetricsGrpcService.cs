using Iad.Contracts.V1;

namespace Iad.Metrics.Service.Services;

/// <summary>iad.v1.MetricsService. RPCs not overridden here answer UNIMPLEMENTED.</summary>
public sealed class MetricsGrpcService : MetricsService.MetricsServiceBase
{
}
