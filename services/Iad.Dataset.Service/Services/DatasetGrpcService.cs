using Iad.Contracts.V1;

namespace Iad.Dataset.Service.Services;

/// <summary>iad.v1.DatasetService. RPCs not overridden here answer UNIMPLEMENTED.</summary>
public sealed class DatasetGrpcService : DatasetService.DatasetServiceBase
{
}
