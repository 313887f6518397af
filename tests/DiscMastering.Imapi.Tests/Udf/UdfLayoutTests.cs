using DiscMastering.Imapi.Iso9660;
using DiscMastering.Imapi.Tests.TestSupport;
using DiscMastering.Imapi.Udf;

namespace DiscMastering.Imapi.Tests.Udf;

public sealed class UdfLayoutTests
{
    private static readonly DateTimeOffset s_date = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    [Fact]
    public void PlacesTheFileSystem_DirectoryByDirectory()
    {
        var tree = Tree(("sub/inner.txt", 10), ("top.txt", 5));
        var layout = UdfLayout.Create(tree, 19, 22, 300);

        // Partition blocks 0 and 1 are the File Set Descriptor and its terminator; the root's File Entry and identifiers follow, then
        // the root's file's File Entry, then the sub-directory's.
        var root = tree.Root;
        var sub = tree.Directories.Single(d => d.Name == "sub");
        Assert.Equal(2u, layout.DirectoryEntryBlock(root));
        Assert.Equal(40u + 44u + 48u, layout.DirectoryStreamLength(root));
        Assert.Equal(4u, layout.FileEntryBlock(tree.Files.Single(f => f.Name == "top.txt")));
        Assert.Equal(5u, layout.DirectoryEntryBlock(sub));
        Assert.Equal(7u, layout.FileEntryBlock(tree.Files.Single(f => f.Name == "inner.txt")));
        Assert.Equal(8u, layout.FileSystemBlocks);
        Assert.Equal(308u, layout.FileSystemEnd);
        Assert.Equal(22u + 32u, layout.IntegrityBlock);
        Assert.Equal(0ul, layout.UniqueId(root));
        Assert.True(layout.UniqueId(sub) >= 16);
        Assert.True(layout.NextUniqueId > tree.Files.Max(layout.UniqueId));
    }

    [Fact]
    public void RegionsMustLeaveBlock256ToTheAnchor()
    {
        var tree = Tree(("a.txt", 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => UdfLayout.Create(tree, 19, 230, 300));
        Assert.Throws<ArgumentOutOfRangeException>(() => UdfLayout.Create(tree, 19, 22, 256));
        Assert.Throws<ArgumentOutOfRangeException>(() => UdfLayout.Create(tree, 19, 22, 100));
    }

    [Fact]
    public void NameOverUdfsLimit_IsDm2050()
    {
        var tree = Tree((new string('x', 200) + "日本", 1), ("fine.txt", 1));
        var error = Assert.Throws<DiscMasteringException>(() => UdfLayout.Create(tree, 19, 22, 300));
        Assert.Equal(DiscMasteringError.UdfNameTooLong, error.Error);
        Assert.Contains("404 bytes in UDF", error.Message);
    }

    [Fact]
    public void FileOverWhatOneFileEntryPlaces_IsDm2051()
    {
        var tree = Tree(("huge.bin", (FileEntry.MaxShortAds * 2048L) + 1));
        var error = Assert.Throws<DiscMasteringException>(() => UdfLayout.Create(tree, 19, 22, 300, maxExtentLength: 2048));
        Assert.Equal(DiscMasteringError.UdfFileTooLarge, error.Error);
        Assert.NotNull(UdfLayout.Create(tree, 19, 22, 300));
    }

    [Fact]
    public void SameSources_GiveTheSameBytes()
    {
        using var temp = new TempDirectory();
        var source = temp.Combine("source");
        AwkwardTree.Create(source);
        var options = new MasteringOptions { VolumeLabel = "SAME", SourceDateEpoch = s_date };
        UdfOnlyImage.Write(source, temp.Combine("one.img"), options);
        UdfOnlyImage.Write(source, temp.Combine("two.img"), options);
        Assert.Equal(File.ReadAllBytes(temp.Combine("one.img")), File.ReadAllBytes(temp.Combine("two.img")));
    }

    [Fact]
    public void AnyWindowOfTheFileSystem_RendersTheSameBytesAsTheWhole()
    {
        var files = new List<(string, long)>();
        for (var i = 0; i < 120; i++)
        {
            files.Add(($"big directory/a name long enough to cross blocks {i:D3}.txt", i * 1000L));
        }

        files.Add(("small/one.txt", 1));
        files.Add(("zz/日本語/two.txt", 5000));
        var tree = Tree([.. files]);
        var layout = UdfLayout.Create(tree, 19, 22, 300);
        long cursor = layout.FileSystemEnd;
        var blocks = new uint[tree.Files.Count];
        foreach (var file in tree.Files)
        {
            blocks[file.Index] = (uint)cursor;
            cursor += UdfLayout.BlocksFor(file.Length);
        }

        var writer = new UdfWriter(layout, new UdfVolume("WINDOW", s_date, f => blocks[f.Index], (uint)cursor));
        var whole = new byte[layout.FileSystemBlocks * 2048];
        writer.WriteFileSystem(new MemoryMetadataOutput(whole, whole.Length));
        Assert.True(layout.DirectoryStreamLength(tree.Directories.Single(d => d.Name == "big directory")) > 3 * 2048);

        var random = new Random(3);
        for (var round = 0; round < 200; round++)
        {
            var first = (uint)random.Next((int)layout.FileSystemBlocks);
            var count = random.Next(1, (int)Math.Min(8, layout.FileSystemBlocks - first) + 1);
            var window = new byte[count * 2048];
            window.AsSpan().Fill(0xAA);
            writer.WriteFileSystemBlocks(first, window);
            Assert.True(whole.AsSpan((int)first * 2048, window.Length).SequenceEqual(window), $"blocks {first} to {first + count - 1} differ");
        }
    }

    /// <summary>A tree made directly, with names no source scan would let through.</summary>
    private static DiscTree Tree(params (string Path, long Length)[] files)
    {
        var root = new DiscDirectory("", null, s_date);
        foreach (var (path, length) in files)
        {
            var parent = root;
            var parts = path.Split('/');
            foreach (var part in parts[..^1])
            {
                if (parent.Find(part) is not DiscDirectory next)
                {
                    next = new DiscDirectory(part, parent, s_date);
                    parent.Add(next);
                }

                parent = next;
            }

            parent.Add(new DiscFile(parts[^1], parent, s_date, "/nonexistent/" + path, length));
        }

        var directories = new List<DiscDirectory>();
        var fileList = new List<DiscFile>();
        void Visit(DiscDirectory directory)
        {
            directory.SortChildren();
            directory.Index = directories.Count;
            directories.Add(directory);
            foreach (var child in directory.Children)
            {
                if (child is DiscFile file)
                {
                    file.Index = fileList.Count;
                    fileList.Add(file);
                }
            }

            foreach (var child in directory.Children.OfType<DiscDirectory>())
            {
                Visit(child);
            }
        }

        Visit(root);
        return new DiscTree(root, directories, fileList);
    }
}
