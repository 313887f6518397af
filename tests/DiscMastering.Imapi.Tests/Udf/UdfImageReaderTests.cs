using System.Buffers.Binary;
using System.Diagnostics;
using System.Security.Cryptography;
using DiscMastering.Imapi.Iso9660;
using DiscMastering.Imapi.Tests.TestSupport;
using DiscMastering.Imapi.Udf;
using DiscMastering.Imapi.Udf.Reading;

namespace DiscMastering.Imapi.Tests.Udf;

/// <summary>The UDF reader on the engine's UDF-only images, on genisoimage's bridge images and on mkudffs' volumes.</summary>
public sealed class UdfImageReaderTests(UdfOnlyImageFixture image) : IClassFixture<UdfOnlyImageFixture>
{
    [Fact]
    public void ReadsTheVolume()
    {
        using var reader = UdfImageReader.Open(image.ImagePath);
        Assert.Equal("AWKWARD UDF", reader.Volume.LogicalVolumeIdentifier);
        Assert.Equal("AWKWARD UDF", reader.Volume.VolumeIdentifier);
        Assert.Equal("AWKWARD UDF", reader.Volume.FileSetIdentifier);
        Assert.Equal("1.02", reader.Volume.Revision);
        Assert.Equal(256, reader.Volume.AnchorBlock);
        Assert.Equal(257u, reader.Volume.PartitionStart);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), reader.Volume.Recorded);
    }

    [Fact]
    public void ReadsEveryNameExactly_AndEveryFileByteForByte()
    {
        using var reader = UdfImageReader.Open(image.ImagePath);
        var entries = reader.Walk();
        var expected = image.Tree.Files.Select(f => $"{f.DiscPath} {f.Length}")
            .Concat(image.Tree.Directories.Where(d => d.Parent is not null).Select(d => $"{d.DiscPath} dir"));
        Assert.Equal(DiscPaths.Sorted(expected), DiscPaths.Sorted(entries.Select(e => e.IsDirectory ? $"{e.Path} dir" : $"{e.Path} {e.Length}")));
        foreach (var file in image.Tree.Files)
        {
            var entry = entries.Single(e => e.Path == file.DiscPath);
            Assert.Equal(file.Modified, entry.Modified);
            ExtractedTree.AssertSameBytes(File.ReadAllBytes(file.LocalPath), ReadAll(reader, entry), file.DiscPath);
        }

        Assert.Equal(AwkwardTree.SixtyFourCharacterName, reader.Find("/" + AwkwardTree.SixtyFourCharacterName)!.Name);
        Assert.NotNull(reader.Find("/日本語.txt"));
        Assert.True(reader.Find("/" + AwkwardTree.DeepFolder)!.IsDirectory);
        Assert.Null(reader.Find("/README.TXT"));
    }

    [Fact]
    public void FileOfSeveralExtents_ReadsBack()
    {
        using var temp = new TempDirectory();
        var source = temp.CreateDirectory("source");
        var content = new byte[(7 * 2048) + 3];
        new Random(11).NextBytes(content);
        temp.WriteFile("source/seven.bin", content);
        var result = UdfOnlyImage.Write(source, temp.Combine("seven.img"), new MasteringOptions { VolumeLabel = "SEVEN" }, maxExtentLength: 2048);

        using var reader = UdfImageReader.Open(result.ImagePath);
        var entry = reader.Find("/seven.bin")!;
        Assert.Equal(8, entry.ExtentCount);
        Assert.Equal(content, ReadAll(reader, entry));
    }

    [Fact]
    public void FileOverOneGibibyte_GetsSeveralAllocationDescriptors_AndEveryReaderReadsItBack()
    {
        using var temp = new TempDirectory();
        var source = temp.CreateDirectory("source");
        var path = temp.Combine("source", "big.bin");
        const long length = (1L << 30) + (5L << 20) + 123;
        var markers = new[] { 0L, UdfConstants.MaxExtentLength - 1L, UdfConstants.MaxExtentLength, 1L << 30, length - 1 };
        using (var big = new FileStream(path, FileMode.CreateNew))
        {
            big.SetLength(length);
            foreach (var at in markers)
            {
                big.Position = at;
                big.WriteByte((byte)(at % 251 + 1));
            }
        }

        temp.WriteFile("source/small.txt", "small\n");
        var result = UdfOnlyImage.Write(source, temp.Combine("big.img"), new MasteringOptions { VolumeLabel = "BIG" });
        var expectedHash = Hash(File.OpenRead(path));

        using (var reader = UdfImageReader.Open(result.ImagePath))
        {
            var entry = reader.Find("/big.bin")!;
            Assert.Equal(length, entry.Length);
            Assert.Equal(2, entry.ExtentCount);
            using var data = reader.OpenRead(entry);
            foreach (var at in markers)
            {
                data.Position = at;
                Assert.Equal(at % 251 + 1, data.ReadByte());
            }

            data.Position = 0;
            Assert.Equal(expectedHash, Hash(data));
        }

        var info = UdfTools.Info(result.ImagePath);
        Assert.Equal("2", info["numfiles"]);
        var listing = SevenZipReader.Parse(ExternalTool.SevenZip.RunChecked(["l", "-slt", result.ImagePath]).StdOut);
        Assert.Contains(("big.bin", false, length), listing);
        var output = temp.CreateDirectory("out");
        ExternalTool.SevenZip.RunChecked(["x", "-y", "-o" + output, result.ImagePath]);
        Assert.Equal(expectedHash, Hash(File.OpenRead(Path.Combine(output, "big.bin"))));
    }

    [Fact]
    public void ReadsGenisoimageBridgeImages()
    {
        using var temp = new TempDirectory();
        var source = temp.CreateDirectory("source");
        var files = new Dictionary<string, byte[]>
        {
            ["readme.txt"] = Content(100, 1),
            ["Mixed Case Name.Data"] = Content(6000, 2),
            ["empty.txt"] = [],
            ["café ünïcode.txt"] = Content(33, 4),
            ["docs/sub dir/deep.bin"] = Content(300_000, 5),
        };
        for (var i = 0; i < 80; i++)
        {
            files[$"many/a long name so the directory takes blocks {i:D2}.txt"] = Content(i * 10, i);
        }

        foreach (var (relative, content) in files)
        {
            temp.WriteFile("source/" + relative, content);
        }

        var imagePath = temp.Combine("genisoimage.iso");
        UdfTools.Genisoimage.RunChecked(["-quiet", "-udf", "-J", "-input-charset", "utf-8", "-V", "GENUDF", "-o", imagePath, source]);

        using var reader = UdfImageReader.Open(imagePath);
        Assert.Equal("GENUDF", reader.Volume.LogicalVolumeIdentifier);
        Assert.Equal("1.02", reader.Volume.Revision);
        var entries = reader.Walk();
        Assert.Equal(DiscPaths.Sorted(files.Keys.Select(k => "/" + k)), DiscPaths.Sorted(entries.Where(e => !e.IsDirectory).Select(e => e.Path)));
        Assert.True(reader.Find("/many")!.Length > 2048, "'many' should take several blocks of identifiers");
        foreach (var (relative, content) in files)
        {
            Assert.Equal(content, ReadAll(reader, reader.Find("/" + relative)!));
        }
    }

    [Fact]
    public void ReadsMkudffsVolumes_ExtendedFileEntriesWithEmbeddedDirectories()
    {
        using var temp = new TempDirectory();
        var imagePath = temp.Combine("mkudffs.img");
        using (var file = new FileStream(imagePath, FileMode.CreateNew))
        {
            file.SetLength(4 << 20);
        }

        new ExternalTool("mkudffs", "apt-get install udftools").RunChecked(["--media-type=hd", "--udfrev=2.01", "--blocksize=2048", "--label=MKUDF", imagePath]);

        using var reader = UdfImageReader.Open(imagePath);
        Assert.Equal("MKUDF", reader.Volume.LogicalVolumeIdentifier);
        Assert.Equal("2.01", reader.Volume.Revision);
        Assert.True(reader.Root.IsDirectory);
        Assert.Equal(1, reader.Root.ExtentCount);
        Assert.Empty(reader.Walk());
    }

    [Fact]
    public void ReadsEmbeddedFileData()
    {
        using var temp = new TempDirectory();
        var source = temp.CreateDirectory("source");
        temp.WriteFile("source/inline.txt", "embedded in its File Entry\n");
        var result = UdfOnlyImage.Write(source, temp.Combine("inline.img"), new MasteringOptions { VolumeLabel = "INLINE" });
        var file = result.Tree.Files.Single();
        var content = File.ReadAllBytes(file.LocalPath);
        using (var patch = new UdfImagePatch(result))
        {
            // ICB flags 3: the data follows the header in place of allocation descriptors (ECMA-167 4/14.6.8).
            var entry = patch.Entry(file);
            BinaryPrimitives.WriteUInt16LittleEndian(entry[(16 + 18)..], 3);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[172..], (uint)content.Length);
            content.CopyTo(entry[176..]);
            patch.Retag(entry, 176 + content.Length);
        }

        using var reader = UdfImageReader.Open(result.ImagePath);
        Assert.Equal(content, ReadAll(reader, reader.Find("/inline.txt")!));
    }

    internal static byte[] ReadAll(UdfImageReader reader, UdfEntry entry)
    {
        using var stream = reader.OpenRead(entry);
        var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    private static string Hash(Stream stream)
    {
        using (stream)
        {
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        }
    }

    private static byte[] Content(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
