using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using DiscMastering.Imapi.Iso9660;
using DiscMastering.Imapi.Tests.TestSupport;

namespace DiscMastering.Imapi.Tests.Iso9660.RockRidge;

/// <summary>
/// The primary tree's Rock Ridge entries as three readers nobody here wrote see them: genisoimage's isoinfo
/// (<c>-R</c>), xorriso (libisofs) and pycdlib (<c>rr_path=</c>). Each must show every source name exactly,
/// folders and programs r-xr-xr-x, other files r--r--r--, and read no error, continuation areas included.
/// </summary>
public sealed partial class RockRidgeReaderTests(RockRidgeImageFixture image) : IClassFixture<RockRidgeImageFixture>
{
    [Fact]
    public void IsoInfo_FindsRockRidgeSignatures()
    {
        var result = ExternalTool.IsoInfo.RunChecked(["-d", "-i", image.ImagePath]);

        Assert.Contains("Rock Ridge signatures version 1 found", result.StdOut);
    }

    [Fact]
    public void IsoInfo_RockRidgeListing_ShowsExactNamesAndModes()
    {
        var result = ExternalTool.IsoInfo.RunChecked(["-R", "-l", "-i", image.ImagePath]);
        Assert.True(result.StdErr.Length == 0, $"isoinfo reported: {result.StdErr}");
        var actual = new List<string>();
        var directory = "/";
        foreach (var line in Lines(result.StdOut))
        {
            if (IsoInfoHeading().Match(line) is { Success: true } heading)
            {
                directory = heading.Groups["path"].Value;
            }
            else if (IsoInfoEntry().Match(line) is { Success: true } entry && entry.Groups["name"].Value is not ("." or ".."))
            {
                actual.Add($"{entry.Groups["mode"].Value} {directory}{entry.Groups["name"].Value}");
            }
        }

        Assert.Equal(Expected(), DiscPaths.Sorted(actual));
    }

    [Fact]
    public void Xorriso_Find_ShowsExactNamesAndModesWithoutComplaint()
    {
        var result = ExternalTool.Xorriso.RunChecked(["-indev", image.ImagePath, "-find", "/", "-exec", "lsdl"]);
        Assert.DoesNotMatch(XorrisoComplaint(), result.StdErr);
        var actual = new List<string>();
        foreach (var line in Lines(result.StdOut))
        {
            if (XorrisoEntry().Match(line) is { Success: true } entry && entry.Groups["path"].Value != "/")
            {
                actual.Add($"{entry.Groups["mode"].Value} {entry.Groups["path"].Value}");
            }
        }

        Assert.Equal(Expected(), DiscPaths.Sorted(actual));
    }

    [Fact]
    public void Pycdlib_RockRidgeWalk_ReadsEveryFileByItsExactName()
    {
        const string script = """
            import hashlib, io, json, sys
            try:
                import pycdlib
            except ImportError:
                print("pycdlib not found: apt-get install python3-pycdlib", file=sys.stderr)
                sys.exit(3)
            iso = pycdlib.PyCdlib()
            iso.open(sys.argv[1])
            if not iso.has_rock_ridge():
                print("no Rock Ridge", file=sys.stderr)
                sys.exit(4)
            for root, dirs, files in iso.walk(rr_path="/"):
                base = root.rstrip("/")
                for d in dirs:
                    print(json.dumps({"path": base + "/" + d, "dir": True}))
                for f in files:
                    data = io.BytesIO()
                    iso.get_file_from_iso_fp(data, rr_path=base + "/" + f)
                    print(json.dumps({"path": base + "/" + f, "dir": False, "sha256": hashlib.sha256(data.getvalue()).hexdigest()}))
            iso.close()
            """;
        var result = ExternalTool.Python.Run(["-c", script, image.ImagePath]);
        Assert.True(result.ExitCode == 0, $"{result.CommandLine} exited with {result.ExitCode}\n{result.Transcript()}");
        var actual = new List<string>();
        foreach (var line in Lines(result.StdOut))
        {
            using var json = JsonDocument.Parse(line);
            var path = json.RootElement.GetProperty("path").GetString()!;
            actual.Add(json.RootElement.GetProperty("dir").GetBoolean() ? $"{path} dir" : $"{path} {json.RootElement.GetProperty("sha256").GetString()}");
        }

        var expected = image.Tree.Files.Select(f => $"{f.DiscPath} {Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f.LocalPath)))}")
            .Concat(image.Folders.Select(d => $"{d.DiscPath} dir"));
        Assert.Equal(DiscPaths.Sorted(expected), DiscPaths.Sorted(actual));
    }

    [Fact]
    public void Tree_HasTheNamesThatNeedContinuationAreas()
    {
        // Guards the fixture: without these the tests above would not reach CE and NM continuation.
        var layout = DiscLayout.Create(image.Tree, image.Options);
        Assert.True(layout.Primary.ContinuationBlocks >= 3, $"the continuation areas take {layout.Primary.ContinuationBlocks} blocks; the tree should need several");
        Assert.Contains(image.Tree.Files, f => f.Name == RockRidgeTree.LongCjkName && f.Parent!.Parent is null);
        Assert.Contains(image.Tree.Files, f => f.Name is "Readme.TXT");
        Assert.Contains(image.Tree.Files, f => f.Name is "readme.txt");
    }

    /// <summary>"mode path" for every file and folder, as the rule says: folders and programs r-xr-xr-x, the rest r--r--r--.</summary>
    private List<string> Expected() => DiscPaths.Sorted(
        image.Tree.Files.Select(f => $"{(RockRidgeTree.Executables.Contains(f.DiscPath) ? "-r-xr-xr-x" : "-r--r--r--")} {f.DiscPath}")
            .Concat(image.Folders.Select(d => $"dr-xr-xr-x {d.DiscPath}")));

    private static IEnumerable<string> Lines(string text) => text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0);

    [GeneratedRegex(@"^Directory listing of (?<path>/.*)$")]
    private static partial Regex IsoInfoHeading();

    /// <summary>"-r-xr-xr-x   1    0    0              64 Nov 14 2023 [     52 00]  tool "</summary>
    [GeneratedRegex(@"^(?<mode>[d-][rwxsStT-]{9})\s+\d+\s+\d+\s+\d+\s+\d+\s+\w{3}\s+\d+\s+\d{4}\s+\[\s*\d+\s+\d+\]\s\s(?<name>.*?) ?$")]
    private static partial Regex IsoInfoEntry();

    /// <summary>"-r-xr-xr-x    1 0        0              64 Nov 14  2023 '/bin/tool'"</summary>
    [GeneratedRegex(@"^(?<mode>[d-][rwxsStT-]{9})\s.*? '(?<path>/.*)'$")]
    private static partial Regex XorrisoEntry();

    [GeneratedRegex(@"SORRY|FAILURE|FATAL|MISHAP|WARNING")]
    private static partial Regex XorrisoComplaint();
}
