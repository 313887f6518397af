using System.Globalization;
using System.Text;
using DiscMastering.Imapi.Iso9660;
using DiscMastering.Imapi.Sources;
using DiscMastering.Imapi.Tests.TestSupport;

namespace DiscMastering.Imapi.Tests.Iso9660;

/// <summary>Where <see cref="DiscLayout"/> puts things, checked in the bytes of written images.</summary>
public sealed class DiscLayoutTests : IDisposable
{
    /// <summary>62 characters: a Joliet record of 158 bytes, so twelve fit in a block.</summary>
    private const string LongNamePrefix = "file-with-a-long-name-to-fill-directory-blocks-quickly-";

    private static readonly MasteringOptions s_options = new() { VolumeLabel = "LAYOUT", SourceDateEpoch = DateTimeOffset.FromUnixTimeSeconds(1_600_000_000) };

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void SystemArea_IsSixteenZeroBlocks()
    {
        var image = Master(SmallTree());
        Assert.True(image.Bytes.AsSpan(0, 16 * IsoImage.BlockSize).IndexOfAnyExcept((byte)0) < 0, "blocks 0-15 must be zero");
    }

    [Fact]
    public void VolumeDescriptors_ArePrimaryJolietAndTerminatorAtBlocks16To18()
    {
        var image = Master(SmallTree());
        var primary = image.Descriptor(16);
        var joliet = image.Descriptor(17);
        var terminator = image.Descriptor(18);

        Assert.Equal((1, "CD001", 1), (primary.Type, primary.StandardIdentifier, primary.Version));
        Assert.Equal((2, "CD001", 1), (joliet.Type, joliet.StandardIdentifier, joliet.Version));
        Assert.Equal("%/E", joliet.EscapeSequences);
        Assert.Equal((255, "CD001", 1), (terminator.Type, terminator.StandardIdentifier, terminator.Version));
        Assert.Equal(2048, primary.LogicalBlockSize);
        Assert.Equal("LAYOUT", primary.VolumeIdentifier);
        Assert.Equal("LAYOUT", joliet.VolumeIdentifier);
    }

    [Fact]
    public void PathTables_FollowTheTerminator_ThenTheDirectories()
    {
        var image = Master(LargeFolderTree(30));
        var primary = image.Descriptor(16);
        var joliet = image.Descriptor(17);
        var primaryBlocks = BlocksFor(primary.PathTableSize);
        var jolietBlocks = BlocksFor(joliet.PathTableSize);

        Assert.Equal(19u, primary.TypeLPathTable);
        Assert.Equal(19u + primaryBlocks, primary.TypeMPathTable);
        Assert.Equal(19u + (2 * primaryBlocks), joliet.TypeLPathTable);
        Assert.Equal(19u + (2 * primaryBlocks) + jolietBlocks, joliet.TypeMPathTable);
        Assert.Equal(joliet.TypeMPathTable + jolietBlocks, primary.RootExtent);
    }

    [Fact]
    public void PathTables_NameEveryFolderAtItsExtent_InBothByteOrders()
    {
        var image = Master(AwkwardSources());
        foreach (var descriptor in new[] { image.Descriptor(16), image.Descriptor(17) })
        {
            var little = image.ReadPathTable(descriptor.TypeLPathTable, descriptor.PathTableSize, bigEndian: false, descriptor.IsJoliet);
            var big = image.ReadPathTable(descriptor.TypeMPathTable, descriptor.PathTableSize, bigEndian: true, descriptor.IsJoliet);
            Assert.Equal(little, big);

            // Rebuild each folder's path from the parent numbers and compare with the directory records.
            var paths = new List<string>();
            foreach (var entry in little)
            {
                paths.Add(entry.Identifier.Length == 0 ? "/" : (paths[entry.ParentNumber - 1] == "/" ? "/" : paths[entry.ParentNumber - 1] + "/") + entry.Identifier);
            }

            var folders = image.Walk(descriptor).Where(r => r.IsDirectory).ToDictionary(r => r.Path, r => r.Extent, StringComparer.Ordinal);
            folders["/"] = descriptor.RootExtent;
            Assert.Equal(DiscPaths.Sorted(folders.Keys), DiscPaths.Sorted(paths));
            for (var i = 0; i < little.Count; i++)
            {
                Assert.True(folders[paths[i]] == little[i].Extent, $"path table puts '{paths[i]}' at {little[i].Extent}, its directory record at {folders[paths[i]]}");
            }

            // ECMA-119 6.9.1: by level, then by parent number.
            var levels = paths.Select(p => p == "/" ? 0 : p.Count(c => c == '/')).ToList();
            Assert.Equal(levels.Order().ToList(), levels);
            Assert.Equal(little.Select(e => e.ParentNumber).Order().ToList(), little.Select(e => e.ParentNumber).ToList());
        }
    }

    [Fact]
    public void LargeFolder_SpansSeveralBlocks_AndListsEveryEntry()
    {
        const int count = 120;
        var image = Master(LargeFolderTree(count));
        var joliet = image.Descriptor(17);
        var folder = image.Walk(joliet).Single(r => r.Path == "/many");

        Assert.True(folder.DataLength >= 5 * IsoImage.BlockSize, $"the folder should span several blocks, not {folder.DataLength} bytes");
        Assert.Equal(0u, folder.DataLength % IsoImage.BlockSize);
        var records = image.ReadDirectory(folder.Extent, folder.DataLength, joliet: true, "/many");
        Assert.Equal(count + 2, records.Count);
        Assert.Equal(folder.DataLength, records[0].DataLength);
        Assert.Equal(
            Enumerable.Range(0, count).Select(i => $"{LongNamePrefix}{i:D3}.dat").ToList(),
            records.Skip(2).Select(r => r.Identifier).ToList());

        // Every block of the extent starts with a record: the extent is no larger than its records need.
        for (var block = 0u; block < folder.DataLength / IsoImage.BlockSize; block++)
        {
            Assert.True(image.Block(folder.Extent + block)[0] != 0, $"block {block} of the folder's extent holds no record");
        }
    }

    [Fact]
    public void DirectoryRecords_NeverCrossABlockBoundary()
    {
        var image = Master(LargeFolderTree(120));
        foreach (var descriptor in new[] { image.Descriptor(16), image.Descriptor(17) })
        {
            var directories = image.Walk(descriptor).Where(r => r.IsDirectory).Select(r => (r.Extent, r.DataLength, r.Path)).Append((descriptor.RootExtent, descriptor.RootDataLength, "/"));
            foreach (var (extent, length, path) in directories)
            {
                var records = image.ReadDirectory(extent, length, descriptor.IsJoliet, path);
                var crossing = records.Where(r => r.CrossesBlock).Select(r => $"{r.Identifier} at offset {r.BlockOffset} ({r.Length} bytes)").ToList();
                Assert.True(crossing.Count == 0, $"records of '{path}' cross a block boundary: {string.Join(", ", crossing)}");
                Assert.True(records.Count >= 2, $"'{path}' lost its . and .. records");
            }
        }
    }

    [Fact]
    public void DirectoryRecords_AreSortedByEachNamespacesRule()
    {
        var image = Master(AwkwardSources());
        var primaryRoot = image.ReadDirectory(image.Descriptor(16).RootExtent, image.Descriptor(16).RootDataLength, joliet: false).Skip(2).Select(r => r.Identifier).ToList();
        var jolietRoot = image.ReadDirectory(image.Descriptor(17).RootExtent, image.Descriptor(17).RootDataLength, joliet: true).Skip(2).Select(r => r.Identifier).ToList();

        // ECMA-119 9.3: by name, then extension, each padded with spaces.
        static (string, string) Key(string identifier)
        {
            var name = identifier.Split(';')[0];
            var dot = name.IndexOf('.', StringComparison.Ordinal);
            return dot < 0 ? (name, "") : (name[..dot], name[(dot + 1)..]);
        }

        var primarySorted = primaryRoot.OrderBy(Key, Comparer<(string, string)>.Create((a, b) =>
        {
            var byName = string.CompareOrdinal(a.Item1.PadRight(8), b.Item1.PadRight(8));
            return byName != 0 ? byName : string.CompareOrdinal(a.Item2.PadRight(3), b.Item2.PadRight(3));
        })).ToList();
        Assert.Equal(primarySorted, primaryRoot);

        // Joliet: by UCS-2 code unit.
        Assert.Equal(jolietRoot.Order(StringComparer.Ordinal).ToList(), jolietRoot);

        // The awkward names sort differently in the two trees ("A_B_C.D" before "Z.TXT", "Z.txt" before "a.b.c.d").
        Assert.True(primaryRoot.IndexOf("A_B_C.D;1") < primaryRoot.IndexOf("Z.TXT;1"));
        Assert.True(jolietRoot.IndexOf("Z.txt") < jolietRoot.IndexOf("a.b.c.d"));
    }

    [Fact]
    public void Extents_StayInsideTheImage_AndNeverOverlap()
    {
        var image = Master(AwkwardSources());
        var extents = new HashSet<(uint Start, uint Blocks, string Path)>();
        foreach (var descriptor in new[] { image.Descriptor(16), image.Descriptor(17) })
        {
            extents.Add((descriptor.RootExtent, BlocksFor(descriptor.RootDataLength), descriptor.IsJoliet ? "joliet /" : "primary /"));
            foreach (var record in image.Walk(descriptor))
            {
                Assert.Equal(record.Extent, record.ExtentBigEndian);
                Assert.Equal(record.DataLength, record.DataLengthBigEndian);
                Assert.True(record.Extent < image.BlockCount, $"'{record.Path}' starts at block {record.Extent}, beyond the image's {image.BlockCount} blocks");
                if (record.DataLength > 0)
                {
                    // Files are shared by both trees: one entry per extent.
                    extents.Add((record.Extent, BlocksFor(record.DataLength), record.IsDirectory ? (descriptor.IsJoliet ? "joliet " : "primary ") + record.Path : "file@" + record.Extent));
                }
            }
        }

        var ordered = extents.OrderBy(e => e.Start).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            var previous = ordered[i - 1];
            Assert.True(previous.Start + previous.Blocks <= ordered[i].Start, $"'{previous.Path}' ({previous.Start}+{previous.Blocks}) overlaps '{ordered[i].Path}' at {ordered[i].Start}");
        }

        Assert.True(ordered[^1].Start + ordered[^1].Blocks <= image.BlockCount);
    }

    [Theory]
    [InlineData("empty")]
    [InlineData("empty-folder-only")]
    [InlineData("one-byte")]
    [InlineData("exactly-one-block")]
    [InlineData("block-and-one")]
    [InlineData("awkward")]
    [InlineData("large-folder")]
    public void ImageBytes_IsExactlyTheWrittenLength(string shape)
    {
        var source = _temp.CreateDirectory("source");
        switch (shape)
        {
            case "empty-folder-only":
                Directory.CreateDirectory(Path.Combine(source, "nothing here"));
                break;
            case "one-byte":
                File.WriteAllBytes(Path.Combine(source, "one"), [42]);
                break;
            case "exactly-one-block":
                File.WriteAllBytes(Path.Combine(source, "block"), new byte[2048]);
                break;
            case "block-and-one":
                File.WriteAllBytes(Path.Combine(source, "block"), new byte[2049]);
                break;
            case "awkward":
                AwkwardTree.Create(source);
                break;
            case "large-folder":
                WriteLargeFolder(source, 120);
                break;
        }

        IReadOnlyList<DiscSource> sources = [new DiscSource("", source)];
        var layout = DiscLayout.Create(DiscTreeBuilder.Build(sources, s_options), s_options);
        var imagePath = _temp.Combine("image.iso");
        var summary = ImageMaster.MasterToFile(sources, imagePath, s_options);

        var length = new FileInfo(imagePath).Length;
        Assert.Equal(layout.ImageBytes, length);
        Assert.Equal(layout.ImageBytes, summary.ImageBytes);
        Assert.Equal(layout.TotalBlocks * 2048, layout.ImageBytes);
        var image = new IsoImage(imagePath);
        Assert.Equal((uint)layout.TotalBlocks, image.Descriptor(16).VolumeSpaceSize);
        Assert.Equal((uint)layout.TotalBlocks, image.Descriptor(16).VolumeSpaceSizeBigEndian);
        Assert.Equal((uint)layout.TotalBlocks, image.Descriptor(17).VolumeSpaceSize);
    }

    [Fact]
    public void FileData_FollowsTheLastDirectory_InTreeOrder()
    {
        var sources = AwkwardSources();
        var tree = DiscTreeBuilder.Build(sources, s_options);
        var layout = DiscLayout.Create(tree, s_options);
        var image = Master(sources);

        var files = image.Walk(image.Descriptor(17)).Where(r => !r.IsDirectory && r.DataLength > 0).ToDictionary(r => r.Path, r => r.Extent, StringComparer.Ordinal);
        var extents = tree.Files.Where(f => f.Length > 0).Select(f => files[f.DiscPath]).ToList();
        Assert.Equal(extents.Order().ToList(), extents);
        Assert.Equal(layout.FirstFileBlock, extents[0]);
        var expectedEnd = extents[^1] + BlocksFor((uint)tree.Files.Last(f => f.Length > 0).Length);
        Assert.Equal((long)expectedEnd, layout.TotalBlocks);
    }

    [Fact]
    public void Capacity_ExactlyEnough_Fits()
    {
        var tree = DiscTreeBuilder.Build(AwkwardSources(), s_options);
        var blocks = DiscLayout.Create(tree, s_options).TotalBlocks;

        var layout = DiscLayout.Create(tree, new MasteringOptions { CapacityBlocks = blocks, SourceDateEpoch = s_options.SourceDateEpoch });
        Assert.Equal(blocks, layout.TotalBlocks);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(1000)]
    public void Capacity_TooSmall_ThrowsExceedsCapacity_WithTheOverflow(int missingBlocks)
    {
        var tree = DiscTreeBuilder.Build(AwkwardSources(), s_options);
        var blocks = DiscLayout.Create(tree, s_options).TotalBlocks;

        var e = Assert.Throws<DiscMasteringException>(() => DiscLayout.Create(tree, new MasteringOptions { CapacityBlocks = blocks - missingBlocks }));
        Assert.Equal(DiscMasteringError.ExceedsCapacity, e.Error);
        var overflow = ((long)missingBlocks * 2048).ToString("N0", CultureInfo.CurrentCulture);
        Assert.Contains($"by {overflow} bytes", e.Message, StringComparison.Ordinal);
        Assert.Contains($"{missingBlocks.ToString("N0", CultureInfo.CurrentCulture)} blocks)", e.Message, StringComparison.Ordinal);
    }

    private static uint BlocksFor(uint bytes) => (bytes + 2047) / 2048;

    private IReadOnlyList<DiscSource> SmallTree()
    {
        var source = _temp.CreateDirectory("small");
        File.WriteAllText(Path.Combine(source, "hello.txt"), "hello\n");
        Directory.CreateDirectory(Path.Combine(source, "sub"));
        File.WriteAllText(Path.Combine(source, "sub", "inner.txt"), "inner\n");
        return [new DiscSource("", source)];
    }

    private IReadOnlyList<DiscSource> AwkwardSources()
    {
        var source = _temp.Combine("awkward");
        if (!Directory.Exists(source))
        {
            AwkwardTree.Create(source);
        }

        return [new DiscSource("", source)];
    }

    private IReadOnlyList<DiscSource> LargeFolderTree(int count)
    {
        var source = _temp.CreateDirectory("large");
        WriteLargeFolder(source, count);
        return [new DiscSource("", source)];
    }

    private static void WriteLargeFolder(string source, int count)
    {
        var folder = Directory.CreateDirectory(Path.Combine(source, "many")).FullName;
        for (var i = 0; i < count; i++)
        {
            File.WriteAllText(Path.Combine(folder, $"{LongNamePrefix}{i:D3}.dat"), $"entry {i}\n", Encoding.UTF8);
        }
    }

    private IsoImage Master(IReadOnlyList<DiscSource> sources)
    {
        var imagePath = _temp.Combine($"layout-{Guid.NewGuid():N}.iso");
        ImageMaster.MasterToFile(sources, imagePath, s_options);
        return new IsoImage(imagePath);
    }
}
