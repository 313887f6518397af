using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using DiscMastering.Imapi.Iso9660.Reading;
using DiscMastering.Imapi.Iso9660.Reading.ElTorito;
using DiscMastering.Imapi.Tests.TestSupport;

namespace DiscMastering.Imapi.Tests.Iso9660.Reading;

/// <summary>El Torito catalogs and hybrid MBR/GPT tables made by xorriso, read back and checked against xorriso and sfdisk.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed partial class BootStructureReadTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void BiosAndEfiCatalogEntriesMatchXorrisosReport()
    {
        var image = ReferenceImages.MakeElToritoHybrid(_temp.Root, _temp.Path("hybrid.iso"));

        using var reader = IsoImageReader.Open(image);
        var catalog = reader.ReadBootCatalog();

        var report = ExternalTool.Xorriso.RunChecked(["-indev", image, "-report_el_torito", "plain"]).StdOut;
        var catalogBlock = uint.Parse(CatalogLine().Match(report).Groups[1].Value, CultureInfo.InvariantCulture);
        var expected = ImageLine().Matches(report).Select(m => (
            Platform: m.Groups["platform"].Value == "BIOS" ? "x86" : m.Groups["platform"].Value == "UEFI" ? "EFI" : m.Groups["platform"].Value,
            Bootable: m.Groups["bootable"].Value == "y",
            Emulation: m.Groups["emulation"].Value,
            LoadSegment: Convert.ToUInt16(m.Groups["segment"].Value, 16),
            SystemType: Convert.ToByte(m.Groups["type"].Value, 16),
            Sectors: ushort.Parse(m.Groups["size"].Value, CultureInfo.InvariantCulture),
            Block: uint.Parse(m.Groups["lba"].Value, CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(2, expected.Count);

        Assert.NotNull(catalog);
        Assert.Equal(catalogBlock, reader.BootRecord!.CatalogBlock);
        Assert.Equal(catalogBlock, catalog.CatalogBlock);
        Assert.Equal(expected, catalog.Entries.Select(e => (e.PlatformName, e.Bootable, e.EmulationName, e.LoadSegment, e.SystemType, e.SectorCount, e.ImageBlock)));
        Assert.Equal([0, 1], catalog.Entries.Select(e => e.Section));
        Assert.Equal(reader.Find("/boot.img", IsoTree.Joliet)!.Extent, catalog.Entries[0].ImageBlock);
        Assert.Equal(reader.Find("/efi.img", IsoTree.Joliet)!.Extent, catalog.Entries[1].ImageBlock);
        Assert.True(catalog.Entries[0].HasBootInfoTable);
        Assert.False(catalog.Entries[1].HasBootInfoTable);
    }

    [Fact]
    public void HybridMbrAndGptMatchSfdiskAndXorriso()
    {
        var image = ReferenceImages.MakeElToritoHybrid(_temp.Root, _temp.Path("hybrid.iso"));

        using var reader = IsoImageReader.Open(image);
        var table = reader.ReadPartitionTable();

        Assert.NotNull(table);
        var sfdisk = JsonDocument.Parse(ReferenceImages.Sfdisk.RunChecked(["--json", image]).StdOut).RootElement.GetProperty("partitiontable");
        Assert.Equal("dos", sfdisk.GetProperty("label").GetString());
        var expectedMbr = sfdisk.GetProperty("partitions").EnumerateArray()
            .Select(p => (Start: p.GetProperty("start").GetUInt32(), Sectors: p.GetProperty("size").GetUInt32(), Type: Convert.ToByte(p.GetProperty("type").GetString(), 16), Active: p.TryGetProperty("bootable", out var b) && b.GetBoolean()))
            .ToList();
        Assert.Equal(expectedMbr, table.Mbr!.Select(p => (p.StartLba, p.Sectors, p.Type, p.IsActive)));

        var report = ExternalTool.Xorriso.RunChecked(["-indev", image, "-report_system_area", "plain"]).StdOut;
        var expectedGpt = GptStartLine().Matches(report)
            .Select(m => (Index: int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), First: ulong.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), Sectors: ulong.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture)))
            .ToList();
        var gpt = table.Gpt;
        Assert.NotNull(gpt);
        Assert.True(gpt.HeaderCrcValid);
        Assert.True(gpt.EntriesCrcValid);
        Assert.Equal(1UL, gpt.MyLba);
        Assert.Equal(expectedGpt, gpt.Partitions.Select(p => (p.Index, p.FirstLba, p.LastLba - p.FirstLba + 1)));

        // The second partition is the EFI boot image: it starts where the catalog's EFI entry points, in 512-byte sectors.
        var efi = reader.ReadBootCatalog()!.Entries.Single(e => e.PlatformName == "EFI");
        Assert.Equal(efi.ImageBlock * 4UL, gpt.Partitions[1].FirstLba);
        Assert.Equal("Microsoft basic data", gpt.Partitions[1].TypeName);
        Assert.Equal("ISOHybrid1", gpt.Partitions[1].Name);
    }

    [Fact]
    public void AppendedEfiPartitionIsAnEfiSystemPartitionAsSfdiskReadsIt()
    {
        var image = ReferenceImages.MakeAppendedEfi(_temp.Root, _temp.Path("efi.iso"));

        using var reader = IsoImageReader.Open(image);
        var table = reader.ReadPartitionTable();

        var sfdisk = JsonDocument.Parse(ReferenceImages.Sfdisk.RunChecked(["--json", image]).StdOut).RootElement.GetProperty("partitiontable");
        Assert.Equal("gpt", sfdisk.GetProperty("label").GetString());
        var expected = sfdisk.GetProperty("partitions").EnumerateArray()
            .Select(p => (First: p.GetProperty("start").GetUInt64(), Sectors: p.GetProperty("size").GetUInt64(), Type: Guid.Parse(p.GetProperty("type").GetString()!), Id: Guid.Parse(p.GetProperty("uuid").GetString()!), Name: p.TryGetProperty("name", out var n) ? n.GetString() ?? "" : ""))
            .ToList();
        var gpt = table!.Gpt!;
        Assert.Equal(expected, gpt.Partitions.Select(p => (p.FirstLba, p.LastLba - p.FirstLba + 1, p.Type, p.Id, p.Name)));
        Assert.Equal(Guid.Parse(sfdisk.GetProperty("id").GetString()!), gpt.DiskGuid);
        Assert.Equal(sfdisk.GetProperty("firstlba").GetUInt64(), gpt.FirstUsableLba);
        Assert.Equal(sfdisk.GetProperty("lastlba").GetUInt64(), gpt.LastUsableLba);
        var system = Assert.Single(gpt.Partitions, p => p.Type == GptPartitionInfo.EfiSystem);
        Assert.Equal("EFI System", system.TypeName);
        Assert.Equal([(byte)0xEE], table.Mbr!.Select(p => p.Type));
        Assert.Equal("EFI", reader.ReadBootCatalog()!.Entries[0].PlatformName);
    }

    [Fact]
    public void CatalogWithABadChecksumIsDM2042AndTheFilesStillRead()
    {
        var image = ReferenceImages.MakeElToritoHybrid(_temp.Root, _temp.Path("hybrid.iso"));
        uint catalogBlock;
        using (var reader = IsoImageReader.Open(image))
        {
            catalogBlock = reader.BootRecord!.CatalogBlock;
        }

        // El Torito 1.0 figure 2: the checksum word at byte 28 of the validation entry.
        var checksum = ReferenceImages.Read(image, catalogBlock * 2048L + 28, 2);
        ReferenceImages.Patch(image, catalogBlock * 2048L + 28, [(byte)(checksum[0] + 1), checksum[1]]);

        using var damaged = IsoImageReader.Open(image);
        var error = ReferenceImages.WithinSeconds(10, () => Assert.Throws<DiscMasteringException>(() => damaged.ReadBootCatalog()));
        Assert.Equal(DiscMasteringError.DamagedBootCatalog, error.Error);
        Assert.Contains("checksum", error.Message);
        Assert.Contains(damaged.Walk(IsoTree.Joliet), e => e.Name == "readme.txt");
    }

    [Fact]
    public void GptClaimingABillionEntriesIsDM2043WithoutReadingThem()
    {
        var image = ReferenceImages.MakeElToritoHybrid(_temp.Root, _temp.Path("hybrid.iso"));

        // UEFI 2.10 table 5.21: the number of partition entries at byte 80 of the header (sector 1).
        var count = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(count, 1_000_000_000);
        ReferenceImages.Patch(image, 512 + 80, count);

        using var reader = IsoImageReader.Open(image);
        var error = ReferenceImages.WithinSeconds(10, () => Assert.Throws<DiscMasteringException>(() => reader.ReadPartitionTable()));
        Assert.Equal(DiscMasteringError.DamagedPartitionTable, error.Error);
        Assert.Contains("1,000,000,000 entries", error.Message);
    }

    [Fact]
    public void DamagedGptCrcIsReportedNotThrown()
    {
        var image = ReferenceImages.MakeAppendedEfi(_temp.Root, _temp.Path("efi.iso"));
        using (var reader = IsoImageReader.Open(image))
        {
            var entriesLba = reader.ReadPartitionTable()!.Gpt!.EntriesLba;
            ReferenceImages.Patch(image, (long)entriesLba * 512 + 56, "X\0"u8);
        }

        using var damaged = IsoImageReader.Open(image);
        var gpt = damaged.ReadPartitionTable()!.Gpt!;
        Assert.True(gpt.HeaderCrcValid);
        Assert.False(gpt.EntriesCrcValid);
    }

    [GeneratedRegex(@"^El Torito catalog\s*:\s*(\d+)", RegexOptions.Multiline)]
    private static partial Regex CatalogLine();

    [GeneratedRegex(@"^El Torito boot img :\s+\d+\s+(?<platform>\S+)\s+(?<bootable>[yn])\s+(?<emulation>\S+)\s+0x(?<segment>[0-9a-fA-F]+)\s+0x(?<type>[0-9a-fA-F]+)\s+(?<size>\d+)\s+(?<lba>\d+)", RegexOptions.Multiline)]
    private static partial Regex ImageLine();

    [GeneratedRegex(@"^GPT start and size :\s+(\d+)\s+(\d+)\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex GptStartLine();
}
