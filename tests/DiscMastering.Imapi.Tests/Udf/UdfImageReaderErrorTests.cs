using System.Buffers.Binary;
using DiscMastering.Imapi.Iso9660;
using DiscMastering.Imapi.Sources;
using DiscMastering.Imapi.Tests.TestSupport;
using DiscMastering.Imapi.Udf;
using DiscMastering.Imapi.Udf.Reading;

namespace DiscMastering.Imapi.Tests.Udf;

/// <summary>Damaged and foreign images fail with a DM code, quickly, never with garbage or a hang.</summary>
public sealed class UdfImageReaderErrorTests : IDisposable
{
    private readonly TempDirectory _temp = new("discmastering-udf-damage-");
    private readonly UdfOnlyImage.Result _image;

    public UdfImageReaderErrorTests()
    {
        var source = _temp.CreateDirectory("source");
        _temp.WriteFile("source/a/b/deep.txt", "deep\n");
        _temp.WriteFile("source/a/two-blocks.bin", new byte[4000]);
        _temp.WriteFile("source/top.txt", "top\n");
        _image = UdfOnlyImage.Write(source, _temp.Combine("image.img"), new MasteringOptions { VolumeLabel = "DAMAGE" });
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void MissingImage_IsImageNotFound()
    {
        var error = Assert.Throws<DiscMasteringException>(() => UdfImageReader.Open(_temp.Combine("missing.img")));
        Assert.Equal(DiscMasteringError.ImageNotFound, error.Error);
    }

    [Fact]
    public void Iso9660OnlyImage_HasNoUdfVolume()
    {
        var isoPath = _temp.Combine("plain.iso");
        ImageMaster.MasterToFile([new DiscSource("", _temp.Combine("source"))], isoPath, new MasteringOptions());
        var error = Assert.Throws<DiscMasteringException>(() => UdfImageReader.Open(isoPath));
        Assert.Equal(DiscMasteringError.NoUdfVolume, error.Error);
        Assert.StartsWith($"'{isoPath}' has no UDF anchor", error.Message);
    }

    [Fact]
    public void BothAnchorsDamaged_HasNoUdfVolume()
    {
        using (var patch = new UdfImagePatch(_image))
        {
            patch.Block(UdfConstants.AnchorBlock)[20] ^= 0xFF;
            patch.Block(_image.TotalBlocks - 1)[20] ^= 0xFF;
        }

        Assert.Equal(DiscMasteringError.NoUdfVolume, Assert.Throws<DiscMasteringException>(() => UdfImageReader.Open(_image.ImagePath)).Error);
    }

    [Fact]
    public void FirstAnchorDamaged_TheLastOneIsUsed()
    {
        using (var patch = new UdfImagePatch(_image))
        {
            patch.Block(UdfConstants.AnchorBlock)[20] ^= 0xFF;
        }

        using var reader = UdfImageReader.Open(_image.ImagePath);
        Assert.Equal(_image.TotalBlocks - 1, reader.Volume.AnchorBlock);
        Assert.Equal(5, reader.Walk().Count);
    }

    [Fact]
    public void MainSequenceDamaged_TheReserveOneIsUsed()
    {
        using (var patch = new UdfImagePatch(_image))
        {
            for (var i = 0; i < 6; i++)
            {
                patch.Block(_image.Layout.MainSequenceBlock + i)[0] ^= 0xFF;
            }
        }

        using var reader = UdfImageReader.Open(_image.ImagePath);
        Assert.Equal("DAMAGE", reader.Volume.LogicalVolumeIdentifier);
    }

    [Fact]
    public void BadFileSetDescriptorChecksum_IsDamaged()
    {
        using (var patch = new UdfImagePatch(_image))
        {
            patch.Block(_image.Layout.FileSystemBlock)[4] ^= 1;
        }

        AssertDamaged(() => UdfImageReader.Open(_image.ImagePath), "File Set Descriptor");
    }

    [Fact]
    public void DirectoryLoop_IsDamaged()
    {
        var a = _image.Tree.Directories.Single(d => d.Name == "a");
        var b = _image.Tree.Directories.Single(d => d.Name == "b");
        using (var patch = new UdfImagePatch(_image))
        {
            // a's identifiers: the parent entry (40 bytes), then "b": point it back at a's own File Entry.
            var stream = patch.DirectoryStream(a);
            var fid = stream[FileIdentifierDescriptor.CalcLength("")..];
            Assert.Equal("b", OstaUnicode.Decode(fid.Slice(38, fid[19])));
            BinaryPrimitives.WriteUInt32LittleEndian(fid[(20 + 4)..], _image.Layout.DirectoryEntryBlock(a));
            patch.Retag(fid, FileIdentifierDescriptor.CalcLength("b"));
            Assert.NotEqual(_image.Layout.DirectoryEntryBlock(a), _image.Layout.DirectoryEntryBlock(b));
        }

        using var reader = UdfImageReader.Open(_image.ImagePath);
        AssertDamaged(() => reader.Walk(), "directory loop");
    }

    [Fact]
    public void HugeFileLength_IsDamaged()
    {
        var file = _image.Tree.Files.Single(f => f.Name == "top.txt");
        using (var patch = new UdfImagePatch(_image))
        {
            var entry = patch.Entry(file);
            BinaryPrimitives.WriteUInt64LittleEndian(entry[FileEntry.FieldLocations.InformationLength..], 1UL << 62);
            patch.Retag(entry, FileEntry.HeaderLength + ShortAd.Size);
        }

        using var reader = UdfImageReader.Open(_image.ImagePath);
        AssertDamaged(() => reader.Walk(), "claims 4,611,686,018,427,387,904 bytes");
    }

    [Fact]
    public void HugeDirectoryLength_IsDamaged()
    {
        var a = _image.Tree.Directories.Single(d => d.Name == "a");
        using (var patch = new UdfImagePatch(_image))
        {
            var entry = patch.Entry(a);
            BinaryPrimitives.WriteUInt64LittleEndian(entry[FileEntry.FieldLocations.InformationLength..], 1UL << 40);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[FileEntry.HeaderLength..], 0x3FFF_F800);
            patch.Retag(entry, FileEntry.HeaderLength + ShortAd.Size);
        }

        using var reader = UdfImageReader.Open(_image.ImagePath);
        AssertDamaged(() => reader.Walk(), "'/a'");
    }

    [Fact]
    public void ExtentOutsideThePartition_IsDamaged()
    {
        var file = _image.Tree.Files.Single(f => f.Name == "top.txt");
        using (var patch = new UdfImagePatch(_image))
        {
            var entry = patch.Entry(file);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[(FileEntry.HeaderLength + 4)..], 0x7FFF_FFF0);
            patch.Retag(entry, FileEntry.HeaderLength + ShortAd.Size);
        }

        using var reader = UdfImageReader.Open(_image.ImagePath);
        AssertDamaged(() => reader.Walk(), "partition");
    }

    [Fact]
    public void AllocationExtentPointingAtItself_StopsAtTheBound()
    {
        var file = _image.Tree.Files.Single(f => f.Name == "two-blocks.bin");
        var dataBlock = _image.FileBlocks[file.Index] - _image.Layout.PartitionStart;
        using (var patch = new UdfImagePatch(_image))
        {
            // The file's data block becomes an Allocation Extent Descriptor (ECMA-167 4/14.5) whose one
            // descriptor continues at itself; the File Entry continues there.
            var aed = patch.Block(_image.FileBlocks[file.Index]);
            aed.Clear();
            BinaryPrimitives.WriteUInt32LittleEndian(aed[20..], ShortAd.Size);
            new ShortAd(2048, dataBlock, ExtentType.NextExtentOfDescriptors).WriteTo(aed[24..]);
            DescriptorTag.Write(aed[..(24 + ShortAd.Size)], TagIdentifier.AllocationExtentDescriptor, dataBlock);

            var entry = patch.Entry(file);
            new ShortAd(2048, dataBlock, ExtentType.NextExtentOfDescriptors).WriteTo(entry[FileEntry.HeaderLength..]);
            patch.Retag(entry, FileEntry.HeaderLength + ShortAd.Size);
        }

        using var reader = UdfImageReader.Open(_image.ImagePath);
        AssertDamaged(() => reader.Walk(), "more than 65,536 allocation descriptors");
    }

    [Fact]
    public void TruncatedImage_IsDamagedOrHasNoVolume_NeverAnIoError()
    {
        using (var file = new FileStream(_image.ImagePath, FileMode.Open))
        {
            file.SetLength((_image.Layout.FileSystemBlock + 2) * 2048L);
        }

        var error = Assert.Throws<DiscMasteringException>(() =>
        {
            using var reader = UdfImageReader.Open(_image.ImagePath);
            reader.Walk();
        });
        Assert.Contains(error.Error, new[] { DiscMasteringError.DamagedUdfImage, DiscMasteringError.NoUdfVolume });
    }

    private static void AssertDamaged(Func<object> action, string detail)
    {
        var error = Assert.Throws<DiscMasteringException>(action);
        Assert.Equal(DiscMasteringError.DamagedUdfImage, error.Error);
        Assert.Contains(detail, error.Message);
    }
}
