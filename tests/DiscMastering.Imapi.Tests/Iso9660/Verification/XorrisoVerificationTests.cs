using DiscMastering.Imapi.Iso9660;
using DiscMastering.Imapi.Sources;
using DiscMastering.Imapi.Tests.TestSupport;

namespace DiscMastering.Imapi.Tests.Iso9660.Verification;

/// <summary>
/// libisofs through xorriso. For reading, <c>-read_fs</c> picks the tree: "norock" loads Joliet (there is no
/// Rock Ridge), "ecma119" loads the primary tree, whose names <c>-ecma119_map stripped</c> shows without
/// ";1" and without the '.' of a name that has no extension.
/// </summary>
public sealed class XorrisoVerificationTests(AwkwardImageFixture image) : IClassFixture<AwkwardImageFixture>
{
    [Fact]
    public void JolietTree_ExtractsEveryFileUnderItsExactName()
    {
        var output = image.NewWorkFolder("xorriso-joliet");
        var result = Extract(image.ImagePath, output, "norock");
        AssertNoComplaints(result);
        ExtractedTree.AssertMatches(output, image.Tree, node => node.DiscPath);
    }

    [Fact]
    public void PrimaryTree_ExtractsEveryFileUnderItsIsoName()
    {
        var output = image.NewWorkFolder("xorriso-primary");
        var result = Extract(image.ImagePath, output, "ecma119", "-ecma119_map", "stripped");
        AssertNoComplaints(result);
        ExtractedTree.AssertMatches(output, image.Tree, node => node.IsoPath);
    }

    [Fact]
    public void PrimaryTree_RecordsTheIdentifiersWithVersion()
    {
        var output = image.NewWorkFolder("xorriso-unmapped");
        Extract(image.ImagePath, output, "ecma119", "-ecma119_map", "unmapped");
        ExtractedTree.AssertMatches(output, image.Tree, DiscPaths.RecordedIsoPath);
    }

    [Fact]
    public void LongJolietNames_AreReadBackWhole()
    {
        using var temp = new TempDirectory();
        var source = temp.CreateDirectory("source");
        temp.WriteFile("source/" + LongNames.HundredCharacterName, "hundred\n");
        temp.WriteFile("source/" + LongNames.HundredCharacterFolder + "/inside.txt", "inside\n");
        var imagePath = temp.Combine("long.iso");
        var options = new MasteringOptions { JolietLongNames = true };
        ImageMaster.MasterToFile([new DiscSource("", source)], imagePath, options);
        var tree = DiscTreeBuilder.Build([new DiscSource("", source)], options);

        var output = temp.Combine("out");
        var result = Extract(imagePath, output, "norock");
        AssertNoComplaints(result);

        Assert.True(File.Exists(Path.Combine(output, LongNames.HundredCharacterName)), $"xorriso did not extract the 100-character name; it extracted: {string.Join(", ", Directory.EnumerateFileSystemEntries(output).Select(Path.GetFileName))}");
        ExtractedTree.AssertMatches(output, tree, node => node.DiscPath);
    }

    private static ToolResult Extract(string imagePath, string output, string tree, params string[] mapping) =>
        ExternalTool.Xorriso.RunChecked(["-osirrox", "on", "-read_fs", tree, .. mapping, "-indev", imagePath, "-extract", "/", output]);

    /// <summary>libisofs reports what it dislikes in an image as WARNING, SORRY or FAILURE lines.</summary>
    private static void AssertNoComplaints(ToolResult result)
    {
        var complaints = (result.StdOut + "\n" + result.StdErr).Split('\n')
            .Where(line => line.Contains(" : WARNING : ", StringComparison.Ordinal) || line.Contains(" : SORRY : ", StringComparison.Ordinal) || line.Contains(" : FAILURE : ", StringComparison.Ordinal))
            .ToList();
        Assert.True(complaints.Count == 0, $"{result.CommandLine} complained:\n{string.Join('\n', complaints)}");
    }
}
