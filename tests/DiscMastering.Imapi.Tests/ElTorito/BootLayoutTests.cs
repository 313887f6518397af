using System.Buffers.Binary;
using DiscMastering.Imapi.ElTorito;
using DiscMastering.Imapi.Iso9660;
using DiscMastering.Imapi.Sources;
using DiscMastering.Imapi.Tests.TestSupport;

namespace DiscMastering.Imapi.Tests.ElTorito;

/// <summary>Where a bootable layout puts the descriptors, the catalog and the backup GPT, read from the image's bytes.</summary>
public sealed class BootLayoutTests : IDisposable
{
    private readonly BootTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void Descriptors_ArePrimaryBootRecordJolietTerminator_ThenTheCatalog_ThenThePathTables()
    {
        var image = Master(BootTree.Full());

        Assert.Equal([1, 0, 2, 255], new[] { 16, 17, 18, 19 }.Select(b => (int)image.Block(b)[0]));
        Assert.True(image.Block(17)[7..30].SequenceEqual("EL TORITO SPECIFICATION"u8), "the boot system identifier");
        Assert.Equal(20u, BinaryPrimitives.ReadUInt32LittleEndian(image.Block(17)[71..]));
        Assert.Equal(1, image.Block(20)[0]);
        Assert.Equal([0x55, 0xAA], image.Block(20)[30..32].ToArray());
        Assert.Equal(21u, image.Descriptor(16).TypeLPathTable);
    }

    [Fact]
    public void CatalogFile_PointsAtTheCatalogsBlock_InBothTrees()
    {
        var image = Master(BootTree.Full());

        foreach (var joliet in new[] { false, true })
        {
            var descriptor = image.Descriptor(joliet ? 18 : 16);
            var catalog = Assert.Single(image.ReadDirectory(descriptor.RootExtent, descriptor.RootDataLength, joliet), r => r.Identifier is "boot.catalog" or "BOOT.CAT;1");
            Assert.Equal(20u, catalog.Extent);
            Assert.Equal(2048u, catalog.DataLength);
        }
    }

    [Fact]
    public void VolumeSpaceSize_CountsTheBackupGpt_WhoseHeaderIsTheLastSector()
    {
        var image = Master(BootTree.Full());
        var sectors = image.Bytes.LongLength / 512;

        Assert.Equal((uint)image.BlockCount, image.Descriptor(16).VolumeSpaceSize);
        Assert.Equal((uint)image.BlockCount, image.Descriptor(18).VolumeSpaceSize);
        var backup = image.Bytes.AsSpan((int)((sectors - 1) * 512), 512);
        Assert.True(backup[..8].SequenceEqual("EFI PART"u8));
        Assert.Equal((ulong)(sectors - 1), BinaryPrimitives.ReadUInt64LittleEndian(backup[24..]));
        Assert.Equal(1ul, BinaryPrimitives.ReadUInt64LittleEndian(backup[32..]));
        Assert.Equal((ulong)(sectors - 33), BinaryPrimitives.ReadUInt64LittleEndian(backup[72..]));
    }

    [Fact]
    public void WithoutBootOptions_TheLayoutIsAsBefore()
    {
        var image = Master(null);

        Assert.Equal([1, 2, 255], new[] { 16, 17, 18 }.Select(b => (int)image.Block(b)[0]));
        Assert.Equal(19u, image.Descriptor(16).TypeLPathTable);
    }

    private IsoImage Master(BootOptions? boot)
    {
        var path = Path.Combine(_tree.Output, Guid.NewGuid().ToString("N") + ".iso");
        ImageMaster.MasterToFile(_tree.Sources, path, new MasteringOptions { VolumeLabel = "LAYOUT", Boot = boot });
        return new IsoImage(path);
    }
}
