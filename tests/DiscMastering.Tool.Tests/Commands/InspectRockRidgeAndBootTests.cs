using System.Text.Json;
using DiscMastering.Imapi.Tests.TestSupport;
using DiscMastering.Tool.Tests.TestSupport;

namespace DiscMastering.Tool.Tests.Commands;

/// <summary><c>inspect</c>, <c>extract</c> and <c>verify</c> on images with Rock Ridge, El Torito and hybrid partition tables, made by genisoimage and xorriso.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class InspectRockRidgeAndBootTests : IDisposable
{
    private readonly TempTree _tree = new();

    private Discmaster Discmaster { get; }

    public InspectRockRidgeAndBootTests()
        : this(Discmaster.Managed)
    {
    }

    protected InspectRockRidgeAndBootTests(Discmaster discmaster)
    {
        Discmaster = discmaster;
    }

    public void Dispose() => _tree.Dispose();

    private string Image => Path.Combine(_tree.Root, "reference.iso");

    [Fact]
    public void RockRidgeWithoutJolietShowsTheRockRidgeTreeInALongListing()
    {
        ReferenceImages.WriteRockRidgeTree(_tree.Source);
        ReferenceImages.MakeGenisoimageRockRidge(_tree.Source, Image);

        var run = Discmaster.Run("inspect", Image);

        run.AssertSucceeded();
        var lines = Lines(run.Output);
        Assert.Contains("Joliet: no", lines);
        Assert.Contains("Rock Ridge: yes (RRIP_1991A)", lines);
        Assert.Contains(lines, l => l.StartsWith("Files (Rock Ridge tree)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("-rwxr-xr-x", StringComparison.Ordinal) && l.EndsWith("  run.sh", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("-r--r--r--", StringComparison.Ordinal) && l.EndsWith("  readonly.txt", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("lrwxrwxrwx", StringComparison.Ordinal) && l.EndsWith("  link -> d1/d2/../d2/d3", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("  " + ReferenceImages.LongName, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("drwxr-xr-x", StringComparison.Ordinal) && l.EndsWith(new string(' ', 18) + "d10/", StringComparison.Ordinal));
        Assert.DoesNotContain("rr_moved", run.Output, StringComparison.OrdinalIgnoreCase);

        var json = JsonDocument.Parse(Discmaster.Run("inspect", Image, "--json").Output).RootElement;
        Assert.True(json.GetProperty("rockRidge").GetBoolean());
        Assert.Equal("rock-ridge", json.GetProperty("tree").GetString());
        Assert.Equal(["RRIP_1991A"], json.GetProperty("rockRidgeExtensions").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(JsonValueKind.Null, json.GetProperty("elTorito").ValueKind);
        var entries = json.GetProperty("entries").EnumerateArray().ToDictionary(e => e.GetProperty("path").GetString()!);
        Assert.Equal("-rwxr-xr-x", entries["/run.sh"].GetProperty("mode").GetString());
        Assert.Equal(0x81ED, entries["/run.sh"].GetProperty("modeBits").GetInt32());
        Assert.True(entries["/link"].GetProperty("symlink").GetBoolean());
        Assert.Equal("d1/d2/../d2/d3", entries["/link"].GetProperty("linkTarget").GetString());
        Assert.Equal(JsonValueKind.Null, entries["/run.sh"].GetProperty("linkTarget").ValueKind);
        Assert.Equal(new DateTimeOffset(File.GetLastWriteTimeUtc(Path.Combine(_tree.Source, "run.sh"))).ToUnixTimeSeconds(), entries["/run.sh"].GetProperty("modified").GetDateTimeOffset().ToUnixTimeSeconds());
        Assert.True(entries.ContainsKey("/" + ReferenceImages.DeepFolder + "/deep.txt"));
    }

    [Fact]
    public void JolietStaysTheDefaultAndRockRidgeIsShownOnRequest()
    {
        ReferenceImages.WriteRockRidgeTree(_tree.Source);
        ReferenceImages.MakeXorrisoRockRidgeJoliet(_tree.Source, Image);

        var joliet = Discmaster.Run("inspect", Image);
        var rockRidge = Discmaster.Run("inspect", Image, "--rock-ridge");
        var chosenJoliet = Discmaster.Run("inspect", Image, "--joliet", "--json");

        joliet.AssertSucceeded();
        Assert.Contains("Files (Joliet tree):", Lines(joliet.Output));
        Assert.Contains("Rock Ridge: yes (RRIP_1991A)", Lines(joliet.Output));
        rockRidge.AssertSucceeded();
        Assert.Contains("Files (Rock Ridge tree):", Lines(rockRidge.Output));
        Assert.Contains(Lines(rockRidge.Output), l => l.StartsWith("-rwxr-xr-x", StringComparison.Ordinal) && l.EndsWith("  run.sh", StringComparison.Ordinal));
        Assert.Equal("joliet", JsonDocument.Parse(chosenJoliet.Output).RootElement.GetProperty("tree").GetString());
        Discmaster.Run("inspect", Image, "--rock-ridge", "--primary").AssertFailedWith("DM1000");
    }

    [Fact]
    public void AskingForATreeTheImageLacksIsDM1000()
    {
        _tree.File("a.txt", "a");
        ReferenceImages.Genisoimage.RunChecked(["-quiet", "-o", Image, _tree.Source]);

        var run = Discmaster.Run("inspect", Image, "--rock-ridge");

        run.AssertFailedWith("DM1000");
        Assert.Contains("no Rock Ridge entries", run.Error);
    }

    [Fact]
    public void ElToritoCatalogAndHybridPartitionTablesAreShown()
    {
        ReferenceImages.MakeElToritoHybrid(_tree.Root, Image);

        var run = Discmaster.Run("inspect", Image);
        var json = JsonDocument.Parse(Discmaster.Run("inspect", Image, "--json").Output).RootElement;

        run.AssertSucceeded();
        var lines = Lines(run.Output);
        Assert.Contains(lines, l => l.StartsWith("El Torito boot catalog (block ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  Default:      x86, bootable, emulation none, load segment 0x0000, system type 0x00, 4 sectors, image block ", StringComparison.Ordinal) && l.EndsWith(", boot-info table", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  Section 1:    EFI, bootable, emulation none, load segment 0x0000, system type 0x00, 2,880 sectors, image block ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("GPT (header at sector 1, header CRC ok, entries CRC ok, ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  2: Microsoft basic data (ebd0a0a2-b9e5-4433-87c0-68b6b72699c7)", StringComparison.Ordinal) && l.Contains("name 'ISOHybrid1'", StringComparison.Ordinal));

        var elTorito = json.GetProperty("elTorito");
        Assert.Equal(JsonValueKind.Null, elTorito.GetProperty("damaged").ValueKind);
        var bootEntries = elTorito.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(["x86", "EFI"], bootEntries.Select(e => e.GetProperty("platform").GetString()));
        Assert.Equal(["none", "none"], bootEntries.Select(e => e.GetProperty("emulation").GetString()));
        Assert.True(bootEntries[0].GetProperty("bootInfoTable").GetBoolean());
        var extents = json.GetProperty("entries").EnumerateArray().ToDictionary(e => e.GetProperty("path").GetString()!, e => e.GetProperty("extent").GetUInt32());
        Assert.Equal(extents["/boot.img"], bootEntries[0].GetProperty("imageBlock").GetUInt32());
        Assert.Equal(extents["/efi.img"], bootEntries[1].GetProperty("imageBlock").GetUInt32());

        var partitions = json.GetProperty("partitionTable");
        Assert.Equal([0x00, 0xEF], partitions.GetProperty("mbr").EnumerateArray().Select(p => p.GetProperty("type").GetInt32()));
        var gpt = partitions.GetProperty("gpt");
        Assert.True(gpt.GetProperty("headerCrcValid").GetBoolean());
        Assert.True(gpt.GetProperty("entriesCrcValid").GetBoolean());
        var efi = gpt.GetProperty("partitions").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "ISOHybrid1");
        Assert.Equal(extents["/efi.img"] * 4UL, efi.GetProperty("firstLba").GetUInt64());
        Assert.Equal("Microsoft basic data", efi.GetProperty("typeName").GetString());
    }

    [Fact]
    public void DamagedCatalogAndPartitionTableAreShownAsDamaged()
    {
        ReferenceImages.MakeElToritoHybrid(_tree.Root, Image);
        var catalogBlock = JsonDocument.Parse(Discmaster.Run("inspect", Image, "--json").Output).RootElement.GetProperty("elTorito").GetProperty("catalogBlock").GetInt64();
        ReferenceImages.Patch(Image, catalogBlock * 2048 + 30, [0x00]);
        ReferenceImages.Patch(Image, 512 + 84, [0x07, 0x00, 0x00, 0x00]);

        var run = Discmaster.Run("inspect", Image);
        var json = JsonDocument.Parse(Discmaster.Run("inspect", Image, "--json").Output).RootElement;

        run.AssertSucceeded();
        var lines = Lines(run.Output);
        Assert.Contains(lines, l => l.StartsWith("  damaged: ", StringComparison.Ordinal) && l.Contains("validation entry", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  damaged: ", StringComparison.Ordinal) && l.Contains("entries of 7 bytes", StringComparison.Ordinal));
        Assert.Contains("Files (Joliet tree):", lines);
        Assert.Contains("validation entry", json.GetProperty("elTorito").GetProperty("damaged").GetString());
        Assert.Empty(json.GetProperty("elTorito").GetProperty("entries").EnumerateArray());
        Assert.Contains("entries of 7 bytes", json.GetProperty("partitionTable").GetProperty("damaged").GetString());
    }

    [Fact]
    public void ContinuationLoopInTheTreeShownIsDM2041()
    {
        ReferenceImages.WriteRockRidgeTree(_tree.Source);
        ReferenceImages.MakeGenisoimageRockRidge(_tree.Source, Image);
        var at = ReferenceImages.FindAll(Image, "CE\x1c\x01"u8).First();
        var entry = ReferenceImages.Read(Image, at, 28);
        var block = BitConverter.ToUInt32(entry, 4);
        var offset = BitConverter.ToUInt32(entry, 12);
        ReferenceImages.Patch(Image, block * 2048L + offset, [.. entry, .. "ST\x04\x01"u8]);

        var run = Discmaster.Run(["inspect", Image], environment: null, timeout: TimeSpan.FromSeconds(30));
        var primary = Discmaster.Run("inspect", Image, "--primary", "--json");

        run.AssertFailedWith("DM2041");
        Assert.Contains("loop", run.Error);
        primary.AssertSucceeded();
        Assert.Contains("loop", JsonDocument.Parse(primary.Output).RootElement.GetProperty("rockRidgeDamaged").GetString());
    }

    [Fact]
    public void ExtractUsesTheRockRidgeTreeWhenThereIsNoJoliet()
    {
        ReferenceImages.WriteRockRidgeTree(_tree.Source);
        ReferenceImages.MakeGenisoimageRockRidge(_tree.Source, Image);
        var target = Path.Combine(_tree.Root, "target");

        var run = Discmaster.Run("extract", Image, "-o", target, "--progress", "none");

        run.AssertSucceeded();
        Assert.Contains("(rock-ridge names)", run.Output);
        Assert.Equal("d1/d2/../d2/d3", new FileInfo(Path.Combine(target, "link")).LinkTarget);
        Assert.Equal((UnixFileMode)0b111_101_101, File.GetUnixFileMode(Path.Combine(target, "run.sh")));
        Assert.Equal("deep down", File.ReadAllText(Path.Combine(target, ReferenceImages.DeepFolder, "deep.txt")));
        Assert.False(Directory.Exists(Path.Combine(target, "rr_moved")));
    }

    [Fact]
    public void VerifyComparesTheRockRidgeTreeWithTheSources()
    {
        _tree.File("a.txt", "aaa");
        _tree.File("docs/readme.md", "read me");
        ReferenceImages.Genisoimage.RunChecked(["-quiet", "-R", "-o", Image, _tree.Source]);

        var same = Discmaster.Run("verify", Image, _tree.Source, "--json");
        _tree.File("docs/readme.md", "read ME");
        var changed = Discmaster.Run("verify", Image, _tree.Source, "--json");

        same.AssertSucceeded();
        var report = JsonDocument.Parse(same.Output).RootElement;
        Assert.True(report.GetProperty("equal").GetBoolean());
        Assert.Equal(["rock-ridge", "primary"], report.GetProperty("trees").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(1, changed.ExitCode);
        var difference = Assert.Single(JsonDocument.Parse(changed.Output).RootElement.GetProperty("different").EnumerateArray());
        Assert.Equal("/docs/readme.md", difference.GetProperty("path").GetString());
        Assert.Equal(5, difference.GetProperty("offset").GetInt64());
    }

    private static List<string> Lines(string output) => output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
}
