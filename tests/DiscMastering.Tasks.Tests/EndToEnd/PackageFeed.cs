using System.Globalization;
using DiscMastering.Tasks.Tests.TestUtilities;

namespace DiscMastering.Tasks.Tests.EndToEnd;

/// <summary>
/// The DiscMastering.Tasks package, packed once per test run from this repository into a local feed, with a
/// version no earlier run used, so that no NuGet cache anywhere can hand out an older build of it.
/// </summary>
public sealed class PackageFeed : IDisposable
{
    private readonly TemporaryDirectory _root = new("dm-feed-");

    public PackageFeed()
    {
        Version = "0.1.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        Directory = _root.Combine("feed");
        DotNet.Run(
                RepositoryLayout.Root,
                new Dictionary<string, string>(),
                ["pack", RepositoryLayout.TasksProject, "-c", "Release", "-o", Directory, "-p:Version=" + Version, .. DotNet.BuildSwitches])
            .AssertSucceeded();
        Assert.True(
            File.Exists(Path.Combine(Directory, $"DiscMastering.Tasks.{Version}.nupkg")),
            $"Packing made no DiscMastering.Tasks.{Version}.nupkg in {Directory}.");
    }

    /// <summary>The feed folder, holding DiscMastering.Tasks.<see cref="Version"/>.nupkg.</summary>
    public string Directory { get; }

    /// <summary>The package's version.</summary>
    public string Version { get; }

    public void Dispose() => _root.Dispose();
}
