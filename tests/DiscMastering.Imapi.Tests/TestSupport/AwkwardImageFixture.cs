namespace DiscMastering.Imapi.Tests.TestSupport;

/// <summary>The awkward tree mastered once per test class.</summary>
public sealed class AwkwardImageFixture() : MasteredTreeFixture("awkward", "AWKWARD", root => AwkwardTree.Create(root));
