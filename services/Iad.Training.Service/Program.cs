using Iad.Hosting;
using Iad.Training.Service.Composition;

if (HealthProbe.IsRequested(args)) return await HealthProbe.RunAsync(args, defaultHttpPort: 7202);

var builder = IadHost.CreateBuilder(args);
builder.AddIadServiceDefaults("training", defaultGrpcPort: 7102, defaultHttpPort: 7202, "methods:patchcore,padim", "registry:v1");
builder.Services.AddTraining(builder.Configuration);

var app = builder.Build();
app.MapIadDefaults();
app.MapTraining();
await app.RunAsync();
return 0;
