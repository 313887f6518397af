using System.Text.RegularExpressions;
using DiscMastering.Imapi.Tests.TestSupport;

namespace DiscMastering.Imapi.Tests.Iso9660.Verification;

/// <summary>
/// libcdio's iso-info and iso-read. <c>iso-info -f</c> lists the Joliet tree ("size path" lines),
/// <c>--no-joliet</c> the primary tree, through its Rock Ridge names when the image has them (its
/// <c>--no-rock-ridge</c> does not change the listing). iso-read resolves <c>-e</c> in the primary tree only, by
/// Rock Ridge name when there is one, so it reads each file by its exact disc path.
/// </summary>
public sealed partial class LibcdioVerificationTests(AwkwardImageFixture image) : IClassFixture<AwkwardImageFixture>
{
    [Fact]
    public void IsoInfo_JolietListing_ShowsEveryJolietPathAndFileSize()
    {
        var result = ExternalTool.LibcdioIsoInfo.RunChecked(["--no-header", "-f", "-i", image.ImagePath]);
        var listing = ParseFind(result.StdOut);

        Assert.Equal(
            DiscPaths.Sorted(image.Tree.Files.Select(f => f.DiscPath).Concat(image.Folders.Select(d => d.DiscPath))),
            DiscPaths.Sorted(listing.Keys));
        foreach (var file in image.Tree.Files)
        {
            Assert.True(listing[file.DiscPath] == file.Length, $"iso-info shows '{file.DiscPath}' with {listing[file.DiscPath]} bytes instead of {file.Length}");
        }
    }

    [Fact]
    public void IsoInfo_PrimaryListing_ShowsEveryRockRidgePathAndFileSize()
    {
        var result = ExternalTool.LibcdioIsoInfo.RunChecked(["--no-header", "--no-joliet", "-f", "-i", image.ImagePath]);
        var listing = ParseFind(result.StdOut);

        // The primary tree's Rock Ridge names are the sources' names, case and all.
        Assert.Equal(
            DiscPaths.Sorted(image.Tree.Files.Select(f => f.DiscPath).Concat(image.Folders.Select(d => d.DiscPath))),
            DiscPaths.Sorted(listing.Keys));
        foreach (var file in image.Tree.Files)
        {
            Assert.True(listing[file.DiscPath] == file.Length, $"iso-info shows '{file.DiscPath}' with {listing[file.DiscPath]} bytes instead of {file.Length}");
        }
    }

    [Fact]
    public void IsoRead_ExtractsEveryFileByItsRockRidgePath()
    {
        var output = image.NewWorkFolder("iso-read");
        var index = 0;
        foreach (var file in image.Tree.Files)
        {
            var path = file.DiscPath;
            var target = Path.Combine(output, $"file{index++}");
            ExternalTool.LibcdioIsoRead.RunChecked(["--no-header", "-i", image.ImagePath, "-e", path, "-o", target]);
            Assert.True(File.Exists(target), $"iso-read -e '{path}' wrote no file");
            ExtractedTree.AssertSameBytes(file.LocalPath, target, path);
        }
    }

    private static Dictionary<string, long> ParseFind(string text)
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (FindLine().Match(line) is { Success: true } match)
            {
                result.Add(match.Groups["path"].Value, long.Parse(match.Groups["size"].Value, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return result;
    }

    [GeneratedRegex(@"^\s*(?<size>\d+) (?<path>/.*)$")]
    private static partial Regex FindLine();
}
