using DiscMastering.Tasks.Tests.TestUtilities;

namespace DiscMastering.Tasks.Tests.EndToEnd;

/// <summary>
/// The DiscMastering.Tool package: <c>dotnet discmaster</c> works for a global, a tool-path and a local
/// (manifest) install alike.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ToolPackageTests(ToolPackageFeed feed) : IClassFixture<ToolPackageFeed>, IDisposable
{
    private readonly TempDirectory _root = new("dm-tool-install-");

    public void Dispose() => _root.Dispose();

    [Theory]
    [InlineData("global")]
    [InlineData("tool-path")]
    [InlineData("local")]
    public void Dotnet_discmaster_masters_an_image_after_install(string kind)
    {
        var work = _root.Combine("work");
        Directory.CreateDirectory(Path.Combine(work, "content"));
        File.WriteAllText(Path.Combine(work, "content", "readme.txt"), "hello");
        var toolPath = _root.Combine("tools");
        var home = _root.Combine("home");
        var environment = new Dictionary<string, string>
        {
            ["NUGET_PACKAGES"] = _root.Combine("packages"),
            ["DOTNET_CLI_HOME"] = home,
            ["PATH"] = string.Join(Path.PathSeparator, toolPath, Path.Combine(home, ".dotnet", "tools"), Environment.GetEnvironmentVariable("PATH")),
        };

        string[] install = kind switch
        {
            "global" => ["tool", "install", "--global", "DiscMastering.Tool"],
            "tool-path" => ["tool", "install", "--tool-path", toolPath, "DiscMastering.Tool"],
            _ => ["tool", "install", "DiscMastering.Tool"],
        };
        if (kind == "local")
        {
            DotNet.Run(work, environment, "new", "tool-manifest").AssertSucceeded();
        }

        DotNet.Run(work, environment, [.. install, "--version", feed.Version, "--add-source", feed.Directory]).AssertSucceeded();
        var run = DotNet.Run(work, environment, "discmaster", "image", "content", "-o", "out/disc.iso", "--progress", "plain").AssertSucceeded();

        Assert.Contains("Mastered 1 files in 0 folders", run.Output);
        Assert.True(new FileInfo(Path.Combine(work, "out", "disc.iso")).Length > 0);
    }
}
