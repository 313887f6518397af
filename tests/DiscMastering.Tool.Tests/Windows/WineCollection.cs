namespace DiscMastering.Tool.Tests.Windows;

/// <summary>The tests that share one Windows build and one Wine prefix: both are made once for all of them.</summary>
[CollectionDefinition(Name)]
public sealed class WineCollection : ICollectionFixture<WineFixture>
{
    public const string Name = "Wine";
}
