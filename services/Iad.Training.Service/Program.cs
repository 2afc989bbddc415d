using Iad.Hosting;
using Iad.Training.Service.Services;

if (HealthProbe.IsRequested(args)) return await HealthProbe.RunAsync(args, defaultHttpPort: 7202);

var builder = IadHost.CreateBuilder(args);
builder.AddIadServiceDefaults("training", defaultGrpcPort: 7102, defaultHttpPort: 7202);

var app = builder.Build();
app.MapIadDefaults();
app.MapGrpcService<TrainingGrpcService>();
await app.RunAsync();
return 0;
