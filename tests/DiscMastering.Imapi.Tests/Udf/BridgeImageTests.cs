using System.Security.Cryptography;
using System.Text.Json;
using DiscMastering.Imapi.Iso9660;
using DiscMastering.Imapi.Iso9660.Reading;
using DiscMastering.Imapi.Tests.TestSupport;
using DiscMastering.Imapi.Udf.Reading;
using Xunit.Abstractions;

namespace DiscMastering.Imapi.Tests.Udf;

/// <summary>
/// A UDF bridge image of the awkward tree read by udfinfo, 7-Zip (which reads UDF first), pycdlib (through UDF
/// and ISO 9660 alike), isoinfo and this engine's own readers: every tree holds every file, over the same data.
/// </summary>
public sealed class BridgeImageTests(BridgeImageFixture image, ITestOutputHelper log) : IClassFixture<BridgeImageFixture>
{
    /// <summary>pycdlib: has_udf(), then every file read by its UDF path, as one JSON object per line.</summary>
    private const string PycdlibUdf = """
        import hashlib, io, json, sys
        try:
            import pycdlib
        except ImportError:
            print("pycdlib not found: apt-get install python3-pycdlib", file=sys.stderr)
            sys.exit(3)
        iso = pycdlib.PyCdlib()
        iso.open(sys.argv[1])
        print(json.dumps({"has_udf": iso.has_udf(), "has_joliet": iso.has_joliet(), "has_rock_ridge": iso.has_rock_ridge() is not None}))
        for root, dirs, files in iso.walk(udf_path="/"):
            base = root.rstrip("/")
            for d in dirs:
                print(json.dumps({"path": base + "/" + d, "dir": True}))
            for f in files:
                data = io.BytesIO()
                iso.get_file_from_iso_fp(data, udf_path=base + "/" + f)
                print(json.dumps({"path": base + "/" + f, "dir": False, "sha256": hashlib.sha256(data.getvalue()).hexdigest()}))
        iso.close()
        """;

    [Fact]
    public void UdfInfo_ReportsRevisionLabelCounts_AndTheBridgeLayout()
    {
        var info = UdfTools.Info(image.ImagePath);
        Assert.Equal("1.02", info["udfrev"]);
        Assert.Equal("AWKWARD UDF", info["label"]);
        Assert.Equal(image.Tree.Files.Count.ToString(), info["numfiles"]);
        Assert.Equal(image.Tree.Directories.Count.ToString(), info["numdirs"]);
        Assert.Equal("closed", info["integrity"]);

        // udfinfo counts the ISO 9660 descriptors (16-18) into the recognition sequence that follows them (19-21).
        var blocks = new FileInfo(image.ImagePath).Length / 2048;
        var layout = UdfTools.UdfInfo.RunChecked([image.ImagePath]).StdOut;
        Assert.Contains("start=16, blocks=6, type=VRS", layout);
        Assert.Contains("start=22, blocks=16, type=MVDS", layout);
        Assert.Contains("start=256, blocks=1, type=ANCHOR", layout);
        Assert.Contains("start=257, ", layout);
        Assert.Contains($"start={blocks - 1}, blocks=1, type=ANCHOR", layout);
    }

    [Fact]
    public void IsoInfo_StillSeesJolietAndRockRidge_AndTheVolumeSizeIsTheFileSize()
    {
        var result = ExternalTool.IsoInfo.RunChecked(["-d", "-i", image.ImagePath]);
        Assert.Contains("Joliet with UCS level 3 found", result.StdOut);
        Assert.Contains("Rock Ridge signatures version 1 found", result.StdOut);
        Assert.Contains($"Volume size is: {new FileInfo(image.ImagePath).Length / 2048}", result.StdOut);
    }

    [Fact]
    public void SevenZip_ReadsTheUdfTree_EveryFileByteForByte()
    {
        var listing = ExternalTool.SevenZip.RunChecked(["l", "-slt", image.ImagePath]);
        Assert.Contains("Type = Udf", listing.StdOut);

        var output = image.NewWorkFolder("7z");
        SevenZipReader.ExtractWithoutComplaint(image.ImagePath, output);
        ExtractedTree.AssertMatches(output, image.Tree, node => node.DiscPath);
    }

    [Fact]
    public void Pycdlib_FindsUdf_AndReadsEveryFileThroughIt()
    {
        var result = ExternalTool.Python.Run(["-c", PycdlibUdf, image.ImagePath]);
        Assert.True(result.ExitCode == 0, $"{result.CommandLine} exited with {result.ExitCode}\n{result.Transcript()}");
        var lines = result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using (var header = JsonDocument.Parse(lines[0]))
        {
            Assert.True(header.RootElement.GetProperty("has_udf").GetBoolean(), "pycdlib found no UDF");
            Assert.True(header.RootElement.GetProperty("has_joliet").GetBoolean(), "pycdlib found no Joliet");
            Assert.True(header.RootElement.GetProperty("has_rock_ridge").GetBoolean(), "pycdlib found no Rock Ridge");
        }

        var actual = lines.Skip(1).Select(line =>
        {
            using var json = JsonDocument.Parse(line);
            var path = json.RootElement.GetProperty("path").GetString()!;
            return json.RootElement.GetProperty("dir").GetBoolean() ? $"{path} dir" : $"{path} {json.RootElement.GetProperty("sha256").GetString()}";
        });
        var expected = image.Tree.Files.Select(f => $"{f.DiscPath} {Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f.LocalPath)))}")
            .Concat(image.Tree.Directories.Where(d => d.Parent is not null).Select(d => $"{d.DiscPath} dir"));
        Assert.Equal(DiscPaths.Sorted(expected), DiscPaths.Sorted(actual));
    }

    [Fact]
    public void EveryFile_HasTheSameDataInUdfAndInJoliet()
    {
        using var udf = UdfImageReader.Open(image.ImagePath);
        using var iso = IsoImageReader.Open(image.ImagePath);
        Assert.Equal("1.02", udf.Volume.Revision);
        var joliet = iso.Walk(IsoTree.Joliet).Where(e => !e.IsDirectory).ToDictionary(e => e.Path, StringComparer.Ordinal);
        var files = udf.Walk().Where(e => !e.IsDirectory).ToList();
        Assert.Equal(image.Tree.Files.Count, files.Count);
        foreach (var file in files)
        {
            var isoFile = joliet[file.Path];
            Assert.Equal(isoFile.Length, file.Length);
            if (file.Length > 0)
            {
                Assert.Equal((long)isoFile.Extent * 2048, file.Data.Ranges[0].Offset);
            }
        }
    }

    [Fact]
    public void Udf_CostsItsStructuresOnly_AndLeavesTheFileDataAlone()
    {
        var plain = new FileInfo(image.PlainImagePath).Length / 2048;
        var bridge = new FileInfo(image.ImagePath).Length / 2048;

        // Blocks 19-256 (recognition, descriptors, anchor), the file set (2), one File Entry per file and per
        // folder, each folder's identifiers, and the second anchor.
        var perNode = image.Tree.Files.Count + image.Tree.Directories.Count;
        log.WriteLine($"{image.Tree.Files.Count} files, {image.Tree.Directories.Count} folders: {plain} blocks plain, {bridge} with UDF (+{bridge - plain})");
        Assert.InRange(bridge - plain, 238 + 2 + perNode + image.Tree.Directories.Count + 1, 238 + 2 + perNode + (3 * image.Tree.Directories.Count) + 1);
    }

    [Fact]
    public void Stream_EqualsTheImageFile()
    {
        using var stream = ImageMaster.MasterToStream(image.Sources, image.Options);
        var streamed = new MemoryStream();
        var buffer = new byte[7777];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            streamed.Write(buffer, 0, read);
        }

        ExtractedTree.AssertSameBytes(File.ReadAllBytes(image.ImagePath), streamed.ToArray(), "the stream of a UDF bridge image");
    }

    [Fact]
    public void Stream_ServesUdfsFileSystemRegion_AtAnyOffset_InAnyOrder()
    {
        var file = File.ReadAllBytes(image.ImagePath);
        using var udf = UdfImageReader.Open(image.ImagePath);
        var start = (long)udf.Volume.PartitionStart * 2048;
        using var stream = ImageMaster.MasterToStream(image.Sources, image.Options);
        var random = new Random(7);
        var buffer = new byte[3000];
        for (var i = 0; i < 200; i++)
        {
            // Around the region and inside it, forwards and backwards, across its chunks' edges.
            var offset = start - 4096 + random.NextInt64(200 * 2048);
            stream.Position = offset;
            stream.ReadExactly(buffer);
            Assert.True(file.AsSpan((int)offset, buffer.Length).SequenceEqual(buffer), $"the stream differs from the file at {offset:N0}");
        }
    }

    [Fact]
    public void TwoRuns_UnderSourceDateEpoch_GiveTheSameBytes()
    {
        var again = Path.Combine(image.NewWorkFolder("again"), "again.iso");
        foreach (var file in Directory.EnumerateFiles(image.SourceRoot, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(3));
        }

        ImageMaster.MasterToFile(image.Sources, again, BridgeImageFixture.Bridge("AWKWARD UDF"));
        ExtractedTree.AssertSameBytes(File.ReadAllBytes(image.ImagePath), File.ReadAllBytes(again), "a second run of the same bridge image");
    }
}
