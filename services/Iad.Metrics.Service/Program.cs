using Grpc.Core;
using Iad.Evaluation.Reports;
using Iad.Hosting;
using Iad.Hosting.Interceptors;
using Iad.Metrics.Service.Services;
using Iad.Metrics.Service.Store;

if (HealthProbe.IsRequested(args)) return await HealthProbe.RunAsync(args, defaultHttpPort: 7204);

var builder = IadHost.CreateBuilder(args);
builder.AddIadServiceDefaults("metrics", defaultGrpcPort: 7104, defaultHttpPort: 7204, "store:sqlite", "store:postgres");
builder.Services.AddResultsStore(builder.Configuration);

var app = builder.Build();
app.Services.GetRequiredService<ExceptionStatusMap>().Map<EvaluationBudgetExceededException>(StatusCode.ResourceExhausted);
app.MapIadDefaults();
app.MapGrpcService<MetricsGrpcService>();
await app.RunAsync();
return 0;
