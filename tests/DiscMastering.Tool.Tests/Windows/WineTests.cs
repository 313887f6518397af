using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using DiscMastering.Imapi.Tests.TestSupport;
using DiscMastering.Tool.Tests.TestSupport;

namespace DiscMastering.Tool.Tests.Windows;

/// <summary>
/// The real win-x64 build of the tool under Wine: the same images and the same UTF-8 output as the Linux
/// build, Windows paths (drive letters, backslashes, any letter case), response files with CRLF line ends.
/// Wine shows symbolic links as plain folders and has no IMAPI, so links and recording are not covered here.
/// </summary>
[Collection(WineCollection.Name)]
[Trait("Category", "Wine")]
public sealed partial class WineTests(WineFixture wine) : IDisposable
{
    private const string Label = "Été 日本語";

    private static readonly Dictionary<string, string?> s_epoch = new() { ["SOURCE_DATE_EPOCH"] = "1700000000" };

    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void AwkwardTreeMastersToTheSameBytesAsOnLinux()
    {
        AwkwardTree.Create(_tree.Source);
        var windowsImage = Path.Combine(_tree.Output, "windows.iso");
        var linuxImage = Path.Combine(_tree.Output, "linux.iso");

        wine.Run(["image", WineFixture.WindowsPath(_tree.Source), "-o", WineFixture.WindowsPath(windowsImage), "-V", Label, "--progress", "none"], s_epoch).AssertSucceeded();
        Discmaster.Managed.Run(["image", _tree.Source, "-o", linuxImage, "-V", Label, "--progress", "none"], s_epoch).AssertSucceeded();

        var windowsBytes = File.ReadAllBytes(windowsImage);
        var linuxBytes = File.ReadAllBytes(linuxImage);
        Assert.True(linuxBytes.Length > 3 << 20, $"the image holds the 3 MiB file: {linuxBytes.Length} bytes");
        var firstDifference = Enumerable.Range(0, Math.Min(windowsBytes.Length, linuxBytes.Length)).FirstOrDefault(i => windowsBytes[i] != linuxBytes[i], -1);
        Assert.True(
            windowsBytes.Length == linuxBytes.Length && firstDifference < 0,
            $"the Windows build wrote {windowsBytes.Length} bytes, the Linux build {linuxBytes.Length}; first difference at byte {firstDifference} (block {firstDifference / 2048})");
    }

    [Fact]
    public void InspectPrintsTheSameUtf8AsOnLinux()
    {
        AwkwardTree.Create(_tree.Source);
        Discmaster.Managed.Run(["image", _tree.Source, "-o", _tree.Image, "-V", Label, "--progress", "none"], s_epoch).AssertSucceeded();
        var windowsImage = WineFixture.WindowsPath(_tree.Image);

        foreach (var options in new[] { ["--json"], Array.Empty<string>(), ["--primary"] })
        {
            var underWine = wine.Run(["inspect", windowsImage, .. options]);
            var onLinux = Discmaster.Managed.Run(["inspect", _tree.Image, .. options]);

            underWine.AssertSucceeded();
            onLinux.AssertSucceeded();
            var (wineText, linuxText) = options is ["--json"]
                ? (underWine.Output.Replace(JsonEncodedText.Encode(windowsImage).Value, "IMAGE", StringComparison.Ordinal), onLinux.Output.Replace(JsonEncodedText.Encode(_tree.Image).Value, "IMAGE", StringComparison.Ordinal))
                : (underWine.Output.Replace(windowsImage, "IMAGE", StringComparison.Ordinal), onLinux.Output.Replace(_tree.Image, "IMAGE", StringComparison.Ordinal));

            // Windows ends lines with CRLF, every line alike; otherwise the bytes are the same.
            Assert.DoesNotMatch(BareLineFeed(), wineText);
            Assert.Equal(Encoding.UTF8.GetBytes(linuxText), Encoding.UTF8.GetBytes(wineText.Replace("\r\n", "\n", StringComparison.Ordinal)));
            if (options is not ["--primary"])
            {
                Assert.Contains("日本語.txt", wineText, StringComparison.Ordinal);
                Assert.Contains("Ünïcödé.txt", wineText, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void JsonProgressAndErrorsAreUtf8()
    {
        _tree.File("a.txt");
        var image = Path.Combine(_tree.Output, "Été 日本語.iso");

        var run = wine.Run("image", WineFixture.WindowsPath(_tree.Source), "-o", WineFixture.WindowsPath(image), "--progress", "json");

        run.AssertSucceeded();
        Assert.True(File.Exists(image), $"no {image}");
        var summary = JsonDocument.Parse(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]).RootElement;
        Assert.Equal("summary", summary.GetProperty("event").GetString());
        Assert.Equal(WineFixture.WindowsPath(image), summary.GetProperty("image").GetString());
        Assert.Contains("Été 日本語.iso", summary.GetProperty("message").GetString(), StringComparison.Ordinal);

        var missing = WineFixture.WindowsPath(Path.Combine(_tree.Root, "Ünïcödé 日本語"));
        var failed = wine.Run("image", missing, "-o", WineFixture.WindowsPath(_tree.Image));

        failed.AssertFailedWith("DM1001");
        Assert.Contains(missing, failed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void DriveLettersBackslashesAndGraftPoints()
    {
        _tree.File("setup.exe", "program");
        var extra = Path.Combine(_tree.Root, "extra");
        Directory.CreateDirectory(extra);
        File.WriteAllText(Path.Combine(extra, "a b.txt"), "more");

        wine.Run("image", WineFixture.WindowsPath(_tree.Source) + "\\", @"docs\more=" + WineFixture.WindowsPath(extra), "-o", WineFixture.WindowsPath(_tree.Image), "--progress", "none").AssertSucceeded();

        var listing = Discmaster.Managed.Run("inspect", _tree.Image, "--json");
        listing.AssertSucceeded();
        var paths = JsonDocument.Parse(listing.Output).RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("path").GetString()).ToList();
        Assert.Equal(["/docs", "/docs/more", "/docs/more/a b.txt", "/setup.exe"], paths);
    }

    [Fact]
    public void ImageInsideItsSourceIsFoundInAnyLetterCase()
    {
        _tree.File("a.txt");
        var source = WineFixture.WindowsPath(_tree.Source);
        var image = WineFixture.WindowsPath(Path.Combine(_tree.Root, "SOURCE", "disc.iso"));

        var run = wine.Run("image", source, "-o", image, "--progress", "none");

        run.AssertFailedWith("DM1004");
        Assert.Equal(["a.txt"], Directory.GetFiles(_tree.Source).Select(Path.GetFileName));
    }

    [Fact]
    public void ResponseFileWithCrlfLineEnds()
    {
        _tree.File("read me.txt", "read me");
        var rsp = Path.Combine(_tree.Root, "args.rsp");

        // As Notepad saves it: a UTF-8 byte order mark, CRLF line ends, a path with a space.
        File.WriteAllText(rsp, string.Join("\r\n", ["# image for Windows", "image", WineFixture.WindowsPath(_tree.Source), "-o", WineFixture.WindowsPath(_tree.Image), "-V", Label, "--progress", "none", ""]), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        wine.Run("@" + WineFixture.WindowsPath(rsp)).AssertSucceeded();

        var inspect = Discmaster.Managed.Run("inspect", _tree.Image, "--json");
        inspect.AssertSucceeded();
        var root = JsonDocument.Parse(inspect.Output).RootElement;
        Assert.Equal(Label, root.GetProperty("volumes")[1].GetProperty("label").GetString());
        Assert.Equal(["/read me.txt"], root.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("path").GetString()));
    }

    [Fact]
    public void RecordersFailsCleanlyWithoutImapi()
    {
        var run = wine.Run("recorders");

        Assert.True(run.ExitCode == 1, $"expected exit code 1, got {run.ExitCode}\nstdout: {run.Output}\nstderr: {run.Error}");
        var line = Assert.Single(run.ErrorLines);
        // Wine registers no IMAPI classes: CoCreateInstance answers REGDB_E_CLASSNOTREG, which is DM5001.
        Assert.StartsWith("discmaster : error DM5001: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [GeneratedRegex("(?<!\r)\n")]
    private static partial Regex BareLineFeed();
}
