using DiscMastering.Imapi.Iso9660;
using DiscMastering.Imapi.Tests.TestSupport;
using DiscMastering.Imapi.Udf;

namespace DiscMastering.Imapi.Tests.Udf;

/// <summary>
/// A UDF-only image of the awkward tree read by udftools' udfinfo and by 7-Zip (which reads UDF before
/// anything else): revision, label, counts, every exact name and every byte.
/// </summary>
public sealed class UdfOnlyImageVerificationTests(UdfOnlyImageFixture image) : IClassFixture<UdfOnlyImageFixture>
{
    [Fact]
    public void UdfInfo_ReportsRevisionLabelAndCounts()
    {
        var info = UdfTools.Info(image.ImagePath);
        Assert.Equal("1.02", info["udfrev"]);
        Assert.Equal("AWKWARD UDF", info["label"]);
        Assert.Equal("AWKWARD UDF", info["lvid"]);
        Assert.Equal("AWKWARD UDF", info["vid"]);
        Assert.Equal("AWKWARD UDF", info["fsid"]);
        Assert.Equal("*DiscMastering", info["impid"]);
        Assert.Equal("2048", info["blocksize"]);
        Assert.Equal(image.Tree.Files.Count.ToString(), info["numfiles"]);
        Assert.Equal(image.Tree.Directories.Count.ToString(), info["numdirs"]);
        Assert.Equal("closed", info["integrity"]);
        Assert.Equal("readonly", info["accesstype"]);
        Assert.Equal((new FileInfo(image.ImagePath).Length / 2048).ToString(), info["blocks"]);
    }

    [Fact]
    public void UdfInfo_ShowsTheLayoutOfBothAnchors()
    {
        var result = UdfTools.UdfInfo.RunChecked([image.ImagePath]);
        var blocks = new FileInfo(image.ImagePath).Length / 2048;
        Assert.Contains("start=16, blocks=3, type=VRS", result.StdOut);
        Assert.Contains("start=19, blocks=16, type=MVDS", result.StdOut);
        Assert.Contains("start=35, blocks=16, type=RVDS", result.StdOut);
        Assert.Contains("start=256, blocks=1, type=ANCHOR", result.StdOut);
        Assert.Contains($"start={blocks - 1}, blocks=1, type=ANCHOR", result.StdOut);
        Assert.Contains("start=257, ", result.StdOut);
    }

    [Fact]
    public void LastBlockTaken_TheSecondAnchorGoesToTheLastBlockLess256_AndReadersFindIt()
    {
        using var temp = new TempDirectory();
        var source = temp.CreateDirectory("source");
        temp.WriteFile("source/file.txt", "after the anchor\n");
        var result = UdfOnlyImage.Write(source, temp.Combine("gpt.img"), new MasteringOptions { VolumeLabel = "GPT" }, lastBlockTaken: true);

        var udfinfo = UdfTools.UdfInfo.RunChecked([result.ImagePath]);
        Assert.Contains($"start={result.TotalBlocks - 257}, blocks=1, type=ANCHOR", udfinfo.StdOut);
        Assert.Equal("GPT", UdfTools.Info(result.ImagePath)["label"]);

        using (var patch = new UdfImagePatch(result))
        {
            patch.Block(UdfConstants.AnchorBlock)[20] ^= 0xFF;
        }

        using var reader = Imapi.Udf.Reading.UdfImageReader.Open(result.ImagePath);
        Assert.Equal(result.TotalBlocks - 257, reader.Volume.AnchorBlock);
        Assert.Equal("after the anchor\n"u8.ToArray(), UdfImageReaderTests.ReadAll(reader, reader.Find("/file.txt")!));
    }

    [Fact]
    public void SevenZip_ListsEveryPathWithItsSize_AsUdf()
    {
        var result = ExternalTool.SevenZip.RunChecked(["l", "-slt", image.ImagePath]);
        Assert.Contains("Type = Udf", result.StdOut);
        var expected = image.Tree.Files.Select(f => $"{f.DiscPath.TrimStart('/')} {f.Length}")
            .Concat(image.Tree.Directories.Where(d => d.Parent is not null).Select(d => $"{d.DiscPath.TrimStart('/')} dir"));
        var actual = SevenZipReader.Parse(result.StdOut).Select(e => e.IsFolder ? $"{e.Path} dir" : $"{e.Path} {e.Size}");
        Assert.Equal(DiscPaths.Sorted(expected), DiscPaths.Sorted(actual));
    }

    [Fact]
    public void SevenZip_ExtractsEveryFileByteForByte_UnderItsExactName()
    {
        var output = image.NewWorkFolder("7z");
        SevenZipReader.ExtractWithoutComplaint(image.ImagePath, output);
        ExtractedTree.AssertMatches(output, image.Tree, node => node.DiscPath);
    }

    [Fact]
    public void SmallExtents_GiveSeveralAllocationDescriptors_ThatReadersFollow()
    {
        using var temp = new TempDirectory();
        var source = temp.CreateDirectory("source");
        var content = new byte[(5 * 4096) + 100];
        new Random(5).NextBytes(content);
        temp.WriteFile("source/several extents.bin", content);
        temp.WriteFile("source/one extent.bin", content.AsSpan(0, 4096).ToArray());
        var result = UdfOnlyImage.Write(source, temp.Combine("extents.img"), new MasteringOptions { VolumeLabel = "EXTENTS" }, maxExtentLength: 4096);

        var entry = File.ReadAllBytes(result.ImagePath).AsSpan(
            (int)(result.Layout.FileSystemBlock + result.Layout.FileEntryBlock(result.Tree.Files.Single(f => f.Name == "several extents.bin"))) * 2048, 2048);
        Assert.Equal(6 * ShortAd.Size, BitConverter.ToInt32(entry[FileEntry.FieldLocations.AllocationDescriptorsLength..]));

        UdfTools.Info(result.ImagePath);
        var output = temp.CreateDirectory("out");
        ExternalTool.SevenZip.RunChecked(["x", "-y", "-o" + output, result.ImagePath]);
        ExtractedTree.AssertMatches(output, result.Tree, node => node.DiscPath);
    }
}
