using Grpc.Core;
using Iad.Contracts.V1;

namespace Iad.Hosting.ServiceInfo;

/// <summary>iad.v1.ServiceInfoService, served by every host.</summary>
public sealed class ServiceInfoGrpcService(ServiceIdentity identity) : ServiceInfoService.ServiceInfoServiceBase
{
    public override Task<GetServiceInfoResponse> GetServiceInfo(GetServiceInfoRequest request, ServerCallContext context)
    {
        var response = new GetServiceInfoResponse
        {
            Name = identity.Name,
            Version = identity.Version,
            Build = identity.Build,
            UptimeSeconds = (DateTimeOffset.UtcNow - identity.StartedAt).TotalSeconds,
        };
        response.Capabilities.AddRange(identity.Capabilities);
        response.ApiVersions.Add("iad.v1");
        return Task.FromResult(response);
    }
}
