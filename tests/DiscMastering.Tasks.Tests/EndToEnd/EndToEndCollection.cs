namespace DiscMastering.Tasks.Tests.EndToEnd;

/// <summary>
/// The end-to-end test classes share one packed package and run one after the other: each runs real builds,
/// which keep both cores busy by themselves.
/// </summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<PackageFeed>
{
    public const string Name = "End to end";
}
