using DiscMastering.Imapi.ElTorito;
using DiscMastering.Imapi.Iso9660;
using DiscMastering.Imapi.Sources;
using DiscMastering.Imapi.Tests.TestSupport;
using DiscMastering.Imapi.Udf;

namespace DiscMastering.Imapi.Tests.Udf;

/// <summary>Where <see cref="DiscLayout"/> puts UDF's regions in a bridge image, and that block 256 is the anchor's alone.</summary>
public sealed class BridgeLayoutTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(3, 2)]
    [InlineData(400, 40)]
    public void UdfRegions_FollowTheTerminator_TheAnchorAt256_AndIso9660MetadataAfterTheFileSystem(int files, int folders)
    {
        var layout = Layout(files, folders, udf: true);
        var udf = layout.Udf!;

        Assert.Equal(layout.TerminatorBlock + 1, udf.RecognitionBlock);
        Assert.Equal(udf.RecognitionBlock + UdfLayout.RecognitionBlocks, udf.DescriptorBlock);
        Assert.Equal(UdfConstants.AnchorBlock + 1, udf.FileSystemBlock);

        // Every ISO 9660 structure after the descriptors lies after UDF's file system, so none is on block 256.
        foreach (var space in new[] { layout.Primary, layout.Joliet })
        {
            Assert.True(space.TypeLPathTable >= udf.FileSystemEnd && space.TypeMPathTable >= udf.FileSystemEnd);
            Assert.All(space.InPathTableOrder, d => Assert.True(d.Extent >= udf.FileSystemEnd, $"a directory at {d.Extent}"));
        }

        Assert.All(layout.Tree.Files.Where(f => f.Length > 0), f => Assert.True(layout.FileExtents[f.Index] >= udf.PartitionStart));
        Assert.Equal((long)layout.UdfPartitionEnd + 1, layout.TotalBlocks);
        Assert.Equal((uint)layout.TotalBlocks - 1, layout.UdfSecondAnchor);
    }

    [Fact]
    public void WithoutUdf_TheLayoutHasNone_AndIsTodays()
    {
        var plain = Layout(30, 3, udf: false);
        Assert.Null(plain.Udf);
        Assert.Equal(19u, plain.Primary.TypeLPathTable);
        Assert.Equal(plain.TotalBlocks, plain.TrailerBlock);
    }

    [Fact]
    public void BootableHybrid_PutsTheCatalogInThePartition_AndTheSecondAnchor257BlocksFromTheEnd()
    {
        using var tree = new ElTorito.BootTree();
        var options = new MasteringOptions { VolumeLabel = "BOOT", Boot = ElTorito.BootTree.Full(), Udf = true };
        var layout = DiscLayout.Create(DiscTreeBuilder.Build(tree.Sources, options), options);
        var udf = layout.Udf!;

        Assert.Equal(20u, udf.RecognitionBlock);
        Assert.Equal(udf.FileSystemEnd, layout.Boot!.CatalogBlock);
        Assert.Equal(layout.TotalBlocks - 257, layout.UdfSecondAnchor);
        Assert.Equal(layout.TotalBlocks - HybridDisk.BackupBlocks, layout.Boot.Hybrid!.BackupBlock);
        Assert.Equal(layout.UdfPartitionEnd, layout.UdfSecondAnchor);
    }

    [Fact]
    public void FileOfMoreThan4GiB_TakesThreeSections_OnlyWithUdf()
    {
        var source = _temp.CreateDirectory("big");
        using (var file = File.Create(Path.Combine(source, "huge.bin")))
        {
            file.SetLength((2L * IsoConstants.SectionLength) + 1);
        }

        var options = new MasteringOptions { Udf = true };
        var layout = DiscLayout.Create(DiscTreeBuilder.Build([new DiscSource("", source)], options), options);
        var root = layout.Joliet.ByIndex[layout.Tree.Root.Index];
        Assert.Equal(3, root.Entries.Length);
        Assert.Equal(3, layout.Primary.ByIndex[layout.Tree.Root.Index].Entries.Length);
        Assert.Equal(1, IsoConstants.SectionsFor(uint.MaxValue));
        Assert.Equal(2, IsoConstants.SectionsFor((long)uint.MaxValue + 1));

        var problem = Assert.Throws<DiscMasteringException>(() => DiscTreeBuilder.Build([new DiscSource("", source)], new MasteringOptions()));
        Assert.Equal(DiscMasteringError.FileTooLarge, problem.Error);
        Assert.Contains("--udf", problem.Message);
    }

    private DiscLayout Layout(int files, int folders, bool udf)
    {
        var source = _temp.CreateDirectory($"tree-{files}-{folders}-{udf}");
        for (var i = 0; i < files; i++)
        {
            var folder = Path.Combine(source, $"folder-with-a-longer-name-{i % folders:D3}");
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, $"a-file-with-a-rather-long-name-{i:D5}.txt"), "x");
        }

        var options = new MasteringOptions { Udf = udf };
        return DiscLayout.Create(DiscTreeBuilder.Build([new DiscSource("", source)], options), options);
    }
}
