using Iad.Hosting;
using Iad.Dataset.Service.Services;

if (HealthProbe.IsRequested(args)) return await HealthProbe.RunAsync(args, defaultHttpPort: 7201);

var builder = IadHost.CreateBuilder(args);
builder.AddIadServiceDefaults("dataset", defaultGrpcPort: 7101, defaultHttpPort: 7201);

var app = builder.Build();
app.MapIadDefaults();
app.MapGrpcService<DatasetGrpcService>();
await app.RunAsync();
return 0;
