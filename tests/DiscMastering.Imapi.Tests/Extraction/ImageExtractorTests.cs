using DiscMastering.Imapi.Extraction;
using DiscMastering.Imapi.Iso9660;
using DiscMastering.Imapi.Iso9660.Reading;
using DiscMastering.Imapi.Tests.TestSupport;

namespace DiscMastering.Imapi.Tests.Extraction;

/// <summary>The awkward tree extracted in-process: every file, every folder, their dates, from either tree.</summary>
public sealed class ImageExtractorTests(AwkwardImageFixture image) : IClassFixture<AwkwardImageFixture>
{
    [Fact]
    public void Joliet_ExtractsTheWholeTreeWithItsDates()
    {
        var target = image.NewWorkFolder("joliet");
        var progress = new ProgressLog<ExtractionProgress>();

        var summary = ImageExtractor.Extract(image.ImagePath, target, new ExtractionOptions(), progress);

        ExtractedTree.AssertMatches(target, image.Tree, n => n.DiscPath);
        Assert.Equal(ExtractionTree.Joliet, summary.Tree);
        Assert.Equal(image.Tree.Files.Count, summary.Files);
        Assert.Equal(image.Folders.Count(), summary.Folders);
        Assert.Equal(image.Tree.Files.Sum(f => f.Length), summary.Bytes);
        Assert.Equal(new ExtractionProgress(summary.Bytes, summary.Bytes, summary.Files, summary.Files), progress.Reports[^1]);
        AssertDates(target, joliet: true);
    }

    [Fact]
    public void Primary_UsesIsoNamesWithoutTheirVersion()
    {
        var target = image.NewWorkFolder("primary");

        var summary = ImageExtractor.Extract(image.ImagePath, target, new ExtractionOptions { Tree = ExtractionTree.Primary });

        ExtractedTree.AssertMatches(target, image.Tree, n => n.IsoPath);
        Assert.Equal(ExtractionTree.Primary, summary.Tree);
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(target, "*", SearchOption.AllDirectories), p => p.Contains(';'));
        AssertDates(target, joliet: false);
    }

    [Fact]
    public void GivenPaths_ExtractOnlyThemAndTheFoldersAbove()
    {
        var target = image.NewWorkFolder("paths");

        var summary = ImageExtractor.Extract(image.ImagePath, target, new ExtractionOptions { Paths = ["/level01/level02/level03", "a.b.c.d"] });

        var files = Directory.EnumerateFiles(target, "*", SearchOption.AllDirectories).Select(p => DiscPaths.Relative(target, p));
        Assert.Equal(["a.b.c.d", AwkwardTree.DeepFolder + "/bottom of the chain.txt"], DiscPaths.Sorted(files));
        Assert.Equal(2, summary.Files);
        Assert.Equal(10, summary.Folders);
    }

    [Fact]
    public void UnknownPath_IsPathNotInImage()
    {
        var target = image.NewWorkFolder("unknown");

        var e = Assert.Throws<DiscMasteringException>(() => ImageExtractor.Extract(image.ImagePath, target, new ExtractionOptions { Paths = ["a.b.c.d", "no/such/file"] }));

        Assert.Equal(DiscMasteringError.PathNotInImage, e.Error);
        Assert.Contains("'no/such/file'", e.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(target));
    }

    [Fact]
    public void ExistingFiles_AreRefusedBeforeAnythingIsWritten_UnlessOverwrite()
    {
        var target = image.NewWorkFolder("existing");
        File.WriteAllText(Path.Combine(target, "noextension"), "mine");

        var e = Assert.Throws<DiscMasteringException>(() => ImageExtractor.Extract(image.ImagePath, target, new ExtractionOptions()));

        Assert.Equal(DiscMasteringError.ExtractTargetExists, e.Error);
        Assert.Contains("noextension", e.Message);
        Assert.Equal(["noextension"], Directory.EnumerateFileSystemEntries(target).Select(Path.GetFileName));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(target, "noextension")));

        ImageExtractor.Extract(image.ImagePath, target, new ExtractionOptions { Overwrite = true });
        ExtractedTree.AssertMatches(target, image.Tree, n => n.DiscPath);
    }

    [Fact]
    public void FolderWhereAFileGoes_IsRefusedEvenWithOverwrite()
    {
        var target = image.NewWorkFolder("kind");
        Directory.CreateDirectory(Path.Combine(target, "noextension"));

        var e = Assert.Throws<DiscMasteringException>(() => ImageExtractor.Extract(image.ImagePath, target, new ExtractionOptions { Overwrite = true }));

        Assert.Equal(DiscMasteringError.ExtractTargetExists, e.Error);
        Assert.Contains("already exists as a folder", e.Message);
        Assert.Equal(["noextension"], Directory.EnumerateFileSystemEntries(target).Select(Path.GetFileName));
    }

    /// <summary>Every extracted file and folder carries the date its record holds, to the second.</summary>
    private void AssertDates(string target, bool joliet)
    {
        using var reader = IsoImageReader.Open(image.ImagePath);
        foreach (var entry in reader.Walk(joliet))
        {
            var path = Path.Combine([target, .. entry.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)]);
            var written = entry.IsDirectory ? Directory.GetLastWriteTimeUtc(path) : File.GetLastWriteTimeUtc(path);
            Assert.True(
                entry.Recorded.UtcDateTime == written,
                $"'{entry.Path}' is dated {written:O}, its record {entry.Recorded.UtcDateTime:O}");
        }
    }
}
