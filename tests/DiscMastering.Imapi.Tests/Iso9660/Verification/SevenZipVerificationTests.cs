using DiscMastering.Imapi.Iso9660;
using DiscMastering.Imapi.Sources;
using DiscMastering.Imapi.Tests.TestSupport;

namespace DiscMastering.Imapi.Tests.Iso9660.Verification;

/// <summary>
/// 7-Zip's ISO reader (p7zip-full): it shows the Joliet tree when there is one and has no switch for the
/// primary tree, so it checks the Joliet names and every file's bytes.
/// </summary>
public sealed class SevenZipVerificationTests(AwkwardImageFixture image) : IClassFixture<AwkwardImageFixture>
{
    [Fact]
    public void Listing_ShowsEveryJolietPathWithItsSize()
    {
        var result = ExternalTool.SevenZip.RunChecked(["l", "-slt", image.ImagePath]);
        var entries = SevenZipReader.Parse(result.StdOut);

        var expected = image.Tree.Files.Select(f => (f.DiscPath.TrimStart('/'), false, f.Length))
            .Concat(image.Folders.Select(d => (d.DiscPath.TrimStart('/'), true, -1L)))
            .OrderBy(e => e.Item1, StringComparer.Ordinal)
            .ToList();
        var actual = entries.Select(e => (e.Path, e.IsFolder, e.IsFolder ? -1L : e.Size))
            .OrderBy(e => e.Path, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Extract_GivesBackEveryFileUnderItsJolietName()
    {
        var output = image.NewWorkFolder("7z");
        SevenZipReader.ExtractWithoutComplaint(image.ImagePath, output);

        ExtractedTree.AssertMatches(output, image.Tree, node => node.DiscPath);
    }

    [Fact]
    public void LongJolietNames_AreReadBackWhole()
    {
        using var temp = new TempDirectory();
        var name = LongNames.HundredCharacterName;
        var source = temp.CreateDirectory("source");
        temp.WriteFile("source/" + name, "hundred\n");
        temp.WriteFile("source/" + LongNames.HundredCharacterFolder + "/inside.txt", "inside\n");
        var imagePath = temp.Combine("long.iso");
        var options = new MasteringOptions { JolietLongNames = true };
        ImageMaster.MasterToFile([new DiscSource("", source)], imagePath, options);
        var tree = DiscTreeBuilder.Build([new DiscSource("", source)], options);

        var output = temp.CreateDirectory("out");
        ExternalTool.SevenZip.RunChecked(["x", "-y", "-o" + output, imagePath]);

        Assert.True(File.Exists(Path.Combine(output, name)), $"7z did not extract '{name}'; it extracted: {string.Join(", ", Directory.EnumerateFileSystemEntries(output).Select(Path.GetFileName))}");
        ExtractedTree.AssertMatches(output, tree, node => node.DiscPath);
    }
}
