using DiscMastering.Imapi.Iso9660;
using DiscMastering.Imapi.Sources;
using DiscMastering.Imapi.Tests.TestSupport;

namespace DiscMastering.Imapi.Tests.Iso9660;

/// <summary>
/// <see cref="ImageMaster.MasterToFile"/>: inputs it refuses before writing, and that a refused or failed
/// run leaves neither an image nor its temporary file behind.
/// </summary>
public sealed class ImageMasterTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Master_WritesTheImage_AndLeavesNoTemporaryFile()
    {
        var source = Source();
        var output = _temp.CreateDirectory("out");
        var imagePath = Path.Combine(output, "disc.iso");

        var summary = ImageMaster.MasterToFile([new DiscSource("", source)], imagePath, new MasteringOptions());

        Assert.Equal(imagePath, summary.ImagePath);
        Assert.Equal(new FileInfo(imagePath).Length, summary.ImageBytes);
        Assert.Equal(2, summary.Files);
        Assert.Equal(1, summary.Folders);
        Assert.Equal(["disc.iso"], Directory.EnumerateFileSystemEntries(output).Select(Path.GetFileName));
    }

    [Fact]
    public void OverCapacity_ThrowsExceedsCapacity_AndWritesNothing()
    {
        var source = Source(extraBytes: 1 << 20);
        var output = _temp.CreateDirectory("out");
        var imagePath = Path.Combine(output, "disc.iso");

        var e = Assert.Throws<DiscMasteringException>(() =>
            ImageMaster.MasterToFile([new DiscSource("", source)], imagePath, new MasteringOptions { CapacityBlocks = 100 }));

        Assert.Equal(DiscMasteringError.ExceedsCapacity, e.Error);
        Assert.Contains("exceeds the capacity by", e.Message, StringComparison.Ordinal);
        AssertNothingWritten(imagePath);
    }

    [Fact]
    public void OverCapacity_KeepsAnExistingImageUntouched()
    {
        var source = Source(extraBytes: 1 << 20);
        var imagePath = _temp.WriteFile("out/disc.iso", "the previous image");

        var e = Assert.Throws<DiscMasteringException>(() =>
            ImageMaster.MasterToFile([new DiscSource("", source)], imagePath, new MasteringOptions { CapacityBlocks = 100 }));

        Assert.Equal(DiscMasteringError.ExceedsCapacity, e.Error);
        Assert.Equal("the previous image", File.ReadAllText(imagePath));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(imagePath)!, ImageFile.TemporaryPattern(imagePath)));
    }

    [Theory]
    [InlineData("disc.iso")]
    [InlineData("sub/folder/disc.iso")]
    [InlineData("sub/../disc.iso")]
    public void ImageInsideTheSourceFolder_IsImageInsideSource(string relativeImagePath)
    {
        var source = Source();
        var imagePath = Path.Combine(source, relativeImagePath);

        var e = Assert.Throws<DiscMasteringException>(() =>
            ImageMaster.MasterToFile([new DiscSource("", source)], imagePath, new MasteringOptions()));

        Assert.Equal(DiscMasteringError.ImageInsideSource, e.Error);
        Assert.Contains(Path.GetFullPath(imagePath), e.Message, StringComparison.Ordinal);
        Assert.Contains(source, e.Message, StringComparison.Ordinal);
        AssertNothingWritten(Path.GetFullPath(imagePath));
    }

    [Fact]
    public void ImageInsideAGraftedSourceFolder_IsImageInsideSource()
    {
        var source = Source();
        var imagePath = Path.Combine(source, "sub", "disc.iso");

        var e = Assert.Throws<DiscMasteringException>(() =>
            ImageMaster.MasterToFile([new DiscSource("docs/here", source)], imagePath, new MasteringOptions()));

        Assert.Equal(DiscMasteringError.ImageInsideSource, e.Error);
        Assert.Contains(imagePath, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ImageInsideTheSourceFolderReachedThroughASymbolicLink_IsImageInsideSource()
    {
        // The source is named through a link; the image path names the real folder.
        var real = Source();
        var link = _temp.Combine("link-to-source");
        Directory.CreateSymbolicLink(link, real);
        var imagePath = Path.Combine(real, "disc.iso");

        var e = Record.Exception(() => ImageMaster.MasterToFile([new DiscSource("", link)], imagePath, new MasteringOptions()));

        var error = Assert.IsType<DiscMasteringException>(e);
        Assert.Equal(DiscMasteringError.ImageInsideSource, error.Error);
        Assert.Contains(imagePath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ImageAsTheSourceFileItself_IsImageInsideSource()
    {
        var file = _temp.WriteFile("single.txt", "just a file");

        var e = Assert.Throws<DiscMasteringException>(() =>
            ImageMaster.MasterToFile([new DiscSource("", file)], file, new MasteringOptions()));

        Assert.Equal(DiscMasteringError.ImageInsideSource, e.Error);
        Assert.Contains(file, e.Message, StringComparison.Ordinal);
        Assert.Equal("just a file", File.ReadAllText(file));
    }

    [Fact]
    public void ImageBesideTheSourceFolderWithASharedNamePrefix_IsAccepted()
    {
        // "/tmp/x/source" must not be taken to contain "/tmp/x/source-out/disc.iso".
        var source = Source();
        var imagePath = source + "-out" + Path.DirectorySeparatorChar + "disc.iso";

        ImageMaster.MasterToFile([new DiscSource("", source)], imagePath, new MasteringOptions());

        Assert.True(File.Exists(imagePath));
    }

    [Fact]
    public void MissingSource_IsSourceNotFound_NamingThePath()
    {
        var missing = _temp.Combine("does-not-exist");
        var imagePath = _temp.Combine("out", "disc.iso");

        var e = Assert.Throws<DiscMasteringException>(() =>
            ImageMaster.MasterToFile([new DiscSource("", missing)], imagePath, new MasteringOptions()));

        Assert.Equal(DiscMasteringError.SourceNotFound, e.Error);
        Assert.Contains(missing, e.Message, StringComparison.Ordinal);
        AssertNothingWritten(imagePath);
    }

    [Theory]
    [InlineData("SEVENTEEN_CHARS_X")]
    [InlineData("a-label-that-is-far-too-long-for-joliet")]
    [InlineData("")]
    [InlineData("bad:label")]
    [InlineData("bad?label")]
    public void InvalidVolumeLabel_IsInvalidVolumeText_NamingTheLabel(string label)
    {
        var source = Source();
        var imagePath = _temp.Combine("out", "disc.iso");

        var e = Assert.Throws<DiscMasteringException>(() =>
            ImageMaster.MasterToFile([new DiscSource("", source)], imagePath, new MasteringOptions { VolumeLabel = label }));

        Assert.Equal(DiscMasteringError.InvalidVolumeText, e.Error);
        Assert.Contains($"'{label}'", e.Message, StringComparison.Ordinal);
        AssertNothingWritten(imagePath);
    }

    [Theory]
    [InlineData("SIXTEEN_CHARS_XY")]
    [InlineData("Ünïcödé Disc")]
    [InlineData("cidata")]
    public void VolumeLabelOfUpTo16Characters_IsRecordedWholeInJoliet(string label)
    {
        var source = Source();
        var imagePath = _temp.Combine("out", "disc.iso");

        ImageMaster.MasterToFile([new DiscSource("", source)], imagePath, new MasteringOptions { VolumeLabel = label });

        var image = new IsoImage(imagePath);
        Assert.Equal(label, image.Descriptor(17).VolumeIdentifier);
        Assert.Equal(IsoNaming.ToVolumeText(label, 32, dCharactersOnly: true), image.Descriptor(16).VolumeIdentifier);
    }

    private string Source(int extraBytes = 0)
    {
        var source = _temp.CreateDirectory("source");
        File.WriteAllText(Path.Combine(source, "a.txt"), "a\n");
        Directory.CreateDirectory(Path.Combine(source, "sub"));
        File.WriteAllBytes(Path.Combine(source, "sub", "data.bin"), new byte[extraBytes + 1]);
        return source;
    }

    /// <summary>No image, and no temporary <c>.name.*.discmaster.tmp</c> beside where it would go.</summary>
    private static void AssertNothingWritten(string imagePath)
    {
        Assert.False(File.Exists(imagePath), $"'{imagePath}' was written");
        var folder = Path.GetDirectoryName(imagePath)!;
        if (Directory.Exists(folder))
        {
            var leftovers = Directory.GetFiles(folder, "." + Path.GetFileName(imagePath) + ".*.discmaster.tmp");
            Assert.True(leftovers.Length == 0, $"temporary files left: {string.Join(", ", leftovers)}");
        }
    }
}
