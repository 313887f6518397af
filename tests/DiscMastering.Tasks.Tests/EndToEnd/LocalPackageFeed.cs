using System.Globalization;
using DiscMastering.Tasks.Tests.TestUtilities;

namespace DiscMastering.Tasks.Tests.EndToEnd;

/// <summary>
/// A package packed once per test run from this repository into a local feed, with a version no earlier run
/// used, so that no NuGet cache anywhere can hand out an older build of it.
/// </summary>
public abstract class LocalPackageFeed : IDisposable
{
    private readonly TempDirectory _root = new("dm-feed-");

    /// <param name="project">The project to pack, relative to the repository's root.</param>
    /// <param name="packageId">The package it makes.</param>
    /// <param name="versionProperty">
    /// Version (the assemblies carry it too) or PackageVersion (only the package does, so nothing is recompiled).
    /// </param>
    private protected LocalPackageFeed(string project, string packageId, string versionProperty)
    {
        Version = "0.1.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        Directory = _root.Combine("feed");
        DotNet.Run(
                RepositoryLayout.Root,
                new Dictionary<string, string>(),
                ["pack", Path.Combine(RepositoryLayout.Root, project), "-c", "Release", "-o", Directory, $"-p:{versionProperty}={Version}", .. DotNet.BuildSwitches])
            .AssertSucceeded();
        Assert.True(
            File.Exists(Path.Combine(Directory, $"{packageId}.{Version}.nupkg")),
            $"Packing made no {packageId}.{Version}.nupkg in {Directory}.");
    }

    /// <summary>The feed folder.</summary>
    public string Directory { get; }

    /// <summary>The package's version.</summary>
    public string Version { get; }

    public void Dispose()
    {
        _root.Dispose();
        GC.SuppressFinalize(this);
    }
}
