using System.Buffers.Binary;
using DiscMastering.Imapi.ElTorito;
using DiscMastering.Imapi.Iso9660;
using DiscMastering.Imapi.Tests.TestSupport;

namespace DiscMastering.Imapi.Tests.ElTorito;

/// <summary>Both sinks give the same bootable bytes, run after run; the boot options alone and the large-file path.</summary>
public sealed class BootImageTests : IDisposable
{
    private readonly BootTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void Stream_EqualsTheImageFile_WithEveryBootOption()
    {
        var mbr = _tree.Combine("mbr.bin");
        File.WriteAllBytes(mbr, BootTree.Pattern(446));
        var options = BootTree.Options(BootTree.Full(mbr));
        var path = Path.Combine(_tree.Output, "file.iso");
        ImageMaster.MasterToFile(_tree.Sources, path, options);

        using var stream = ImageMaster.MasterToStream(_tree.Sources, options);
        var streamed = new MemoryStream();
        var buffer = new byte[777];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            streamed.Write(buffer, 0, read);
        }

        var image = File.ReadAllBytes(path);
        ExtractedTree.AssertSameBytes(image, streamed.ToArray(), "the stream of a bootable hybrid image");
        Assert.True(image.AsSpan(0, 446).SequenceEqual(BootTree.Pattern(446)), "446 bytes of code fill the MBR up to the partition records");
    }

    [Fact]
    public void TwoRuns_UnderSourceDateEpoch_GiveTheSameBytes()
    {
        var options = BootTree.Options(BootTree.Full());
        var first = Path.Combine(_tree.Output, "first.iso");
        var second = Path.Combine(_tree.Output, "second.iso");

        ImageMaster.MasterToFile(_tree.Sources, first, options);
        foreach (var file in Directory.EnumerateFiles(_tree.Source, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(3));
        }

        ImageMaster.MasterToFile(_tree.Sources, second, BootTree.Options(BootTree.Full()));

        ExtractedTree.AssertSameBytes(File.ReadAllBytes(first), File.ReadAllBytes(second), "a second run of the same bootable image");
    }

    [Fact]
    public void GptGuids_FollowTheLabel_NotChance()
    {
        var first = Path.Combine(_tree.Output, "a.iso");
        var second = Path.Combine(_tree.Output, "b.iso");

        ImageMaster.MasterToFile(_tree.Sources, first, BootTree.Options(BootTree.Full(), "ONE"));
        ImageMaster.MasterToFile(_tree.Sources, second, BootTree.Options(BootTree.Full(), "TWO"));

        // The disk GUID sits at byte 56 of the header at LBA 1.
        Assert.NotEqual(File.ReadAllBytes(first).AsSpan(512 + 56, 16).ToArray(), File.ReadAllBytes(second).AsSpan(512 + 56, 16).ToArray());
    }

    [Fact]
    public void LargeBiosImage_CopiedByTheKernel_IsPatchedInTheFileAndTheStream()
    {
        using var tree = new BootTree(biosLength: 600 * 1024);
        var source = File.ReadAllBytes(tree.BiosImage);
        var options = BootTree.Options(new BootOptions { BiosBootPath = BootTree.BiosPath });
        var path = Path.Combine(tree.Output, "large.iso");

        ImageMaster.MasterToFile(tree.Sources, path, options);
        using var stream = ImageMaster.MasterToStream(tree.Sources, options);

        var image = File.ReadAllBytes(path);
        var block = BinaryPrimitives.ReadUInt32LittleEndian(image.AsSpan((int)(CatalogBlock(image) * 2048) + 32 + 8));
        var copy = image.AsSpan((int)(block * 2048), source.Length);
        Assert.Equal(block, BinaryPrimitives.ReadUInt32LittleEndian(copy[12..]));
        Assert.Equal((uint)source.Length, BinaryPrimitives.ReadUInt32LittleEndian(copy[16..]));
        Assert.Equal(BootTree.BootInfoChecksum(source), BinaryPrimitives.ReadUInt32LittleEndian(copy[20..]));
        Assert.True(copy[64..].SequenceEqual(source.AsSpan(64)));
        Assert.Equal(source, File.ReadAllBytes(tree.BiosImage));

        // Read the table through the stream in pieces that split it.
        var table = new byte[64];
        stream.Position = (block * 2048L) + 3;
        Assert.Equal(20, stream.Read(table, 3, 20));
        Assert.Equal(41, stream.Read(table, 23, 41));
        Assert.Equal(copy[3..64].ToArray(), table[3..64]);
    }

    [Fact]
    public void OddLengthBiosImage_LikeGrubsEltoritoImg_GetsTheBootInfoTableXorrisoWrites()
    {
        var bytes = new byte[5001];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)((i * 31) + 7);
        }

        File.WriteAllBytes(_tree.BiosImage, bytes);
        var path = Path.Combine(_tree.Output, "odd.iso");
        var reference = Path.Combine(_tree.Output, "xorriso.iso");

        ImageMaster.MasterToFile(_tree.Sources, path, BootTree.Options(new BootOptions { BiosBootPath = BootTree.BiosPath }));
        ExternalTool.Xorriso.RunChecked(["-as", "mkisofs", "-quiet", "-o", reference, "-b", BootTree.BiosPath, "-no-emul-boot", "-boot-load-size", "4", "-boot-info-table", _tree.Source]);

        var ours = File.ReadAllBytes(path);
        var theirs = File.ReadAllBytes(reference);
        var ourCopy = ours.AsSpan((int)(BootImageBlock(ours) * 2048), bytes.Length);
        var theirCopy = theirs.AsSpan((int)(BootImageBlock(theirs) * 2048), bytes.Length);
        Assert.Equal((uint)BootImageBlock(ours), BinaryPrimitives.ReadUInt32LittleEndian(ourCopy[12..]));
        Assert.Equal(theirCopy[16..].ToArray(), ourCopy[16..].ToArray());
        Assert.Equal(theirCopy[..12].ToArray(), ourCopy[..12].ToArray());
    }

    [Fact]
    public void EfiImageAlone_IsTheDefaultEntry_ForUefi_AndLeavesTheSystemAreaEmpty()
    {
        var options = BootTree.Options(new BootOptions { EfiBootPath = BootTree.EfiPath, CatalogName = "BOOT.CAT" });
        var path = Path.Combine(_tree.Output, "efi.iso");

        ImageMaster.MasterToFile(_tree.Sources, path, options);

        var report = ExternalTool.Xorriso.RunChecked(["-indev", path, "-report_el_torito", "plain"]).StdOut;
        Assert.Matches(@"El Torito boot img :\s+1\s+UEFI\s+y\s+none\s+0x0000\s+0x00\s+2880\s+\d+", report);
        Assert.DoesNotContain("BIOS", report);
        Assert.Contains("El Torito cat path : /BOOT.CAT", report);
        Assert.True(File.ReadAllBytes(path).AsSpan(0, 16 * 2048).IndexOfAnyExcept((byte)0) < 0, "without --hybrid the System Area stays zero");
    }

    [Fact]
    public void BiosImageWithoutBootInfoTable_IsCopiedUnchanged_WithItsLoadSize()
    {
        var options = BootTree.Options(new BootOptions { BiosBootPath = BootTree.BiosPath, BootInfoTable = false, BootLoadSize = 1 });
        var path = Path.Combine(_tree.Output, "bios.iso");

        ImageMaster.MasterToFile(_tree.Sources, path, options);

        var image = File.ReadAllBytes(path);
        var report = ExternalTool.Xorriso.RunChecked(["-indev", path, "-report_el_torito", "plain"]).StdOut;
        Assert.Matches(@"El Torito boot img :\s+1\s+BIOS\s+y\s+none\s+0x0000\s+0x00\s+1\s+\d+", report);
        var block = BinaryPrimitives.ReadUInt32LittleEndian(image.AsSpan((int)(CatalogBlock(image) * 2048) + 32 + 8));
        Assert.True(image.AsSpan((int)(block * 2048), 2048).SequenceEqual(File.ReadAllBytes(_tree.BiosImage)));
    }

    [Theory]
    [InlineData(1_474_560, 2880)]
    [InlineData(65_535 * 512, 65_535)]
    [InlineData((65_535 * 512) + 1, 1)]
    [InlineData(100L << 20, 1)]
    public void EfiSectorCount_IsTheImagesSectors_WhenTheyFitIn16Bits(long length, int expected) =>
        Assert.Equal(expected, BootLayout.EfiSectorCount(length));

    private static long BootImageBlock(byte[] image) => BinaryPrimitives.ReadUInt32LittleEndian(image.AsSpan((int)(CatalogBlock(image) * 2048) + 32 + 8));

    private static long CatalogBlock(byte[] image) => BinaryPrimitives.ReadUInt32LittleEndian(image.AsSpan((17 * 2048) + 71));
}
