namespace Iad.Client.Tests.Support;

/// <summary>Test classes that share one <see cref="ServiceStack"/> (its four processes start once).</summary>
[CollectionDefinition(Name)]
public sealed class ServicesCollection : ICollectionFixture<ServiceStack>
{
    public const string Name = "services";
}
