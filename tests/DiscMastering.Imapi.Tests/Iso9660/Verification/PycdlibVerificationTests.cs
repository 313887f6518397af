using System.Security.Cryptography;
using System.Text.Json;
using DiscMastering.Imapi.Tests.TestSupport;

namespace DiscMastering.Imapi.Tests.Iso9660.Verification;

/// <summary>
/// Debian's pycdlib, run by /usr/bin/python3: <c>walk</c> lists a tree (<c>iso_path=</c> for the primary
/// tree, names as recorded with ";1"; <c>joliet_path=</c> for Joliet) and <c>get_file_from_iso_fp</c>
/// reads each file by the same path.
/// </summary>
public sealed class PycdlibVerificationTests(AwkwardImageFixture image) : IClassFixture<AwkwardImageFixture>
{
    /// <summary>Prints one JSON object per file or folder of the chosen tree; non-ASCII is escaped so the pipe's encoding cannot matter.</summary>
    private const string Script = """
        import hashlib, io, json, sys
        try:
            import pycdlib
        except ImportError:
            print("pycdlib not found: apt-get install python3-pycdlib", file=sys.stderr)
            sys.exit(3)
        image, kind = sys.argv[1], sys.argv[2]
        iso = pycdlib.PyCdlib()
        iso.open(image)
        for root, dirs, files in iso.walk(**{kind: "/"}):
            base = root.rstrip("/")
            for d in dirs:
                print(json.dumps({"path": base + "/" + d, "dir": True}))
            for f in files:
                path = base + "/" + f
                data = io.BytesIO()
                iso.get_file_from_iso_fp(data, **{kind: path})
                print(json.dumps({"path": path, "dir": False, "size": len(data.getvalue()), "sha256": hashlib.sha256(data.getvalue()).hexdigest()}))
        iso.close()
        """;

    [Fact]
    public void JolietTree_ReadsEveryFileByItsExactName()
    {
        var actual = Walk("joliet_path");
        var expected = image.Tree.Files.Select(f => $"{f.DiscPath} {Hash(f.LocalPath)}")
            .Concat(image.Folders.Select(d => $"{d.DiscPath} dir"));
        Assert.Equal(DiscPaths.Sorted(expected), DiscPaths.Sorted(actual));
    }

    [Fact]
    public void PrimaryTree_ReadsEveryFileByItsIsoName()
    {
        var actual = Walk("iso_path");
        var expected = image.Tree.Files.Select(f => $"{DiscPaths.RecordedIsoPath(f)} {Hash(f.LocalPath)}")
            .Concat(image.Folders.Select(d => $"{d.IsoPath} dir"));
        Assert.Equal(DiscPaths.Sorted(expected), DiscPaths.Sorted(actual));
    }

    /// <summary>"path sha256" for each file, "path dir" for each folder.</summary>
    private List<string> Walk(string kind)
    {
        var result = ExternalTool.Python.Run(["-c", Script, image.ImagePath, kind]);
        Assert.True(result.ExitCode == 0, $"{result.CommandLine} exited with {result.ExitCode}\n{result.Transcript()}");
        var entries = new List<string>();
        foreach (var line in result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var json = JsonDocument.Parse(line);
            var path = json.RootElement.GetProperty("path").GetString()!;
            entries.Add(json.RootElement.GetProperty("dir").GetBoolean() ? $"{path} dir" : $"{path} {json.RootElement.GetProperty("sha256").GetString()}");
        }

        return entries;
    }

    private static string Hash(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
