namespace DiscMastering.Imapi.Tests.TestSupport;

/// <summary>The <see cref="RockRidgeTree"/> mastered once per test class with default options (Rock Ridge on).</summary>
public sealed class RockRidgeImageFixture() : MasteredTreeFixture("rockridge", "ROCKRIDGE", root => AwkwardTree.Create(root, RockRidgeTree.Entries()));
