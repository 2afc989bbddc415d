using Grpc.Net.Client.Configuration;

namespace Iad.Client;

/// <summary>
/// Declared retry policy: only idempotent unary methods are retried, only on UNAVAILABLE, with exponential backoff.
/// Streams and state-changing calls are never retried by the channel.
/// </summary>
internal static class RetryPolicies
{
    private static readonly (string Service, string[] Methods)[] Idempotent =
    [
        ("iad.v1.ServiceInfoService", ["GetServiceInfo"]),
        ("grpc.health.v1.Health", ["Check"]),
        ("iad.v1.DatasetService", ["ListDatasets", "DescribeDataset", "BuildSetting", "GetManifest", "GetItem"]),
        ("iad.v1.TrainingService", ["GetJob", "CancelJob", "ListJobs", "ListBackbones", "ListModels", "GetModel"]),
        ("iad.v1.DetectionService", ["ListLoadedModels", "GetModelStats", "UnloadModel"]),
        ("iad.v1.MetricsService", ["CreateRun", "AppendResult", "GetRun", "ListRuns", "CompareRuns", "GetContinualSummary"]),
    ];

    public static ServiceConfig Create(int maxAttempts)
    {
        var config = new MethodConfig
        {
            RetryPolicy = new RetryPolicy
            {
                MaxAttempts = maxAttempts,
                InitialBackoff = TimeSpan.FromMilliseconds(200),
                MaxBackoff = TimeSpan.FromSeconds(2),
                BackoffMultiplier = 2,
                RetryableStatusCodes = { Grpc.Core.StatusCode.Unavailable },
            },
        };
        foreach (var (service, methods) in Idempotent)
        {
            foreach (var method in methods) config.Names.Add(new MethodName { Service = service, Method = method });
        }
        var serviceConfig = new ServiceConfig();
        serviceConfig.MethodConfigs.Add(config);
        return serviceConfig;
    }
}
