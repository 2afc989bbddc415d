using Iad.Detection.Service.Configuration;
using Iad.Hosting;

if (HealthProbe.IsRequested(args)) return await HealthProbe.RunAsync(args, defaultHttpPort: 7203);

var builder = IadHost.CreateBuilder(args);
builder.AddIadServiceDefaults("detection", defaultGrpcPort: 7103, defaultHttpPort: 7203, "provider:cpu", "batching:dynamic", "protocol:iad.v1");
builder.Services.AddDetection(builder.Configuration);

var app = builder.Build();
app.MapIadDefaults();
app.MapDetection();
await app.RunAsync();
return 0;
