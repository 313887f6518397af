using System.Buffers.Binary;
using DiscMastering.Imapi.Iso9660;
using DiscMastering.Imapi.Iso9660.Reading;
using DiscMastering.Imapi.Sources;

namespace DiscMastering.Imapi.Tests.Iso9660.Reading;

/// <summary>Files that are not images, or damaged ones, fail with a code and a message, never with garbage.</summary>
public sealed class IsoImageReaderErrorTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void MissingFileIsImageNotFound()
    {
        var path = _temp.Path("missing.iso");
        var e = Assert.Throws<DiscMasteringException>(() => IsoImageReader.Open(path));
        Assert.Equal(DiscMasteringError.ImageNotFound, e.Error);
        Assert.Contains("missing.iso", e.Message);
    }

    [Fact]
    public void FolderIsImageNotFound()
    {
        var e = Assert.Throws<DiscMasteringException>(() => IsoImageReader.Open(_temp.Source));
        Assert.Equal(DiscMasteringError.ImageNotFound, e.Error);
        Assert.Contains("folder", e.Message);
    }

    [Fact]
    public void FileWithoutDescriptorsIsInvalidImage()
    {
        var path = _temp.Path("zeros.iso");
        File.WriteAllBytes(path, new byte[100_000]);
        var e = Assert.Throws<DiscMasteringException>(() => IsoImageReader.Open(path));
        Assert.Equal(DiscMasteringError.InvalidImage, e.Error);
        Assert.Equal($"'{path}' has no ISO 9660 primary volume descriptor at block 16; it is not an ISO 9660 image.", e.Message);
    }

    [Fact]
    public void ShortFileIsInvalidImage()
    {
        var path = _temp.Path("short.iso");
        File.WriteAllText(path, "not an image");
        var e = Assert.Throws<DiscMasteringException>(() => IsoImageReader.Open(path));
        Assert.Equal(DiscMasteringError.InvalidImage, e.Error);
        Assert.Contains("too short", e.Message);
    }

    [Fact]
    public void TruncatedImageIsInvalidImage()
    {
        var image = Master(TempFolder.Content(50_000, 1));
        using (var stream = new FileStream(image, FileMode.Open))
        {
            stream.SetLength(stream.Length - 2048 * 5);
        }

        var e = Assert.Throws<DiscMasteringException>(() => IsoImageReader.Open(image));
        Assert.Equal(DiscMasteringError.InvalidImage, e.Error);
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void DescriptorSetWithoutPrimaryIsInvalidImage()
    {
        var image = Master([1]);
        Patch(image, 16 * 2048 + VolumeDescriptor.FieldLocations.Type, [(byte)VolumeDescriptor.DescriptorType.Supplementary]);

        var e = Assert.Throws<DiscMasteringException>(() => IsoImageReader.Open(image));
        Assert.Equal(DiscMasteringError.InvalidImage, e.Error);
        Assert.Contains("no primary volume descriptor", e.Message);
    }

    [Fact]
    public void RootBeyondVolumeIsInvalidImage()
    {
        var image = Master([1]);
        var rootExtent = 16 * 2048 + VolumeDescriptor.FieldLocations.RootDirectoryRecord + DirectoryRecord.FieldLocations.ExtentLocation;
        Patch(image, rootExtent, BothOrders(1_000_000));

        using var reader = IsoImageReader.Open(image);
        var e = Assert.Throws<DiscMasteringException>(() => reader.Walk(joliet: false).ToList());
        Assert.Equal(DiscMasteringError.InvalidImage, e.Error);
        Assert.Contains("beyond the volume", e.Message);
        Assert.NotNull(reader.Find("/f.bin", joliet: true));
    }

    [Fact]
    public void FileBeyondVolumeIsInvalidImage()
    {
        var image = Master(TempFolder.Content(10, 2));
        using (var reader = IsoImageReader.Open(image))
        {
            var root = reader.GetRoot(joliet: true);
            var recordOffset = FindRecord(image, root, "f.bin");
            Patch(image, recordOffset + DirectoryRecord.FieldLocations.DataLength, BothOrders(uint.MaxValue));
        }

        using (var reader = IsoImageReader.Open(image))
        {
            var e = Assert.Throws<DiscMasteringException>(() => reader.ListDirectory(reader.GetRoot(joliet: true)));
            Assert.Equal(DiscMasteringError.InvalidImage, e.Error);
            Assert.Contains("'/f.bin' lies in blocks", e.Message);
        }
    }

    [Fact]
    public void DirectoryLoopIsInvalidImage()
    {
        _temp.WriteFile("sub/inner/f.txt", [1]);
        var image = Master(null);
        using (var reader = IsoImageReader.Open(image))
        {
            var sub = reader.Find("/sub", joliet: true)!;
            var recordOffset = FindRecord(image, sub, "inner");
            Patch(image, recordOffset + DirectoryRecord.FieldLocations.ExtentLocation, BothOrders(reader.GetRoot(joliet: true).Extent));
        }

        using (var reader = IsoImageReader.Open(image))
        {
            var e = Assert.Throws<DiscMasteringException>(() => reader.Walk(joliet: true).ToList());
            Assert.Equal(DiscMasteringError.InvalidImage, e.Error);
            Assert.Contains("loop", e.Message);
        }
    }

    [Fact]
    public void RecordCrossingItsSectorIsInvalidImage()
    {
        for (var i = 0; i < 40; i++)
        {
            _temp.WriteFile($"a name long enough to fill one directory sector {i:D2}", [1]);
        }

        var image = Master(null);
        using (var reader = IsoImageReader.Open(image))
        {
            // Where the first sector's records end, a record of 200 bytes now starts and runs into the next sector.
            var start = (long)reader.GetRoot(joliet: true).Extent * 2048;
            var sector = new byte[2048];
            using (var handle = File.OpenHandle(image))
            {
                RandomAccess.Read(handle, sector, start);
            }

            var end = 0;
            while (sector[end] != 0)
            {
                end += sector[end];
            }

            Assert.True(2048 - end < 200, "the first sector should be nearly full");
            Patch(image, start + end, [200]);
        }

        using (var reader = IsoImageReader.Open(image))
        {
            var e = Assert.Throws<DiscMasteringException>(() => reader.ListDirectory(reader.GetRoot(joliet: true)));
            Assert.Equal(DiscMasteringError.InvalidImage, e.Error);
            Assert.Contains("does not fit its sector", e.Message);
        }
    }

    [Fact]
    public void GarbagePathTableIsInvalidImage()
    {
        var image = Master([1]);
        using (var reader = IsoImageReader.Open(image))
        {
            // The root's record claims parent 7 although it is the first record.
            var parent = (long)reader.Primary.TypeLPathTable * 2048 + PathTableRecord.FieldLocations.ParentNumber;
            Patch(image, parent, [7, 0]);
        }

        using (var reader = IsoImageReader.Open(image))
        {
            var e = Assert.Throws<DiscMasteringException>(() => reader.ReadPathTable(joliet: false, bigEndian: false));
            Assert.Equal(DiscMasteringError.InvalidImage, e.Error);
            Assert.Contains("type L path table", e.Message);
        }
    }

    private string Master(byte[]? content)
    {
        if (content is not null)
        {
            _temp.WriteFile("f.bin", content);
        }

        var image = _temp.Path("image.iso");
        ImageMaster.MasterToFile([new DiscSource("", _temp.Source)], image, new MasteringOptions { SourceDateEpoch = DateTimeOffset.UnixEpoch });
        return image;
    }

    private static byte[] BothOrders(uint value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(4), value);
        return bytes;
    }

    private static void Patch(string image, long offset, byte[] bytes)
    {
        using var handle = File.OpenHandle(image, FileMode.Open, FileAccess.ReadWrite);
        RandomAccess.Write(handle, bytes, offset);
    }

    /// <summary>The image offset of the Joliet record named <paramref name="name"/> in the first sector of <paramref name="directory"/>.</summary>
    private static long FindRecord(string image, IsoEntry directory, string name)
    {
        var sector = new byte[2048];
        var start = (long)directory.Extent * 2048;
        using (var handle = File.OpenHandle(image))
        {
            RandomAccess.Read(handle, sector, start);
        }

        var identifier = System.Text.Encoding.BigEndianUnicode.GetBytes(name);
        var at = sector.AsSpan().IndexOf(identifier);
        Assert.True(at > 0, $"no record named '{name}' in the first sector of '{directory.Path}'");
        return start + at - DirectoryRecord.FieldLocations.Identifier;
    }
}
