using System.Text.Json;
using DiscMastering.Imapi.Iso9660.Reading;
using DiscMastering.Imapi.Tests.TestSupport;
using DiscMastering.Tool.Tests.TestSupport;

namespace DiscMastering.Tool.Tests.Commands;

/// <summary>
/// <c>extract</c> end to end: the awkward tree round-trips with its dates, and hostile images (made with
/// pycdlib and patched) are refused with nothing written inside or outside the target folder.
/// </summary>
public class ExtractCommandTests : IDisposable
{
    private readonly TempTree _tree = new();

    public ExtractCommandTests()
        : this(Discmaster.Managed)
    {
    }

    protected ExtractCommandTests(Discmaster discmaster) => Discmaster = discmaster;

    private Discmaster Discmaster { get; }

    public void Dispose() => _tree.Dispose();

    private string Target => Path.Combine(_tree.Root, "target");

    [Fact]
    public void RoundTripsTheAwkwardTreeWithItsDates()
    {
        AwkwardTree.Create(_tree.Source);
        DateEverything(_tree.Source);
        Discmaster.Run("image", _tree.Source, "-o", _tree.Image, "--progress", "none").AssertSucceeded();

        var run = Discmaster.Run("extract", _tree.Image, "-o", Target, "--progress", "none");

        run.AssertSucceeded();
        ImageReaders.AssertSameTree(_tree.Source, Target, "extract");
        foreach (var source in Directory.EnumerateFileSystemEntries(_tree.Source, "*", SearchOption.AllDirectories))
        {
            var extracted = Path.Combine(Target, Path.GetRelativePath(_tree.Source, source));
            var expected = TruncateToSecond(File.GetLastWriteTimeUtc(source));
            Assert.True(expected == File.GetLastWriteTimeUtc(extracted), $"'{extracted}' is dated {File.GetLastWriteTimeUtc(extracted):O}, its source {expected:O}");
        }

        var files = AwkwardTree.Entries().Count(e => !e.IsDirectory);
        Assert.StartsWith($"Extracted {files} files in ", run.Output.Trim().Split('\n')[^1], StringComparison.Ordinal);
        Assert.Contains("(joliet names)", run.Output);
    }

    [Fact]
    public void GivenPathsExtractOnlyThem()
    {
        MasterSmallTree();

        Discmaster.Run("extract", _tree.Image, "-o", Target, "docs/sub", "/top.txt", "--progress", "none").AssertSucceeded();

        Assert.Equal(["docs/", "docs/sub/", "docs/sub/b.txt", "top.txt"], Entries(Target));
        Assert.Equal("b", File.ReadAllText(Path.Combine(Target, "docs", "sub", "b.txt")));
    }

    [Fact]
    public void MissingDiscPathIsRefused()
    {
        MasterSmallTree();

        var run = Discmaster.Run("extract", _tree.Image, "-o", Target, "docs/nothing");

        run.AssertFailedWith("DM2017");
        Assert.Contains("'docs/nothing'", run.Error);
        Assert.False(Directory.Exists(Target));
    }

    [Fact]
    public void PrimaryUsesIsoNamesWithoutVersions()
    {
        MasterSmallTree();

        var run = Discmaster.Run("extract", _tree.Image, "-o", Target, "--primary", "--progress", "none");

        run.AssertSucceeded();
        Assert.Equal(["DOCS/", "DOCS/A.TXT", "DOCS/SUB/", "DOCS/SUB/B.TXT", "OTHER/", "OTHER/C.TXT", "TOP.TXT"], Entries(Target));
        Assert.Contains("(primary names)", run.Output);
    }

    [Fact]
    public void ExistingFileIsReplacedOnlyWithOverwrite()
    {
        MasterSmallTree();
        Directory.CreateDirectory(Path.Combine(Target, "docs"));
        File.WriteAllText(Path.Combine(Target, "docs", "a.txt"), "mine");
        var before = Snapshot(_tree.Root);

        var refused = Discmaster.Run("extract", _tree.Image, "-o", Target);

        refused.AssertFailedWith("DM2014");
        Assert.Contains(Path.Combine(Target, "docs", "a.txt"), refused.Error);
        Assert.Equal(before, Snapshot(_tree.Root));

        Discmaster.Run("extract", _tree.Image, "-o", Target, "--overwrite", "--progress", "none").AssertSucceeded();
        Assert.Equal("a", File.ReadAllText(Path.Combine(Target, "docs", "a.txt")));
        Assert.DoesNotContain(Entries(Target), e => e.Contains(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void JsonProgressEndsWithTheSummary()
    {
        MasterSmallTree();

        var run = Discmaster.Run("extract", _tree.Image, "-o", Target, "--progress", "json");

        run.AssertSucceeded();
        var events = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.All(events[..^1], e => Assert.Equal("progress", e.GetProperty("event").GetString()));
        var summary = events[^1];
        Assert.Equal("summary", summary.GetProperty("event").GetString());
        Assert.Equal(4, summary.GetProperty("files").GetInt32());
        Assert.Equal(3, summary.GetProperty("folders").GetInt32());
        Assert.Equal(4, summary.GetProperty("bytes").GetInt64());
        Assert.Equal("joliet", summary.GetProperty("tree").GetString());
    }

    [Fact]
    public void MissingImageIsImageNotFound()
    {
        var run = Discmaster.Run("extract", Path.Combine(_tree.Root, "missing.iso"), "-o", Target);

        run.AssertFailedWith("DM1006");
        Assert.False(Directory.Exists(Target));
    }

    [Fact]
    public void NamesDifferingInCaseCollideOnlyWhereTheFileSystemIgnoresCase()
    {
        _tree.File("a.txt", "lower");
        _tree.File("A.TXT", "upper");
        if (Directory.GetFiles(_tree.Source).Length < 2)
        {
            return; // This file system cannot even hold the source.
        }

        Discmaster.Run("image", _tree.Source, "-o", _tree.Image, "--progress", "none").AssertSucceeded();

        var run = Discmaster.Run("extract", _tree.Image, "-o", Target, "--progress", "none");

        if (OperatingSystem.IsWindows() || OperatingSystem.IsMacOS())
        {
            run.AssertFailedWith("DM2016");
            Assert.False(Directory.Exists(Target));
        }
        else
        {
            run.AssertSucceeded();
            Assert.Equal("lower", File.ReadAllText(Path.Combine(Target, "a.txt")));
            Assert.Equal("upper", File.ReadAllText(Path.Combine(Target, "A.TXT")));
        }
    }

    [Theory]
    [InlineData("../x", "../x")]
    [InlineData("/etc/x", "/etc/x")]
    [InlineData("a/../../x", "a/../../x")]
    [InlineData("..\\x", "..\\x")]
    [InlineData("C:x", "C:x")]
    [InlineData("a\u0001b", "a\\u0001b")]
    [InlineData("..", "..")]
    public void HostileNameIsRefusedWithNothingWritten(string name, string shown)
    {
        var image = Path.Combine(_tree.Root, "hostile.iso");
        HostileImage.Create(image, name);
        using (var reader = IsoImageReader.Open(image))
        {
            Assert.Contains(reader.Walk(joliet: true), e => e.Name == name);
        }

        Directory.CreateDirectory(Target);
        File.WriteAllText(Path.Combine(Target, "keep.txt"), "mine");
        var before = Snapshot(_tree.Root);

        var run = Discmaster.Run("extract", image, "-o", Target);

        run.AssertFailedWith("DM2013");
        Assert.Contains($"named '{shown}'", run.Error);
        Assert.False(run.Error.Contains('\u0001'), "a control character of the name reached the terminal");
        Assert.Equal(before, Snapshot(_tree.Root));

        // The primary tree names the same file safely.
        Discmaster.Run("extract", image, "-o", Target, "--primary", "--progress", "none").AssertSucceeded();
        Assert.Equal(["AAA.TXT", "DOCS/", "DOCS/GOOD.TXT", "FILE0", "keep.txt"], Entries(Target));
    }

    [Theory]
    [InlineData(0x0010_0000u, null)]
    [InlineData(null, 0x7FFF_0000u)]
    public void FileBeyondTheImageIsRefusedWithNothingWritten(uint? extent, uint? length)
    {
        var image = Path.Combine(_tree.Root, "damaged.iso");
        HostileImage.CreateWithBadFile(image, extent, length);
        var before = Snapshot(_tree.Root);

        var run = Discmaster.Run("extract", image, "-o", Target);

        run.AssertFailedWith("DM2010");
        Assert.Contains("'/aaa.txt'", run.Error);
        Assert.Equal(before, Snapshot(_tree.Root));
    }

    [Fact]
    public void SymbolicLinkInTheTargetIsNotFollowed()
    {
        MasterSmallTree();
        var elsewhere = Directory.CreateDirectory(Path.Combine(_tree.Root, "elsewhere")).FullName;
        File.WriteAllText(Path.Combine(elsewhere, "secret.txt"), "secret");
        Directory.CreateDirectory(Target);
        Directory.CreateSymbolicLink(Path.Combine(Target, "docs"), elsewhere);
        File.CreateSymbolicLink(Path.Combine(Target, "top.txt"), Path.Combine(elsewhere, "secret.txt"));
        var before = Snapshot(_tree.Root);

        foreach (var overwrite in new[] { false, true })
        {
            var run = Discmaster.Run(["extract", _tree.Image, "-o", Target, .. overwrite ? new[] { "--overwrite" } : []], environment: null);

            run.AssertFailedWith("DM2015");
            Assert.Contains(Path.Combine(Target, "docs") + "' is a symbolic link", run.Error);
            Assert.Contains(Path.Combine(Target, "top.txt") + "' is a symbolic link", run.Error);
            Assert.Equal(before, Snapshot(_tree.Root));
            Assert.Equal("secret", File.ReadAllText(Path.Combine(elsewhere, "secret.txt")));
        }
    }

    /// <summary>docs/a.txt, docs/sub/b.txt, other/c.txt and top.txt, one byte each, mastered into the image.</summary>
    private void MasterSmallTree()
    {
        _tree.File("docs/a.txt", "a");
        _tree.File("docs/sub/b.txt", "b");
        _tree.File("other/c.txt", "c");
        _tree.File("top.txt", "t");
        Discmaster.Run("image", _tree.Source, "-o", _tree.Image, "--progress", "none").AssertSucceeded();
    }

    /// <summary>Gives every file and folder its own whole-second date, folders after their contents.</summary>
    private static void DateEverything(string root)
    {
        var date = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            date = date.AddHours(7).AddSeconds(13);
            File.SetLastWriteTimeUtc(file, date);
        }

        foreach (var folder in Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories).OrderByDescending(f => f.Length))
        {
            date = date.AddHours(5).AddSeconds(29);
            Directory.SetLastWriteTimeUtc(folder, date);
        }
    }

    private static DateTime TruncateToSecond(DateTime date) => new(date.Ticks - date.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);

    /// <summary>Relative paths below <paramref name="root"/>, folders ending in '/', '/'-separated and sorted.</summary>
    private static List<string> Entries(string root) => Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)
        .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/') + (Directory.Exists(p) ? "/" : ""))
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>Everything below <paramref name="root"/>, without following links: path, kind, size, date and link target.</summary>
    private static List<string> Snapshot(string root)
    {
        var entries = new List<string>();
        var pending = new Stack<string>([root]);
        while (pending.Count > 0)
        {
            foreach (var path in Directory.EnumerateFileSystemEntries(pending.Pop()))
            {
                var info = new FileInfo(path);
                var relative = Path.GetRelativePath(root, path);
                if (info.LinkTarget is { } link)
                {
                    entries.Add($"{relative} -> {link}");
                }
                else if (Directory.Exists(path))
                {
                    entries.Add($"{relative}/ {Directory.GetLastWriteTimeUtc(path):O}");
                    pending.Push(path);
                }
                else
                {
                    entries.Add($"{relative} {info.Length} {info.LastWriteTimeUtc:O}");
                }
            }
        }

        entries.Sort(StringComparer.Ordinal);
        return entries;
    }
}
