using Grpc.Core;
using Iad.Dataset.Service.Catalog;
using Iad.Dataset.Service.Services;
using Iad.Datasets.Errors;
using Iad.Hosting;
using Iad.Hosting.Interceptors;
using Iad.Imaging.Decoding;

if (HealthProbe.IsRequested(args)) return await HealthProbe.RunAsync(args, defaultHttpPort: 7201);

var builder = IadHost.CreateBuilder(args);
builder.AddIadServiceDefaults("dataset", defaultGrpcPort: 7101, defaultHttpPort: 7201,
    "layout:mvtec_ad", "layout:mvtec_loco", "layout:visa", "layout:btad", "layout:mpdd", "layout:mtd", "layout:dagm",
    "layout:real_iad", "layout:texture_ad", "layout:kolektor_sdd", "layout:folder", "synthetic");
builder.Services.Configure<DatasetCatalogOptions>(builder.Configuration.GetSection(DatasetCatalogOptions.SectionName));
builder.Services.AddSingleton<DatasetCatalog>();

var app = builder.Build();
app.Services.GetRequiredService<ExceptionStatusMap>()
    .Map<PathEscapeException>(StatusCode.PermissionDenied)
    .Map<RootNotAllowedException>(StatusCode.PermissionDenied)
    .Map<DatasetNotFoundException>(StatusCode.NotFound)
    .Map<UnknownLayoutException>(StatusCode.InvalidArgument)
    .Map<DatasetException>(StatusCode.FailedPrecondition)
    .Map<ImageDecodeException>(StatusCode.InvalidArgument);
app.MapIadDefaults();
app.MapGrpcService<DatasetGrpcService>();
await app.RunAsync();
return 0;
