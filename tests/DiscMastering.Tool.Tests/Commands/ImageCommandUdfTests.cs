using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using DiscMastering.Imapi.Iso9660.Reading;
using DiscMastering.Imapi.Tests.TestSupport;
using DiscMastering.Imapi.Udf.Reading;
using DiscMastering.Tool.Tests.TestSupport;
using Xunit.Abstractions;

namespace DiscMastering.Tool.Tests.Commands;

/// <summary>
/// <c>image --udf</c>: a UDF bridge image, and a file of 5 GiB on it, whole in UDF and in several extents in
/// ISO 9660, read back by udfinfo, 7-Zip, xorriso, isoinfo, pycdlib and this engine's readers.
/// </summary>
public sealed partial class ImageCommandUdfTests(ITestOutputHelper log) : IDisposable
{
    private const long BigLength = 5L << 30;

    /// <summary>ECMA-119 9.1.6: every section but the last is 4 GiB less one block.</summary>
    private const long SectionLength = 0xFFFF_F800;

    private static readonly ExternalTool UdfInfo = new("udfinfo", "apt-get install udftools");
    private static readonly ExternalTool Genisoimage = new("genisoimage", "apt-get install genisoimage");
    private static readonly ExternalTool DiskUsage = new("du", "apt-get install coreutils");

    /// <summary>pycdlib: has_udf() and the UDF tree's paths, one a line.</summary>
    private const string PycdlibUdfWalk = """
        import sys, pycdlib
        iso = pycdlib.PyCdlib()
        iso.open(sys.argv[1])
        print("has_udf", iso.has_udf())
        for root, dirs, files in iso.walk(udf_path="/"):
            for name in dirs + files:
                print(root.rstrip("/") + "/" + name)
        iso.close()
        """;

    private readonly TempTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void FileOf5GiB_WithUdf_IsWholeInUdf_AndInSeveralExtentsInIso9660_AndEveryReaderReadsIt()
    {
        AwkwardTree.Create(_tree.Source);
        var expected = Path.Combine(_tree.Root, "expected");
        AwkwardTree.Create(expected);
        var big = Path.Combine(_tree.Source, "big.bin");
        var windows = new[] { 0L, SectionLength - (1 << 19), BigLength - (1 << 20) };
        using (var file = new FileStream(big, FileMode.CreateNew, FileAccess.Write))
        {
            // Sparse: the source costs no disk, and only these windows hold data.
            file.SetLength(BigLength);
            foreach (var offset in windows)
            {
                var bytes = new byte[1 << 20];
                new Random((int)(offset % 1000)).NextBytes(bytes);
                file.Position = offset;
                file.Write(bytes);
            }
        }

        var stopwatch = Stopwatch.StartNew();
        Discmaster.Managed.Run(["image", _tree.Source, "-o", _tree.Image, "--udf", "-V", "BIG UDF", "--progress", "none"], Epoch, TimeSpan.FromMinutes(10)).AssertSucceeded();
        log.WriteLine($"mastered {BigLength:N0} bytes with --udf in {stopwatch.Elapsed.TotalSeconds:F1} s");
        try
        {
            var imageLength = new FileInfo(_tree.Image).Length;
            Assert.InRange(imageLength, BigLength, BigLength + (16 << 20));

            // Never sparse: every block of the image is allocated, the source's holes too.
            var allocated = long.Parse(DiskUsage.RunChecked(["--block-size=1", _tree.Image]).StdOut.Split('\t')[0]);
            Assert.True(allocated >= imageLength, $"the image has holes: {allocated:N0} bytes allocated of {imageLength:N0}");

            var udfinfo = UdfInfo.RunChecked([_tree.Image]).StdOut;
            Assert.Contains("udfrev=1.02", udfinfo);
            Assert.Contains("label=BIG UDF", udfinfo);
            Assert.Contains("integrity=closed", udfinfo);

            var listing = ExternalTool.SevenZip.RunChecked(["l", "-slt", _tree.Image]).StdOut;
            Assert.Contains("Type = Udf", listing);
            Assert.Contains($"Path = big.bin\nFolder = -\nSize = {BigLength}", listing.Replace("\r", ""));

            // 7-Zip reads the rest of the tree through UDF, byte for byte.
            var extracted = Path.Combine(_tree.Root, "7z");
            ExternalTool.SevenZip.RunChecked(["x", "-y", "-o" + extracted, "-x!big.bin", _tree.Image]);
            ImageReaders.AssertSameTree(expected, extracted, "7z");

            // xorriso reads ISO 9660 (with Rock Ridge): the whole size from the records' sum.
            var lsl = ExternalTool.Xorriso.RunChecked(["-indev", _tree.Image, "-lsl", "/big.bin"]).StdOut;
            Assert.Matches($@"-r--r--r--\s+1\s+0\s+0\s+{BigLength}\s", lsl);

            // isoinfo lists the primary tree's two records: the first carries the multi-extent flag.
            var isoinfo = ExternalTool.IsoInfo.RunChecked(["-l", "-i", _tree.Image]).StdOut;
            var sections = BigRecord().Matches(isoinfo).Select(m => $"{m.Groups[1].Value} {(m.Groups[2].Value.StartsWith("FF", StringComparison.Ordinal) ? "multi-extent" : "last")}").ToList();
            Assert.Equal([$"{SectionLength} multi-extent", $"{BigLength - SectionLength} last"], sections);

            var pycdlib = ExternalTool.Python.RunChecked(["-c", PycdlibUdfWalk, _tree.Image]).StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("has_udf True", pycdlib[0]);
            Assert.Contains("/big.bin", pycdlib);
            Assert.Contains("/" + AwkwardTree.SixtyFourCharacterName, pycdlib);

            // The windows read back through UDF and through each ISO 9660 tree.
            using var udf = UdfImageReader.Open(_tree.Image);
            var udfFile = udf.Find("/big.bin")!;
            Assert.Equal(BigLength, udfFile.Length);
            Assert.Equal(6, udfFile.ExtentCount); // 5 GiB in short_ads of 1 GiB - 2 KiB
            using var iso = IsoImageReader.Open(_tree.Image);
            using var source = File.OpenRead(big);
            var readers = new (string Name, Stream Stream)[]
            {
                ("UDF", udf.OpenRead(udfFile)),
                ("Joliet", iso.OpenRead(iso.Find("/big.bin", IsoTree.Joliet)!)),
                ("Rock Ridge", iso.OpenRead(iso.Find("/big.bin", IsoTree.RockRidge)!)),
                ("primary", iso.OpenRead(iso.Find("/BIG.BIN", IsoTree.Primary)!)),
            };
            foreach (var (name, stream) in readers)
            {
                using (stream)
                {
                    Assert.Equal(BigLength, stream.Length);
                    foreach (var offset in windows.Append(SectionLength - 4096).Append((1L << 32) - 4096))
                    {
                        Assert.True(Window(source, offset).SequenceEqual(Window(stream, offset)), $"{name} read other bytes at {offset:N0}");
                    }
                }
            }
        }
        finally
        {
            File.Delete(_tree.Image);
        }
    }

    [Fact]
    public void FileOf5GiB_WithoutUdf_IsDM2007_NamingUdf_AndWritesNothing()
    {
        _tree.File("small.txt", "small");
        using (var file = new FileStream(Path.Combine(_tree.Source, "big.bin"), FileMode.CreateNew, FileAccess.Write))
        {
            file.SetLength(BigLength);
        }

        var run = Discmaster.Managed.Run("image", _tree.Source, "-o", _tree.Image, "--progress", "none");
        run.AssertFailedWith("DM2007");
        Assert.Contains("--udf", run.Error);
        Assert.Empty(_tree.OutputFiles());
    }

    [Fact]
    public void InspectUdf_ShowsTheUdfTree_AndJsonSaysTheImageHasUdf()
    {
        _tree.File("Mixed Case Name.txt", "hello");
        _tree.File("sub/inner.bin", "inner");
        Discmaster.Managed.Run(["image", _tree.Source, "-o", _tree.Image, "--udf", "-V", "Films", "--progress", "none"], Epoch).AssertSucceeded();

        var text = Discmaster.Managed.Run("inspect", _tree.Image, "--udf");
        text.AssertSucceeded();
        Assert.Contains("UDF: yes (revision 1.02, label Films)", text.Output);
        Assert.Contains("Files (UDF tree):", text.Output);
        Assert.Matches(@"\n  Mixed Case Name\.txt\s+5 bytes", text.Output);
        Assert.Matches(@"\n    inner\.bin\s+5 bytes", text.Output);

        var json = Discmaster.Managed.Run("inspect", _tree.Image, "--json");
        json.AssertSucceeded();
        using (var document = JsonDocument.Parse(json.Output))
        {
            Assert.True(document.RootElement.GetProperty("udf").GetBoolean());
            Assert.Equal("1.02", document.RootElement.GetProperty("udfRevision").GetString());
            Assert.Equal("Films", document.RootElement.GetProperty("udfLabel").GetString());
            Assert.Equal("joliet", document.RootElement.GetProperty("tree").GetString());
        }

        var udfJson = Discmaster.Managed.Run("inspect", _tree.Image, "--udf", "--json");
        using (var document = JsonDocument.Parse(udfJson.Output))
        {
            Assert.Equal("udf", document.RootElement.GetProperty("tree").GetString());
            var paths = document.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("path").GetString()).ToList();
            Assert.Equal(["/Mixed Case Name.txt", "/sub", "/sub/inner.bin"], paths.Order(StringComparer.Ordinal));
        }

        Discmaster.Managed.Run("verify", _tree.Image, _tree.Source, "--udf").AssertSucceeded();

        // A plain image has no UDF: --udf says so, and JSON says false.
        var plain = Path.Combine(_tree.Output, "plain.iso");
        Discmaster.Managed.Run("image", _tree.Source, "-o", plain, "--progress", "none").AssertSucceeded();
        Discmaster.Managed.Run("inspect", plain, "--udf").AssertFailedWith("DM1000");
        using var plainJson = JsonDocument.Parse(Discmaster.Managed.Run("inspect", plain, "--json").Output);
        Assert.False(plainJson.RootElement.GetProperty("udf").GetBoolean());
    }

    [Fact]
    public void WithoutJolietOrRockRidge_TheUdfTreeIsTheDefault()
    {
        // genisoimage -udf without -J or -R: a bridge image whose ISO 9660 side has only the primary tree.
        _tree.File("Exact Name.txt", "x");
        Directory.CreateDirectory(_tree.Output);
        Genisoimage.RunChecked(["-quiet", "-udf", "-o", _tree.Image, _tree.Source]);

        var text = Discmaster.Managed.Run("inspect", _tree.Image);
        text.AssertSucceeded();
        Assert.Contains("Files (UDF tree) (the image has neither Joliet nor Rock Ridge):", text.Output);
        Assert.Contains("  Exact Name.txt", text.Output);
        Assert.Contains("Joliet: no", text.Output);
    }

    private static Dictionary<string, string?> Epoch => new() { ["SOURCE_DATE_EPOCH"] = "1700000000" };

    private static byte[] Window(Stream stream, long offset)
    {
        var bytes = new byte[1 << 20];
        stream.Position = offset;
        stream.ReadExactly(bytes);
        return SHA256.HashData(bytes);
    }

    /// <summary>isoinfo's line of a BIG.BIN;1 record: its size and flags (printed sign-extended and cut short, "FFFF" for 0x80).</summary>
    [GeneratedRegex(@"^-+\s+\S+\s+\S+\s+\S+\s+(\d+) .*\[\s*\d+ ([0-9A-F]+)\]?\s+BIG\.BIN;1 *$", RegexOptions.Multiline)]
    private static partial Regex BigRecord();
}
