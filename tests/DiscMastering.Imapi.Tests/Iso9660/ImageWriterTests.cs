using DiscMastering.Imapi.Iso9660;
using DiscMastering.Imapi.Sources;
using DiscMastering.Imapi.Tests.TestSupport;

namespace DiscMastering.Imapi.Tests.Iso9660;

/// <summary>
/// The writer trusts the sizes the tree recorded and checks each file still has its size when its bytes
/// are copied. The tree is built, the file changed, then the layout written: the same steps
/// <see cref="ImageMaster.MasterToFile"/> takes, with the change made between them.
/// </summary>
public sealed class ImageWriterTests : IDisposable
{
    private static readonly MasteringOptions s_options = new() { SourceDateEpoch = DateTimeOffset.FromUnixTimeSeconds(1_600_000_000) };

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public enum Change
    {
        Grown,
        Shrunk,
        Emptied,
        Deleted,
    }

    [Theory]
    [InlineData(100, Change.Grown)]
    [InlineData(100, Change.Shrunk)]
    [InlineData(100, Change.Emptied)]
    [InlineData(100, Change.Deleted)]
    [InlineData(3 << 20, Change.Grown)]
    [InlineData(3 << 20, Change.Shrunk)]
    [InlineData(3 << 20, Change.Emptied)]
    [InlineData(3 << 20, Change.Deleted)]
    public void FileChangedAfterTheScan_IsFileChanged_NamingTheFile(int size, Change change)
    {
        var source = _temp.CreateDirectory("source");
        File.WriteAllText(Path.Combine(source, "before.txt"), "unchanged\n");
        var changing = Path.Combine(source, "changing.bin");
        File.WriteAllBytes(changing, new byte[size]);
        File.WriteAllText(Path.Combine(source, "zafter.txt"), "unchanged\n");

        var tree = DiscTreeBuilder.Build([new DiscSource("", source)], s_options);
        var layout = DiscLayout.Create(tree, s_options);
        Apply(changing, change);

        using var output = File.OpenHandle(_temp.Combine("image.iso"), FileMode.Create, FileAccess.ReadWrite);
        var e = Assert.Throws<DiscMasteringException>(() => ImageWriter.Write(layout, s_options, output, null, CancellationToken.None));

        Assert.Equal(DiscMasteringError.FileChanged, e.Error);
        Assert.Contains(changing, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FileChanged_LeavesNoImageAndNoTemporaryFile()
    {
        var source = _temp.CreateDirectory("source");
        var changing = Path.Combine(source, "changing.bin");
        File.WriteAllBytes(changing, new byte[1 << 20]);
        var target = _temp.Combine("out", "disc.iso");

        var tree = DiscTreeBuilder.Build([new DiscSource("", source)], s_options);
        var layout = DiscLayout.Create(tree, s_options);
        File.AppendAllText(changing, "more");

        var e = Assert.Throws<DiscMasteringException>(() =>
        {
            using var image = ImageFile.Create(target);
            ImageWriter.Write(layout, s_options, image.Handle, null, CancellationToken.None);
            image.Commit();
        });

        Assert.Equal(DiscMasteringError.FileChanged, e.Error);
        Assert.False(File.Exists(target));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(target)!, ".disc.iso.*.discmaster.tmp"));
    }

    [Fact]
    public void UnchangedFiles_AreWrittenWithTheirBytes()
    {
        var source = _temp.CreateDirectory("source");
        var data = new byte[(1 << 20) + 3];
        new Random(7).NextBytes(data);
        File.WriteAllBytes(Path.Combine(source, "data.bin"), data);
        var tree = DiscTreeBuilder.Build([new DiscSource("", source)], s_options);
        var layout = DiscLayout.Create(tree, s_options);
        var imagePath = _temp.Combine("image.iso");

        using (var output = File.OpenHandle(imagePath, FileMode.Create, FileAccess.ReadWrite))
        {
            ImageWriter.Write(layout, s_options, output, null, CancellationToken.None);
        }

        var image = new IsoImage(imagePath);
        var record = image.Walk(image.Descriptor(17)).Single();
        Assert.Equal("/data.bin", record.Path);
        Assert.Equal((uint)data.Length, record.DataLength);
        ExtractedTree.AssertSameBytes(data, image.Bytes.AsSpan((int)record.Extent * 2048, data.Length).ToArray(), record.Path);
        Assert.Equal(layout.ImageBytes, new FileInfo(imagePath).Length);
    }

    private static void Apply(string path, Change change)
    {
        switch (change)
        {
            case Change.Grown:
                File.AppendAllText(path, "grown");
                break;
            case Change.Shrunk:
                using (var stream = File.OpenWrite(path))
                {
                    stream.SetLength(stream.Length - 1);
                }

                break;
            case Change.Emptied:
                File.WriteAllBytes(path, []);
                break;
            case Change.Deleted:
                File.Delete(path);
                break;
        }
    }
}
