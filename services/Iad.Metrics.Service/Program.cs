using Iad.Hosting;
using Iad.Metrics.Service.Services;

if (HealthProbe.IsRequested(args)) return await HealthProbe.RunAsync(args, defaultHttpPort: 7204);

var builder = IadHost.CreateBuilder(args);
builder.AddIadServiceDefaults("metrics", defaultGrpcPort: 7104, defaultHttpPort: 7204);

var app = builder.Build();
app.MapIadDefaults();
app.MapGrpcService<MetricsGrpcService>();
await app.RunAsync();
return 0;
