namespace Iad.Metrics.Service.Store;

/// <summary>Where results live: SQLite under the data directory by default, PostgreSQL for shared deployments.</summary>
public sealed class ResultsStoreOptions
{
    public const string SectionName = "Iad:Results";

    /// <summary>"sqlite" (default) or "postgres".</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>
    /// ADO.NET connection string. For SQLite, empty means <c>&lt;data dir&gt;/results.db</c>; for PostgreSQL it is required,
    /// e.g. <c>Host=db;Database=iad;Username=iad;Password=...</c>.
    /// </summary>
    public string? ConnectionString { get; set; }
}
