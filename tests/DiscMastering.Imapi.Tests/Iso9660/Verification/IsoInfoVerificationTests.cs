using System.Text;
using System.Text.RegularExpressions;
using DiscMastering.Imapi.Iso9660;
using DiscMastering.Imapi.Tests.TestSupport;

namespace DiscMastering.Imapi.Tests.Iso9660.Verification;

/// <summary>
/// genisoimage's isoinfo: <c>-f</c> and <c>-l</c> list the primary tree as recorded ("NAME.EXT;1"),
/// <c>-J</c> switches to Joliet, <c>-x</c> writes one file to stdout. isoinfo converts Joliet names to a
/// one-byte charset (<c>-j iso8859-1</c> here) and shows a character outside it as '_', so names are
/// compared through that same conversion.
/// </summary>
public sealed partial class IsoInfoVerificationTests(AwkwardImageFixture image) : IClassFixture<AwkwardImageFixture>
{
    private static readonly Encoding s_latin1 = Encoding.Latin1;

    [Fact]
    public void PrimaryFind_ListsEveryRecordedIsoPath()
    {
        var result = ExternalTool.IsoInfo.RunChecked(["-i", image.ImagePath, "-f"]);
        var expected = image.Tree.Files.Select(DiscPaths.RecordedIsoPath).Concat(image.Folders.Select(d => d.IsoPath));
        Assert.Equal(DiscPaths.Sorted(expected), DiscPaths.Sorted(Lines(result.StdOut)));
    }

    [Fact]
    public void PrimaryLongListing_ShowsEveryFileWithItsSize()
    {
        var result = ExternalTool.IsoInfo.RunChecked(["-i", image.ImagePath, "-l"]);
        var actual = new List<string>();
        var directory = "/";
        foreach (var line in Lines(result.StdOut))
        {
            if (DirectoryHeading().Match(line) is { Success: true } heading)
            {
                directory = heading.Groups["path"].Value;
                continue;
            }

            if (ListingEntry().Match(line) is { Success: true } entry && entry.Groups["name"].Value is not ("." or ".."))
            {
                var kind = entry.Groups["kind"].Value == "d" ? "dir" : entry.Groups["size"].Value;
                actual.Add($"{directory}{entry.Groups["name"].Value} {kind}");
            }
        }

        var expected = image.Tree.Files.Select(f => $"{DiscPaths.RecordedIsoPath(f)} {f.Length}")
            .Concat(image.Folders.Select(d => $"{d.IsoPath} dir"));
        Assert.Equal(DiscPaths.Sorted(expected), DiscPaths.Sorted(actual));
    }

    [Fact]
    public void PrimaryExtract_GivesEveryFileItsBytes()
    {
        foreach (var file in image.Tree.Files)
        {
            var path = DiscPaths.RecordedIsoPath(file);
            var result = ExternalTool.IsoInfo.RunChecked(["-i", image.ImagePath, "-x", path]);
            ExtractedTree.AssertSameBytes(File.ReadAllBytes(file.LocalPath), result.StdOutBytes, path);
        }
    }

    [Fact]
    public void JolietFind_ListsEveryJolietPath()
    {
        var result = ExternalTool.IsoInfo.RunChecked(["-i", image.ImagePath, "-J", "-j", "iso8859-1", "-f"], s_latin1);
        var expected = image.Tree.Files.Select(f => f.DiscPath).Concat(image.Folders.Select(d => d.DiscPath)).Select(ToLatin1Display);
        Assert.Equal(DiscPaths.Sorted(expected), DiscPaths.Sorted(Lines(result.StdOut)));
    }

    [Fact]
    public void JolietExtract_GivesEveryFileItsBytes()
    {
        foreach (var file in image.Tree.Files)
        {
            var path = ToLatin1Display(file.DiscPath);
            var result = RunWithLatin1Path(path);
            ExtractedTree.AssertSameBytes(File.ReadAllBytes(file.LocalPath), result.StdOutBytes, file.DiscPath);
        }
    }

    /// <summary>isoinfo prints a Joliet name in the chosen charset, each character it cannot show as '_'.</summary>
    private static string ToLatin1Display(string path) => new(path.Select(c => c <= '\u00FF' ? c : '_').ToArray());

    /// <summary>
    /// isoinfo matches <c>-x</c> against the Latin-1 bytes of a name, but a .NET argument is passed as UTF-8:
    /// the shell's printf turns octal escapes into the raw bytes.
    /// </summary>
    private ToolResult RunWithLatin1Path(string path)
    {
        var escaped = new StringBuilder();
        foreach (var b in s_latin1.GetBytes(path))
        {
            escaped.Append(b is >= 0x20 and < 0x7F and not (byte)'%' and not (byte)'\\' ? ((char)b).ToString() : $"\\{Convert.ToString(b, 8).PadLeft(3, '0')}");
        }

        var isoinfo = ExternalTool.IsoInfo.Locate();
        var shell = new ExternalTool("/bin/sh", "apt-get install dash");
        return shell.RunChecked(["-c", "exec \"$0\" -i \"$1\" -J -j iso8859-1 -x \"$(printf \"$2\")\"", isoinfo, image.ImagePath, escaped.ToString()]);
    }

    private static IEnumerable<string> Lines(string text) => text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0);

    [GeneratedRegex(@"^Directory listing of (?<path>/.*)$")]
    private static partial Regex DirectoryHeading();

    /// <summary>"----------   0    0    0     2 Nov 14 2023 [     50 00]  NAME.EXT;1 "</summary>
    [GeneratedRegex(@"^(?<kind>[d-])\S*\s+\d+\s+\d+\s+\d+\s+(?<size>\d+)\s+\w{3}\s+\d+\s+\d{4}\s+\[\s*\d+\s+\d+\]\s\s(?<name>.*?) ?$")]
    private static partial Regex ListingEntry();
}
