using Iad.Dataset.Service.Composition;
using Iad.Hosting;

if (HealthProbe.IsRequested(args)) return await HealthProbe.RunAsync(args, defaultHttpPort: 7201);

var builder = IadHost.CreateBuilder(args);
builder.AddIadServiceDefaults("dataset", defaultGrpcPort: 7101, defaultHttpPort: 7201,
    "layout:mvtec_ad", "layout:mvtec_loco", "layout:visa", "layout:btad", "layout:mpdd", "layout:mtd", "layout:dagm",
    "layout:real_iad", "layout:texture_ad", "layout:kolektor_sdd", "layout:folder", "synthetic", "settings", "streaming");
builder.Services.AddDatasetService(builder.Configuration);

var app = builder.Build();
app.MapIadDefaults();
app.MapDatasetService();
await app.RunAsync();
return 0;
