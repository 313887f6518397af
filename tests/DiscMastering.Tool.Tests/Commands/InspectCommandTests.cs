using System.Text.Json;
using DiscMastering.Tool.Tests.TestSupport;

namespace DiscMastering.Tool.Tests.Commands;

public class InspectCommandTests : IDisposable
{
    private readonly TempTree _tree = new();

    public InspectCommandTests()
        : this(Discmaster.Managed)
    {
    }

    protected InspectCommandTests(Discmaster discmaster) => Discmaster = discmaster;

    private Discmaster Discmaster { get; }

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void PrintsTheVolumesThenTheJolietTree()
    {
        _tree.File("setup.exe", "program");
        _tree.File("docs/read me.txt", "read me");
        Discmaster.Run("image", _tree.Source, "-o", _tree.Image, "-V", "My App", "--publisher", "Acme", "--progress", "none").AssertSucceeded();

        var run = Discmaster.Run("inspect", _tree.Image);

        run.AssertSucceeded();
        var lines = run.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains("  Label:        MY_APP", lines);
        Assert.Contains("  Label:        My App", lines);
        Assert.Contains("  Publisher:    Acme", lines);
        Assert.Contains("Joliet: yes", lines);
        Assert.Contains(lines, l => l.StartsWith("  Size:         ", StringComparison.Ordinal) && l.EndsWith(" bytes)", StringComparison.Ordinal));
        Assert.Contains("Files (Joliet tree):", lines);
        Assert.Contains("  docs/", lines);
        Assert.Contains(lines, l => l.StartsWith("    read me.txt", StringComparison.Ordinal) && l.EndsWith(" 7 bytes", StringComparison.Ordinal));
        Assert.Contains("2 files, 1 folders, 14 bytes", lines);

        var primary = Discmaster.Run("inspect", _tree.Image, "--primary");
        primary.AssertSucceeded();
        Assert.Contains("Files (primary tree):", primary.Output);
        Assert.Contains("    READ_ME.TXT", primary.Output);
    }

    [Fact]
    public void JsonIsOneDocumentWithVolumesAndEntries()
    {
        _tree.File("a.txt", "aaa");
        _tree.File("b/c.txt", "c");
        Discmaster.Run("image", _tree.Source, "-o", _tree.Image, "--progress", "none").AssertSucceeded();

        var run = Discmaster.Run("inspect", _tree.Image, "--json");

        run.AssertSucceeded();
        var root = JsonDocument.Parse(run.Output).RootElement;
        Assert.True(root.GetProperty("joliet").GetBoolean());
        Assert.Equal("joliet", root.GetProperty("tree").GetString());
        var volumes = root.GetProperty("volumes").EnumerateArray().ToList();
        Assert.Equal(["primary", "joliet"], volumes.Select(v => v.GetProperty("kind").GetString()));
        Assert.Equal(new FileInfo(_tree.Image).Length, volumes[0].GetProperty("bytes").GetInt64());
        var entries = root.GetProperty("entries").EnumerateArray()
            .Select(e => (Path: e.GetProperty("path").GetString(), Size: e.GetProperty("size").GetInt64(), Directory: e.GetProperty("directory").GetBoolean(), Extent: e.GetProperty("extent").GetUInt32()))
            .ToList();
        Assert.Equal(["/a.txt", "/b", "/b/c.txt"], entries.Select(e => e.Path));
        Assert.Equal((3L, false), (entries[0].Size, entries[0].Directory));
        Assert.True(entries[1].Directory);
        Assert.All(entries, e => Assert.True(e.Extent > 16));
    }

    [Fact]
    public void MissingImageIsDM1006()
    {
        var missing = Path.Combine(_tree.Root, "missing.iso");

        var run = Discmaster.Run("inspect", missing);

        run.AssertFailedWith("DM1006");
        Assert.Contains(missing, run.Error);
    }

    [Fact]
    public void FileThatIsNotAnImageIsDM2010()
    {
        var notIso = Path.Combine(_tree.Root, "not.iso");
        File.WriteAllBytes(notIso, new byte[64 * 1024]);

        var run = Discmaster.Run("inspect", notIso, "--json");

        run.AssertFailedWith("DM2010");
        Assert.Contains("not an ISO 9660 image", run.Error);
        Assert.Empty(run.Output);
    }
}
