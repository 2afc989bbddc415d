using Iad.Contracts.V1;

namespace Iad.Training.Service.Services;

/// <summary>iad.v1.TrainingService. RPCs not overridden here answer UNIMPLEMENTED.</summary>
public sealed class TrainingGrpcService : TrainingService.TrainingServiceBase
{
}
