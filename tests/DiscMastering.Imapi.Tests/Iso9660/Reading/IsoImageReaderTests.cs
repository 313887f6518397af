using DiscMastering.Imapi.Iso9660;
using DiscMastering.Imapi.Iso9660.Reading;
using DiscMastering.Imapi.Sources;

namespace DiscMastering.Imapi.Tests.Iso9660.Reading;

/// <summary>Images mastered by the engine, read back through both hierarchies.</summary>
public sealed class IsoImageReaderTests : IDisposable
{
    private static readonly DateTimeOffset s_epoch = new(2024, 5, 17, 8, 30, 15, TimeSpan.Zero);

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void VolumeDescriptorsRoundTrip()
    {
        _temp.WriteFile("readme.txt", "hello"u8.ToArray());
        var image = Master(new MasteringOptions { VolumeLabel = "Read Test", Publisher = "Example Pub", SourceDateEpoch = s_epoch });

        using var reader = IsoImageReader.Open(image);
        Assert.False(reader.Primary.IsJoliet);
        Assert.Equal(16, reader.Primary.DescriptorBlock);
        Assert.Equal("READ_TEST", reader.Primary.VolumeIdentifier);
        Assert.Equal("EXAMPLE PUB", reader.Primary.PublisherIdentifier);
        Assert.Equal("DISCMASTERING", reader.Primary.ApplicationIdentifier);
        Assert.Equal(2048, reader.Primary.LogicalBlockSize);
        Assert.Equal(new FileInfo(image).Length, reader.Primary.VolumeBytes);
        Assert.Equal(s_epoch, reader.Primary.Created);
        Assert.Equal(s_epoch, reader.Primary.Modified);

        var joliet = Assert.IsType<IsoVolumeInfo>(reader.Joliet);
        Assert.True(joliet.IsJoliet);
        Assert.Equal(17, joliet.DescriptorBlock);
        Assert.Equal("Read Test", joliet.VolumeIdentifier);
        Assert.Equal("Example Pub", joliet.PublisherIdentifier);
        Assert.Equal("DISCMASTERING", joliet.ApplicationIdentifier);
        Assert.Equal(reader.Primary.VolumeSpaceSize, joliet.VolumeSpaceSize);
        Assert.Equal(s_epoch, joliet.Created);
        Assert.NotEqual(reader.Primary.RootExtent, joliet.RootExtent);
        Assert.Equal("/", reader.GetRoot(joliet: true).Path);
        Assert.True(reader.GetRoot(joliet: false).IsDirectory);
    }

    [Fact]
    public void MixedTreeReadsBackThroughBothHierarchies()
    {
        _temp.WriteFile("readme.txt", TempFolder.Content(100, 1));
        _temp.WriteFile("Long File Name With Spaces.data", TempFolder.Content(5000, 2));
        _temp.WriteFile("empty.txt", []);
        _temp.WriteFile("no extension", TempFolder.Content(2048, 3));
        _temp.WriteFile("café ünïcode €.txt", TempFolder.Content(33, 4));
        _temp.WriteFile("docs/sub dir/deep.bin", TempFolder.Content(300_000, 5));
        _temp.WriteFile("docs/sub dir/exact.bin", TempFolder.Content(4096, 6));
        _temp.WriteFile("docs/other/x.y.z", TempFolder.Content(1, 7));
        Directory.CreateDirectory(Path.Combine(_temp.Source, "empty folder"));

        var image = Master(new MasteringOptions { VolumeLabel = "MIXED", SourceDateEpoch = s_epoch });

        using var reader = IsoImageReader.Open(image);
        ReadingAssert.JolietMatchesSource(reader, _temp.Source);
        ReadingAssert.PrimaryMatchesJoliet(reader);
        ReadingAssert.PathTablesMatchDirectories(reader, joliet: false);
        ReadingAssert.PathTablesMatchDirectories(reader, joliet: true);

        var readme = Assert.IsType<IsoEntry>(reader.Find("/README.TXT", joliet: false));
        Assert.Equal("README.TXT", readme.Name);
        Assert.Equal("README.TXT;1", System.Text.Encoding.ASCII.GetString(readme.RawIdentifier.Span));
        Assert.Equal(readme.Extent, reader.Find("readme.txt", joliet: true)!.Extent);
        Assert.Equal("NO_EXTEN", reader.Find("/no_exten", joliet: false)!.Name);
        Assert.Equal(s_epoch, reader.Find("/docs/sub dir", joliet: true)!.Recorded);
        Assert.Null(reader.Find("/docs/missing", joliet: true));
        Assert.Null(reader.Find("/readme.txt/below", joliet: true));
        Assert.Same(reader.GetRoot(joliet: true), reader.Find("/", joliet: true));
    }

    [Fact]
    public void DirectorySpanningSeveralSectorsSkipsToTheNextSector()
    {
        // About 15 Joliet records of 134 bytes fit a sector, so 150 of them leave a gap at the end of each.
        for (var i = 0; i < 150; i++)
        {
            _temp.WriteFile($"a long file name to fill directory sectors {i:D3}.txt", TempFolder.Content(i, i));
        }

        var image = Master(new MasteringOptions { SourceDateEpoch = s_epoch });

        using var reader = IsoImageReader.Open(image);
        Assert.True(reader.GetRoot(joliet: true).Length > 4 * 2048, "the Joliet root should span several sectors");
        Assert.True(reader.GetRoot(joliet: false).Length > 2048, "the primary root should span several sectors");
        Assert.Equal(150, reader.ListDirectory(reader.GetRoot(joliet: true)).Count);
        Assert.Equal(150, reader.ListDirectory(reader.GetRoot(joliet: false)).Count);
        ReadingAssert.JolietMatchesSource(reader, _temp.Source);
        ReadingAssert.PrimaryMatchesJoliet(reader);
    }

    [Fact]
    public void DeepTreeWalksDepthFirstWithoutRecursion()
    {
        var path = string.Join('/', Enumerable.Range(0, 30).Select(i => $"d{i}"));
        _temp.WriteFile(path + "/leaf.txt", "leaf"u8.ToArray());
        _temp.WriteFile("d0/z.txt", "z"u8.ToArray());

        var image = Master(new MasteringOptions { SourceDateEpoch = s_epoch });

        using var reader = IsoImageReader.Open(image);
        var walked = reader.Walk(joliet: true).Select(e => e.Path).ToList();
        Assert.Equal(32, walked.Count);
        Assert.Equal("/d0", walked[0]);
        Assert.Equal("/d0/d1", walked[1]);
        Assert.Equal("/" + path + "/leaf.txt", walked[30]);
        Assert.Equal("/d0/z.txt", walked[31]);
        Assert.Equal("leaf"u8.ToArray(), ReadingAssert.ReadAll(reader, reader.Find(path + "/leaf.txt", joliet: true)!));
        ReadingAssert.PathTablesMatchDirectories(reader, joliet: false);
        ReadingAssert.PathTablesMatchDirectories(reader, joliet: true);
    }

    [Fact]
    public void RecordingDatesRoundTrip()
    {
        var modified = new DateTimeOffset(2021, 3, 4, 5, 6, 7, TimeSpan.Zero);
        var file = _temp.WriteFile("dated/old.txt", [1, 2, 3]);
        File.SetLastWriteTimeUtc(file, modified.UtcDateTime);
        Directory.SetLastWriteTimeUtc(Path.GetDirectoryName(file)!, modified.AddDays(1).UtcDateTime);
        var now = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

        var image = Master(new MasteringOptions { Now = now });

        using var reader = IsoImageReader.Open(image);
        Assert.Equal(modified, reader.Find("/dated/old.txt", joliet: true)!.Recorded);
        Assert.Equal(modified, reader.Find("/DATED/OLD.TXT", joliet: false)!.Recorded);
        Assert.Equal(modified.AddDays(1), reader.Find("/dated", joliet: true)!.Recorded);
        Assert.Equal(now, reader.Primary.Created);
    }

    [Fact]
    public void StreamSeeksAndReadsAcrossBlocks()
    {
        var content = TempFolder.Content(10_000, 42);
        _temp.WriteFile("data.bin", content);
        var image = Master(new MasteringOptions { SourceDateEpoch = s_epoch });

        using var reader = IsoImageReader.Open(image);
        using var stream = reader.OpenRead(reader.Find("/data.bin", joliet: true)!);
        Assert.True(stream.CanSeek);
        Assert.False(stream.CanWrite);
        Assert.Equal(10_000, stream.Length);
        stream.Seek(2040, SeekOrigin.Begin);
        var middle = new byte[20];
        stream.ReadExactly(middle);
        Assert.Equal(content.AsSpan(2040, 20).ToArray(), middle);
        stream.Seek(-5, SeekOrigin.End);
        var tail = new byte[100];
        Assert.Equal(5, stream.Read(tail));
        Assert.Equal(content.AsSpan(9995).ToArray(), tail.AsSpan(0, 5).ToArray());
        Assert.Equal(0, stream.Read(tail));
        Assert.Throws<NotSupportedException>(() => stream.WriteByte(1));
    }

    [Fact]
    public async Task StreamReadsAsynchronously()
    {
        var content = TempFolder.Content(70_000, 9);
        _temp.WriteFile("async.bin", content);
        var image = Master(new MasteringOptions { SourceDateEpoch = s_epoch });

        using var reader = IsoImageReader.Open(image);
        await using var stream = reader.OpenRead(reader.Find("/async.bin", joliet: true)!);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        Assert.Equal(content, copy.ToArray());
    }

    [Fact]
    public void MisuseIsRefused()
    {
        _temp.WriteFile("f.txt", "f"u8.ToArray());
        var image = Master(new MasteringOptions { SourceDateEpoch = s_epoch });

        var reader = IsoImageReader.Open(image);
        var file = reader.Find("/f.txt", joliet: true)!;
        Assert.Throws<ArgumentException>(() => reader.ListDirectory(file));
        Assert.Throws<ArgumentException>(() => reader.OpenRead(reader.GetRoot(joliet: true)));
        reader.Dispose();
        Assert.Throws<ObjectDisposedException>(() => reader.ListDirectory(reader.GetRoot(joliet: false)));
    }

    private string Master(MasteringOptions options)
    {
        var image = _temp.Path("image.iso");
        ImageMaster.MasterToFile([new DiscSource("", _temp.Source)], image, options);
        return image;
    }
}
