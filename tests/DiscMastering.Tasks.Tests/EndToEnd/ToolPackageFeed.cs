namespace DiscMastering.Tasks.Tests.EndToEnd;

/// <summary>The DiscMastering.Tool package in a local feed; its assemblies stay as built.</summary>
public sealed class ToolPackageFeed() : LocalPackageFeed(Path.Combine("src", "DiscMastering.Tool", "DiscMastering.Tool.csproj"), "DiscMastering.Tool", "PackageVersion");
