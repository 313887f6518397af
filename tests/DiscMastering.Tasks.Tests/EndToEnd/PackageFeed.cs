namespace DiscMastering.Tasks.Tests.EndToEnd;

/// <summary>The DiscMastering.Tasks package in a local feed.</summary>
public sealed class PackageFeed() : LocalPackageFeed(Path.Combine("src", "DiscMastering.Tasks", "DiscMastering.Tasks.csproj"), "DiscMastering.Tasks", "Version");
