using Iad.Hosting;
using Iad.Detection.Service.Services;

if (HealthProbe.IsRequested(args)) return await HealthProbe.RunAsync(args, defaultHttpPort: 7203);

var builder = IadHost.CreateBuilder(args);
builder.AddIadServiceDefaults("detection", defaultGrpcPort: 7103, defaultHttpPort: 7203);

var app = builder.Build();
app.MapIadDefaults();
app.MapGrpcService<DetectionGrpcService>();
await app.RunAsync();
return 0;
