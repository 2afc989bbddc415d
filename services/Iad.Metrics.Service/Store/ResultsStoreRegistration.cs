using Iad.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Iad.Metrics.Service.Store;

/// <summary>Registers the results store chosen by <see cref="ResultsStoreOptions"/>.</summary>
public static class ResultsStoreRegistration
{
    public static IServiceCollection AddResultsStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ResultsStoreOptions>(configuration.GetSection(ResultsStoreOptions.SectionName));
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ResultsStoreOptions>>().Value;
            switch (options.Provider.ToLowerInvariant())
            {
                case "sqlite":
                    var connectionString = string.IsNullOrWhiteSpace(options.ConnectionString)
                        ? new SqliteConnectionStringBuilder
                        {
                            DataSource = Path.Combine(provider.GetRequiredService<IOptions<IadHostingOptions>>().Value.DataDir!, "results.db"),
                            Pooling = true,
                        }.ToString()
                        : options.ConnectionString;
                    return new ResultsStore(() => new SqliteConnection(connectionString), sqlite: true);
                case "postgres":
                    if (string.IsNullOrWhiteSpace(options.ConnectionString))
                        throw new InvalidOperationException("Iad:Results:ConnectionString is required for the postgres provider");
                    var dataSource = NpgsqlDataSource.Create(options.ConnectionString);
                    return new ResultsStore(dataSource.CreateConnection, sqlite: false);
                default:
                    throw new InvalidOperationException($"unknown results store provider '{options.Provider}' (use sqlite or postgres)");
            }
        });
        return services;
    }
}
