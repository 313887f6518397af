using System.Text.Json;
using DiscMastering.Imapi.Tests.TestSupport;
using DiscMastering.Tool.Tests.TestSupport;

namespace DiscMastering.Tool.Tests.Commands;

/// <summary><c>verify image.iso source...</c>: the image against its sources, as text and as JSON. The recorder form is covered by <see cref="BurnCommandTests"/>.</summary>
public class VerifyCommandTests : IDisposable
{
    private readonly TempTree _tree = new();

    public VerifyCommandTests()
        : this(Discmaster.Managed)
    {
    }

    protected VerifyCommandTests(Discmaster discmaster) => Discmaster = discmaster;

    private Discmaster Discmaster { get; }

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void TheAwkwardTree_IsIdentical()
    {
        MasterAwkward();

        var run = Discmaster.Run("verify", _tree.Image, _tree.Source);

        run.AssertSucceeded();
        Assert.Equal("", run.Error);
        var line = Assert.Single(Lines(run.Output));
        Assert.StartsWith($"Verified {_tree.Image} against its sources through the joliet, rock-ridge and primary trees: identical (", line);
    }

    [Fact]
    public void ExcludedFiles_AreLeftOutOfTheComparisonAsOfTheImage()
    {
        _tree.File("app.dll", "code");
        _tree.File("app.pdb", "symbols");
        _tree.File("lib/x.pdb", "more symbols");
        Discmaster.Run("image", _tree.Source, "-o", _tree.Image, "--exclude", "**/*.pdb", "--progress", "none").AssertSucceeded();

        Discmaster.Run("verify", _tree.Image, _tree.Source, "--exclude", "**/*.pdb").AssertSucceeded();
        var run = Discmaster.Run("verify", _tree.Image, _tree.Source);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("missing from the image: /app.pdb", run.Output);
        Assert.Contains("missing from the image: /lib/x.pdb", run.Output);
    }

    [Fact]
    public void Findings_AreOneLineEach_ThenASummary_WithoutAnErrorLine()
    {
        MasterAwkward();
        ChangeSources();

        var run = Discmaster.Run("verify", _tree.Image, _tree.Source);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Error);
        Assert.Equal(
            [
                "missing from the image: /new.txt",
                "extra on the image: /日本語.txt",
                "different: /exactly-2049.bin at byte 2,000 (source 2,000 bytes, image 2,049 bytes)",
                "different: /large/random-3MiB.bin at byte 1,234,567 (source 3,145,745 bytes, image 3,145,745 bytes)",
            ],
            Lines(run.Output)[..^1]);
        Assert.StartsWith(
            $"Verified {_tree.Image} against its sources through the joliet, rock-ridge and primary trees: 1 missing from the image, 1 extra on the image, 2 different (",
            Lines(run.Output)[^1]);
    }

    [Fact]
    public void Json_SaysTheSame()
    {
        MasterAwkward();
        ChangeSources();

        var run = Discmaster.Run("verify", _tree.Image, _tree.Source, "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("", run.Error);
        var root = JsonDocument.Parse(run.Output).RootElement;
        Assert.False(root.GetProperty("equal").GetBoolean());
        Assert.Equal(["/new.txt"], root.GetProperty("missing").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["/日本語.txt"], root.GetProperty("extra").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["joliet", "rock-ridge", "primary"], root.GetProperty("trees").EnumerateArray().Select(e => e.GetString()));
        var different = root.GetProperty("different").EnumerateArray()
            .Select(d => (d.GetProperty("path").GetString(), d.GetProperty("offset").GetInt64(), d.GetProperty("expectedSize").GetInt64(), d.GetProperty("actualSize").GetInt64()))
            .ToList();
        Assert.Equal([("/exactly-2049.bin", 2000L, 2000L, 2049L), ("/large/random-3MiB.bin", 1_234_567L, 3_145_745L, 3_145_745L)], different);

        MasterAwkward();
        var equal = Discmaster.Run("verify", _tree.Image, _tree.Source, "--json");
        equal.AssertSucceeded();
        Assert.True(JsonDocument.Parse(equal.Output).RootElement.GetProperty("equal").GetBoolean());
    }

    [Fact]
    public void GraftPoints_AreVerifiedWhereTheyGo()
    {
        var readme = _tree.File("readme.txt", "read me");
        _tree.File("bin/run.sh", "echo run");
        string[] sources = ["docs/Read Me.txt=" + readme, "tools=" + Path.Combine(_tree.Source, "bin")];
        Discmaster.Run(["image", .. sources, "-o", _tree.Image, "--progress", "none"], environment: null).AssertSucceeded();

        Discmaster.Run(["verify", _tree.Image, .. sources], environment: null).AssertSucceeded();

        var moved = Discmaster.Run("verify", _tree.Image, "docs/readme.txt=" + readme, "tools=" + Path.Combine(_tree.Source, "bin"));
        Assert.Equal(1, moved.ExitCode);
        Assert.Contains("missing from the image: /docs/readme.txt", Lines(moved.Output));
        Assert.Contains("extra on the image: /docs/Read Me.txt", Lines(moved.Output));
    }

    [Fact]
    public void TreeOptions_ShapeTheExpectedTree_AsImageTakesThem()
    {
        _tree.File(new string('n', 80) + ".txt", "long");
        Discmaster.Run("image", _tree.Source, "-o", _tree.Image, "--joliet-long", "--progress", "none").AssertSucceeded();

        Discmaster.Run("verify", _tree.Image, _tree.Source).AssertFailedWith("DM2002");
        Discmaster.Run("verify", _tree.Image, _tree.Source, "--joliet-long").AssertSucceeded();
    }

    [Fact]
    public void SourcesAndARecorder_AreAnInvalidCombination()
    {
        _tree.File("a.txt");
        Discmaster.Run("image", _tree.Source, "-o", _tree.Image, "--progress", "none").AssertSucceeded();

        Discmaster.Run("verify", _tree.Image, _tree.Source, "--recorder", "stdio:" + Path.Combine(_tree.Root, "drive.bin")).AssertFailedWith("DM1000");
        Discmaster.Run("verify", _tree.Image, _tree.Source, "--start-block", "0").AssertFailedWith("DM1000");
        Discmaster.Run("verify", _tree.Image).AssertFailedWith("DM1000");
        Discmaster.Run("verify", _tree.Image, "--recorder", "stdio:" + Path.Combine(_tree.Root, "drive.bin"), "--json").AssertFailedWith("DM1000");
    }

    [Fact]
    public void AMissingSource_IsDM1001_AndAnUnreadableImage_IsTheReadersCode()
    {
        _tree.File("a.txt");
        Discmaster.Run("image", _tree.Source, "-o", _tree.Image, "--progress", "none").AssertSucceeded();

        Discmaster.Run("verify", _tree.Image, Path.Combine(_tree.Root, "nowhere")).AssertFailedWith("DM1001");
        Discmaster.Run("verify", Path.Combine(_tree.Root, "nowhere.iso"), _tree.Source).AssertFailedWith("DM1006");
        var notAnImage = _tree.File("not.iso", new string('x', 40_000));
        Discmaster.Run("verify", notAnImage, _tree.Source).AssertFailedWith("DM2010");
    }

    [Fact]
    public void Help_SaysFindingsAreNotErrors()
    {
        var run = Discmaster.Run("verify", "--help");

        run.AssertSucceeded();
        Assert.Contains("Findings are not errors of the tool", run.Output);
        Assert.Contains("--json", run.Output);
        Assert.Contains("--recorder", run.Output);
    }

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    private void MasterAwkward()
    {
        if (!File.Exists(Path.Combine(_tree.Source, "Readme.TXT")))
        {
            AwkwardTree.Create(_tree.Source);
        }

        Discmaster.Run("image", _tree.Source, "-o", _tree.Image, "--progress", "none").AssertSucceeded();
    }

    /// <summary>One file added, one removed, one cut short and one byte changed.</summary>
    private void ChangeSources()
    {
        _tree.File("new.txt", "new");
        File.Delete(Path.Combine(_tree.Source, "日本語.txt"));
        using (var file = File.OpenWrite(Path.Combine(_tree.Source, "exactly-2049.bin")))
        {
            file.SetLength(2000);
        }

        var large = Path.Combine(_tree.Source, "large", "random-3MiB.bin");
        var bytes = File.ReadAllBytes(large);
        bytes[1_234_567] ^= 0x40;
        File.WriteAllBytes(large, bytes);
    }
}
