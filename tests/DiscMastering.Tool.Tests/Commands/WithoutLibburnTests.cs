using System.Diagnostics;
using DiscMastering.Tool.Tests.TestSupport;

namespace DiscMastering.Tool.Tests.Commands;

/// <summary>
/// The tool on a machine without libburn: the library is hidden from one run by binding /dev/null over it in a
/// private mount namespace (root only), so the real loader fails as it would where libburn4 is not installed.
/// </summary>
public class WithoutLibburnTests : IDisposable
{
    private readonly TempTree _tree = new();

    public WithoutLibburnTests()
        : this(Discmaster.Managed)
    {
    }

    protected WithoutLibburnTests(Discmaster discmaster) => Discmaster = discmaster;

    private Discmaster Discmaster { get; }

    public void Dispose() => _tree.Dispose();

    [Theory]
    [InlineData("recorders")]
    [InlineData("burn", "{source}", "--recorder", "stdio:{root}/drive.bin")]
    [InlineData("erase", "--recorder", "/dev/sr0")]
    public void RecorderCommandsSayWhichPackageToInstall(params string[] args)
    {
        _tree.File("a.txt");

        var run = RunWithoutLibburn(args.Select(a => a.Replace("{source}", _tree.Source).Replace("{root}", _tree.Root)).ToArray());

        run.AssertFailedWith("DM3001");
        Assert.Contains("apt-get install libburn4", run.Error);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void MasteringNeverNeedsIt()
    {
        _tree.File("a.txt");

        RunWithoutLibburn("image", _tree.Source, "-o", _tree.Image, "--progress", "none").AssertSucceeded();
    }

    private ToolRun RunWithoutLibburn(params string[] args)
    {
        var library = LibburnPath();
        return Discmaster.Run(args, environment: null, wrapper: ["unshare", "--mount", "--", "sh", "-c", $"mount --bind /dev/null '{library}' && exec \"$0\" \"$@\""]);
    }

    /// <summary>The file the loader finds for libburn.so.4, as ldconfig knows it.</summary>
    private static string LibburnPath()
    {
        using var ldconfig = Process.Start(new ProcessStartInfo("/sbin/ldconfig", "-p") { RedirectStandardOutput = true })!;
        var line = ldconfig.StandardOutput.ReadToEnd().Split('\n').FirstOrDefault(l => l.TrimStart().StartsWith("libburn.so.4 ", StringComparison.Ordinal));
        Assert.True(line is not null, "libburn.so.4 is not installed: apt-get install libburn4");
        Assert.True(Environment.UserName == "root", "hiding libburn needs root (a private mount namespace); run the tests as root");
        return new FileInfo(line[(line.IndexOf("=> ", StringComparison.Ordinal) + 3)..].Trim()).ResolveLinkTarget(returnFinalTarget: true)?.FullName
            ?? line[(line.IndexOf("=> ", StringComparison.Ordinal) + 3)..].Trim();
    }
}
