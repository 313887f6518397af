using System.Text.RegularExpressions;
using DiscMastering.Tool.Tests.TestSupport;

namespace DiscMastering.Tool.Tests.Commands;

/// <summary><c>image</c> records Rock Ridge by default; <c>--file-mode</c> sets modes, <c>--no-rock-ridge</c> leaves it out.</summary>
public partial class ImageCommandRockRidgeTests : IDisposable
{
    private readonly TempTree _tree = new();

    private Discmaster Discmaster { get; }

    public ImageCommandRockRidgeTests()
        : this(Discmaster.Managed)
    {
    }

    protected ImageCommandRockRidgeTests(Discmaster discmaster)
    {
        Discmaster = discmaster;
    }

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void ByDefault_ProgramsAndFoldersGetExecuteBits_AndNamesKeepTheirCase()
    {
        _tree.File("bin/tool", "\u007FELF and the rest of a program");
        _tree.File("run.sh", "#!/bin/sh\necho hi\n");
        _tree.File("Readme.TXT", "upper");
        _tree.File("readme.txt", "lower");

        Discmaster.Run("image", _tree.Source, "-o", _tree.Image, "--progress", "none").AssertSucceeded();

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["/bin"] = "dr-xr-xr-x",
                ["/bin/tool"] = "-r-xr-xr-x",
                ["/run.sh"] = "-r-xr-xr-x",
                ["/Readme.TXT"] = "-r--r--r--",
                ["/readme.txt"] = "-r--r--r--",
            },
            Modes(_tree.Image));
    }

    [Fact]
    public void FileModeRules_Override_LastMatchWins()
    {
        _tree.File("bin/tool", "plain text, not a program");
        _tree.File("scripts/a.sh", "no shebang");
        _tree.File("scripts/b.sh", "no shebang either");

        Discmaster.Run(
            "image", _tree.Source, "-o", _tree.Image, "--progress", "none",
            "--file-mode", "**/*.sh=755", "--file-mode", "bin/tool=700", "--file-mode", "scripts/b.sh=0640").AssertSucceeded();

        var modes = Modes(_tree.Image);
        Assert.Equal("-rwx------", modes["/bin/tool"]);
        Assert.Equal("-rwxr-xr-x", modes["/scripts/a.sh"]);
        Assert.Equal("-rw-r-----", modes["/scripts/b.sh"]);
    }

    [Theory]
    [InlineData("bin/tool")]
    [InlineData("bin/tool=rwx")]
    [InlineData("bin/tool=8")]
    [InlineData("bin/tool=17777")]
    [InlineData("=755")]
    public void BadFileModeRule_IsDM2021_AndWritesNothing(string rule)
    {
        _tree.File("bin/tool");

        var run = Discmaster.Run("image", _tree.Source, "-o", _tree.Image, "--file-mode", rule);

        run.AssertFailedWith("DM2021");
        Assert.Contains(rule, run.Error);
        Assert.Empty(_tree.OutputFiles());
    }

    [Fact]
    public void FileModeRuleWithoutRockRidge_IsDM2022_AndWritesNothing()
    {
        _tree.File("run.sh");

        var run = Discmaster.Run("image", _tree.Source, "-o", _tree.Image, "--no-rock-ridge", "--file-mode", "run.sh=755");

        run.AssertFailedWith("DM2022");
        Assert.Empty(_tree.OutputFiles());
    }

    [Fact]
    public void NoRockRidge_LeavesTheEntriesOut()
    {
        _tree.File("run.sh", "#!/bin/sh\n");
        var plain = Path.Combine(_tree.Output, "plain.iso");

        Discmaster.Run("image", _tree.Source, "-o", _tree.Image, "--progress", "none").AssertSucceeded();
        Discmaster.Run("image", _tree.Source, "-o", plain, "--no-rock-ridge", "--progress", "none").AssertSucceeded();

        Assert.Contains("Rock Ridge signatures version 1 found", ExternalTool.IsoInfo.RunChecked(["-d", "-i", _tree.Image]).StdOut);
        Assert.Contains("NO Rock Ridge present", ExternalTool.IsoInfo.RunChecked(["-d", "-i", plain]).StdOut);
        Assert.Contains("/RUN.SH;1", ExternalTool.IsoInfo.RunChecked(["-i", plain, "-R", "-f"]).StdOut);
    }

    /// <summary>xorriso's listing, mode by Rock Ridge path (the root left out).</summary>
    private static Dictionary<string, string> Modes(string image)
    {
        var result = ExternalTool.Xorriso.RunChecked(["-indev", image, "-find", "/", "-exec", "lsdl"]);
        return result.StdOut.Split('\n')
            .Select(line => Entry().Match(line))
            .Where(m => m.Success && m.Groups["path"].Value != "/")
            .ToDictionary(m => m.Groups["path"].Value, m => m.Groups["mode"].Value, StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^(?<mode>[d-][rwxsStT-]{9})\s.*? '(?<path>/.*)'$")]
    private static partial Regex Entry();
}
