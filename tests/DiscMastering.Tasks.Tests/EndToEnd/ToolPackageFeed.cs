using System.Globalization;
using DiscMastering.Tasks.Tests.TestUtilities;

namespace DiscMastering.Tasks.Tests.EndToEnd;

/// <summary>The DiscMastering.Tool package, packed once from this repository into a local feed with a version of its own.</summary>
public sealed class ToolPackageFeed : IDisposable
{
    private readonly TemporaryDirectory _root = new("dm-tool-feed-");

    public ToolPackageFeed()
    {
        Version = "0.1.0-tool." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        Directory = _root.Combine("feed");

        // PackageVersion, not Version: the tool's assemblies stay as built, so nothing is recompiled.
        DotNet.Run(
                RepositoryLayout.Root,
                new Dictionary<string, string>(),
                ["pack", Path.Combine(RepositoryLayout.Root, "src", "DiscMastering.Tool", "DiscMastering.Tool.csproj"), "-c", "Release", "-o", Directory, "-p:PackageVersion=" + Version, .. DotNet.BuildSwitches])
            .AssertSucceeded();
        Assert.True(File.Exists(Path.Combine(Directory, $"DiscMastering.Tool.{Version}.nupkg")), $"Packing made no DiscMastering.Tool.{Version}.nupkg in {Directory}.");
    }

    /// <summary>The feed folder.</summary>
    public string Directory { get; }

    /// <summary>The package's version.</summary>
    public string Version { get; }

    public void Dispose() => _root.Dispose();
}
