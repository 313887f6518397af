using System.Text.RegularExpressions;
using DiscMastering.Imapi.Tests.TestSupport;

namespace DiscMastering.Imapi.Tests.Iso9660.Verification;

/// <summary>
/// libcdio's iso-info and iso-read. <c>iso-info -f</c> lists the Joliet tree ("size path" lines),
/// <c>--no-joliet</c> the primary tree with names shown lower-case and without ";1". iso-read resolves
/// <c>-e</c> in the primary tree only, so it reads each file by its recorded ISO 9660 path.
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
    public void IsoInfo_PrimaryListing_ShowsEveryIsoPathAndFileSize()
    {
        var result = ExternalTool.LibcdioIsoInfo.RunChecked(["--no-header", "--no-joliet", "-f", "-i", image.ImagePath]);
        var listing = ParseFind(result.StdOut);

        // iso-info shows primary names lower-case, without ";1" and without the '.' of a name with no extension.
        Assert.Equal(
            DiscPaths.Sorted(image.Tree.Files.Select(f => f.IsoPath.ToLowerInvariant()).Concat(image.Folders.Select(d => d.IsoPath.ToLowerInvariant()))),
            DiscPaths.Sorted(listing.Keys));
        foreach (var file in image.Tree.Files)
        {
            var path = file.IsoPath.ToLowerInvariant();
            Assert.True(listing[path] == file.Length, $"iso-info shows '{path}' with {listing[path]} bytes instead of {file.Length}");
        }
    }

    [Fact]
    public void IsoRead_ExtractsEveryFileByItsIsoPath()
    {
        var output = image.NewWorkFolder("iso-read");
        var index = 0;
        foreach (var file in image.Tree.Files)
        {
            var path = DiscPaths.RecordedIsoPath(file);
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
