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

    [Fact]
    public void On_linux_x64_the_install_is_the_native_executable_and_other_platforms_have_the_framework_dependent_one()
    {
        Assert.True(OperatingSystem.IsLinux() && System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.X64, "the linux-x64 package packs on linux-x64 only");
        var toolPath = _root.Combine("tools");
        var environment = new Dictionary<string, string>
        {
            ["NUGET_PACKAGES"] = _root.Combine("packages"),
            ["DOTNET_CLI_HOME"] = _root.Combine("home"),
        };
        DotNet.Run(_root.Path, environment, "tool", "install", "--tool-path", toolPath, "DiscMastering.Tool", "--version", feed.Version, "--add-source", feed.Directory).AssertSucceeded();

        // The command is the ahead-of-time compiled binary itself: an ELF file with no assembly beside it.
        var command = new FileInfo(Path.Combine(toolPath, "dotnet-discmaster"));
        var executable = command.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? command;
        Assert.Equal("\u007fELF"u8.ToArray(), File.ReadAllBytes(executable.FullName)[..4]);
        Assert.Empty(executable.Directory!.GetFiles("*.dll"));
        Assert.Empty(executable.Directory!.GetFiles("*.pdb"));
        Assert.Contains(Path.Combine("tools", "any", "linux-x64"), executable.FullName, StringComparison.Ordinal);

        using (var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(executable.FullName, "--version") { RedirectStandardOutput = true })!)
        {
            var version = process.StandardOutput.ReadToEnd();
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "dotnet-discmaster --version did not end");
            Assert.Equal(0, process.ExitCode);
            Assert.Contains(feed.Version.Split('-')[0], version);
        }

        // Every other platform installs the framework-dependent build from the `any` package.
        using var any = System.IO.Compression.ZipFile.OpenRead(Path.Combine(feed.Directory, $"DiscMastering.Tool.any.{feed.Version}.nupkg"));
        Assert.Contains(any.Entries, e => e.FullName == "tools/net10.0/any/dotnet-discmaster.dll");
    }
}
