using System.Text;
using System.Text.RegularExpressions;
using DiscMastering.Imapi.Extraction;
using DiscMastering.Imapi.Iso9660.Reading;
using DiscMastering.Imapi.Tests.TestSupport;

namespace DiscMastering.Imapi.Tests.Iso9660.Reading;

/// <summary>Rock Ridge as genisoimage and xorriso write it, read back and checked against xorriso's own reading.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed partial class RockRidgeReadTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void GenisoimageRockRidgeTreeReadsBackAsTheSourceTree()
    {
        ReferenceImages.WriteRockRidgeTree(_temp.Source);
        var image = ReferenceImages.MakeGenisoimageRockRidge(_temp.Source, _temp.Path("rr.iso"));

        using var reader = IsoImageReader.Open(image);
        Assert.True(reader.HasRockRidge);
        Assert.Null(reader.Joliet);
        Assert.Equal(IsoTree.RockRidge, reader.DefaultTree);
        Assert.Contains("RRIP_1991A", reader.RockRidgeExtensions);
        var entries = reader.Walk(IsoTree.RockRidge).ToList();

        // Exactly the source's paths: the deep folder in its place, no rr_moved.
        Assert.Equal(SourcePaths(_temp.Source), entries.Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(entries, e => e.Path.Contains("rr_moved", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(reader.Walk(IsoTree.Primary), e => e.Name == "RR_MOVED");

        // xorriso reads the same tree, with the same modes and link target (it shows rr_moved, empty, too).
        var xorriso = XorrisoListing(image).Where(l => l.Key != "/rr_moved").ToDictionary();
        Assert.Equal(xorriso.Keys.Order(StringComparer.Ordinal), entries.Select(e => e.Path).Order(StringComparer.Ordinal));
        foreach (var entry in entries)
        {
            Assert.Equal(xorriso[entry.Path], entry.Posix!.Symbolic + (entry.LinkTarget is { } target ? " -> " + target : ""));
        }

        var run = entries.Single(e => e.Path == "/run.sh");
        Assert.Equal("-rwxr-xr-x", run.Posix!.Symbolic);
        Assert.Equal((UnixFileMode)0b111_101_101, run.Posix.Permissions);
        Assert.Equal("-r--r--r--", entries.Single(e => e.Path == "/readonly.txt").Posix!.Symbolic);
        var link = entries.Single(e => e.Path == "/link");
        Assert.True(link.IsSymbolicLink);
        Assert.Equal("d1/d2/../d2/d3", link.LinkTarget);
        Assert.Equal("lrwxrwxrwx", link.Posix!.Symbolic);
        Assert.Contains(entries, e => e.Name == ReferenceImages.LongName && e.Length == 4);
        Assert.Contains(entries, e => e.Name == "MixedCase Name.Txt");
        var deep = entries.Single(e => e.Path == "/" + ReferenceImages.DeepFolder);
        Assert.True(deep.IsDirectory);
        Assert.Equal("drwxr-xr-x", deep.Posix!.Symbolic);
        var deepFile = entries.Single(e => e.Path == "/" + ReferenceImages.DeepFolder + "/deep.txt");
        Assert.Equal("deep down", Encoding.ASCII.GetString(ReadingAssert.ReadAll(reader, deepFile)));

        // TF: genisoimage records modification, access and attribute-change times in the short form.
        var sourceTime = File.GetLastWriteTimeUtc(Path.Combine(_temp.Source, "run.sh"));
        Assert.Equal(new DateTimeOffset(sourceTime.AddTicks(-(sourceTime.Ticks % TimeSpan.TicksPerSecond))), run.Times!.Modified);
        Assert.NotNull(run.Times.Accessed);
        Assert.Equal(run.Times.Modified, run.Modified);

        // The 200-byte name needs a continuation area: the image holds CE entries.
        Assert.NotEmpty(ReferenceImages.FindAll(image, "CE\x1c\x01"u8));
        Assert.Equal("/" + ReferenceImages.LongName, reader.Find("/" + ReferenceImages.LongName, IsoTree.RockRidge)?.Path);
    }

    [Fact]
    public void ExtractingTheRockRidgeTreeGivesTheSourceTree()
    {
        ReferenceImages.WriteRockRidgeTree(_temp.Source);
        var image = ReferenceImages.MakeGenisoimageRockRidge(_temp.Source, _temp.Path("rr.iso"));
        var target = _temp.Path("extracted");

        var summary = ImageExtractor.Extract(image, target, new ExtractionOptions());

        Assert.Equal(ExtractionTree.RockRidge, summary.Tree);
        Assert.Equal(SourcePaths(_temp.Source), SourcePaths(target));
        Assert.Equal("d1/d2/../d2/d3", new FileInfo(Path.Combine(target, "link")).LinkTarget);
        Assert.Equal((UnixFileMode)0b111_101_101, File.GetUnixFileMode(Path.Combine(target, "run.sh")));
        Assert.Equal((UnixFileMode)0b100_100_100, File.GetUnixFileMode(Path.Combine(target, "readonly.txt")));
        Assert.Equal("deep down", File.ReadAllText(Path.Combine(target, ReferenceImages.DeepFolder, "deep.txt")));
        Assert.Equal("long", File.ReadAllText(Path.Combine(target, ReferenceImages.LongName)));
    }

    [Fact]
    public void XorrisoRockRidgeAndJolietKeepsJolietAsDefault()
    {
        ReferenceImages.WriteRockRidgeTree(_temp.Source);
        var image = ReferenceImages.MakeXorrisoRockRidgeJoliet(_temp.Source, _temp.Path("rrj.iso"));

        using var reader = IsoImageReader.Open(image);
        Assert.True(reader.HasRockRidge);
        Assert.NotNull(reader.Joliet);
        Assert.Equal(IsoTree.Joliet, reader.DefaultTree);
        Assert.Equal(ExtractionTree.Joliet, ImageExtractor.RichestTree(reader));

        // xorriso keeps deep folders in place (no relocation) and records the link in Rock Ridge only.
        var rockRidge = reader.Walk(IsoTree.RockRidge).ToList();
        Assert.Equal(SourcePaths(_temp.Source), rockRidge.Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.Equal("d1/d2/../d2/d3", rockRidge.Single(e => e.Path == "/link").LinkTarget);
        Assert.Equal("-rwxr-xr-x", rockRidge.Single(e => e.Path == "/run.sh").Posix!.Symbolic);
        Assert.All(reader.Walk(IsoTree.Joliet), e => Assert.Null(e.Posix));
    }

    /// <summary>Every path below <paramref name="root"/>, links not followed, sorted: "/a", "/a/b".</summary>
    private static List<string> SourcePaths(string root)
    {
        var paths = new List<string>();
        var pending = new Stack<string>([root]);
        while (pending.Count > 0)
        {
            foreach (var path in Directory.EnumerateFileSystemEntries(pending.Pop()))
            {
                paths.Add("/" + Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/'));
                if (Directory.Exists(path) && new FileInfo(path).LinkTarget is null)
                {
                    pending.Push(path);
                }
            }
        }

        return [.. paths.Order(StringComparer.Ordinal)];
    }

    /// <summary>xorriso's own reading of the Rock Ridge tree: path to "mode" or "mode -> target", from -find -exec lsdl.</summary>
    private static Dictionary<string, string> XorrisoListing(string image)
    {
        var result = ExternalTool.Xorriso.RunChecked(["-indev", image, "-find", "/", "-exec", "lsdl"]);
        var listing = new Dictionary<string, string>();
        foreach (var line in result.StdOut.Split('\n'))
        {
            var match = LsdlLine().Match(line);
            if (match.Success && match.Groups["path"].Value != "/")
            {
                var target = match.Groups["target"].Success ? " -> " + match.Groups["target"].Value : "";
                listing[match.Groups["path"].Value] = match.Groups["mode"].Value + target;
            }
        }

        Assert.True(listing.Count > 5, $"xorriso listed too little:\n{result.Transcript()}");
        return listing;
    }

    [GeneratedRegex(@"^(?<mode>[-dlrwxsStT]{10})\s.*?'(?<path>/[^']*)'(?: -> '(?<target>[^']*)')?$")]
    private static partial Regex LsdlLine();
}
