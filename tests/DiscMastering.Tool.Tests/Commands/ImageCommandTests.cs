using System.Text.Json;
using DiscMastering.Tool.Tests.TestSupport;

namespace DiscMastering.Tool.Tests.Commands;

public class ImageCommandTests : IDisposable
{
    private readonly TempTree _tree = new();

    public ImageCommandTests()
        : this(Discmaster.Managed)
    {
    }

    protected ImageCommandTests(Discmaster discmaster) => Discmaster = discmaster;

    private Discmaster Discmaster { get; }

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void MastersAFolderAndPrintsTheSummary()
    {
        _tree.File("setup.exe", "program");
        _tree.File("docs/readme.txt", "read me");

        var run = Discmaster.Run("image", _tree.Source, "-o", _tree.Image, "--volume-label", "MyApp", "--progress", "plain");

        run.AssertSucceeded();
        Assert.Contains("Mastered 2 files in 1 folders into " + _tree.Image, run.Output);
        Assert.Equal(["disc.iso"], _tree.OutputFiles());
        var listing = ExternalTool.IsoInfo.RunChecked(["-i", _tree.Image, "-J", "-f"]).StdOut;
        Assert.Equal(["/docs", "/docs/readme.txt", "/setup.exe"], listing.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
        Assert.Contains("Volume id: MYAPP", ExternalTool.IsoInfo.RunChecked(["-i", _tree.Image, "-d"]).StdOut);
    }

    [Fact]
    public void PlacesGraftPointsAndFilesFromAResponseFile()
    {
        var autorun = Path.Combine(_tree.Root, "autorun.inf");
        File.WriteAllText(autorun, "[autorun]");
        var extra = Path.Combine(_tree.Root, "extra");
        Directory.CreateDirectory(extra);
        File.WriteAllText(Path.Combine(extra, "a b.txt"), "spaced");
        _tree.File("app.dll");
        var rsp = Path.Combine(_tree.Root, "args.rsp");
        File.WriteAllLines(rsp, ["image", "# sources", _tree.Source, autorun, "docs/more=" + extra, "-o", _tree.Image, "--progress", "none"]);

        var run = Discmaster.Run("@" + rsp);

        run.AssertSucceeded();
        var listing = ExternalTool.IsoInfo.RunChecked(["-i", _tree.Image, "-J", "-f"]).StdOut;
        Assert.Equal(["/app.dll", "/autorun.inf", "/docs", "/docs/more", "/docs/more/a b.txt"], listing.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void JsonProgressIsOneObjectPerLineEndingWithTheSummary()
    {
        _tree.File("a.txt");
        _tree.File("b/c.txt");

        var run = Discmaster.Run("image", _tree.Source, "-o", _tree.Image, "--progress", "json");

        run.AssertSucceeded();
        var events = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.All(events[..^1], e => Assert.Equal("progress", e.GetProperty("event").GetString()));
        Assert.Contains(events, e => e.GetProperty("event").GetString() == "progress" && e.GetProperty("phase").GetString() == "writing");
        var summary = events[^1];
        Assert.Equal("summary", summary.GetProperty("event").GetString());
        Assert.Equal(2, summary.GetProperty("files").GetInt32());
        Assert.Equal(1, summary.GetProperty("folders").GetInt32());
        Assert.Equal(new FileInfo(_tree.Image).Length, summary.GetProperty("imageBytes").GetInt64());
    }

    [Fact]
    public void SameBytesUnderSourceDateEpochAfterEveryFileIsTouched()
    {
        _tree.File("a.txt", "alpha");
        _tree.File("sub/b.txt", "beta");
        var epoch = new Dictionary<string, string?> { ["SOURCE_DATE_EPOCH"] = "1700000000" };
        var first = Path.Combine(_tree.Output, "first.iso");
        var second = Path.Combine(_tree.Output, "second.iso");

        Discmaster.Run(["image", _tree.Source, "-o", first], epoch).AssertSucceeded();
        foreach (var path in Directory.EnumerateFileSystemEntries(_tree.Source, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(5));
        }

        Discmaster.Run(["image", _tree.Source, "-o", second], epoch).AssertSucceeded();

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
    }

    [Fact]
    public void CreatesAMissingOutputFolder()
    {
        _tree.File("a.txt");
        var image = Path.Combine(_tree.Output, "new", "deeper", "x.iso");

        Discmaster.Run("image", _tree.Source, "-o", image).AssertSucceeded();

        Assert.True(File.Exists(image));
    }

    [Fact]
    public void RemovesTemporaryFilesLeftByAKilledRun()
    {
        _tree.File("a.txt");
        Directory.CreateDirectory(_tree.Output);
        var abandoned = Path.Combine(_tree.Output, ".disc.iso.999999.discmaster.tmp");
        File.WriteAllText(abandoned, "partial");

        Discmaster.Run("image", _tree.Source, "-o", _tree.Image).AssertSucceeded();

        Assert.Equal(["disc.iso"], _tree.OutputFiles());
    }

    [Fact]
    public void HelpNamesEveryOption()
    {
        var run = Discmaster.Run("image", "--help");

        run.AssertSucceeded();
        foreach (var option in new[] { "--output", "--volume-label", "--media", "--joliet-long", "--progress", "disc/path=local/path", "SOURCE_DATE_EPOCH" })
        {
            Assert.Contains(option, run.Output);
        }
    }
}
