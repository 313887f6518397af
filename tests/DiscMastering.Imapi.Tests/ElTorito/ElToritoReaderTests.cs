using System.Buffers.Binary;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DiscMastering.Imapi.Tests.ElTorito;

/// <summary>
/// A bootable hybrid image as readers nobody here wrote see it: xorriso (catalog and system area), sfdisk
/// (the GPT), mtools (the EFI System Partition through its offset), pycdlib and isoinfo (the catalog).
/// </summary>
public sealed partial class ElToritoReaderTests(BootImageFixture fixture) : IClassFixture<BootImageFixture>
{
    private const string EspType = "C12A7328-F81F-11D2-BA4B-00A0C93EC93B";
    private const string BasicDataType = "EBD0A0A2-B9E5-4433-87C0-68B6B72699C7";

    [Fact]
    public void Xorriso_ReportsBothCatalogEntries_AtTheBootFilesBlocks()
    {
        var report = ExternalTool.Xorriso.RunChecked(["-indev", fixture.ImagePath, "-report_el_torito", "plain"]).StdOut;

        var images = BootImageLine().Matches(report).Select(m => (Platform: m.Groups[2].Value, Emulation: m.Groups[3].Value, LoadSize: int.Parse(m.Groups[4].Value), Lba: long.Parse(m.Groups[5].Value))).ToList();
        Assert.Equal(2, images.Count);
        Assert.Equal(("BIOS", "none", 4, fixture.BlockOf("/boot/bios.img")), images[0]);
        Assert.Equal(("UEFI", "none", 1_474_560 / 512, fixture.BlockOf("/boot/efi.img")), images[1]);
        Assert.Contains("El Torito cat path : /boot.catalog", report);
        Assert.Matches(@"El Torito img path :\s+1\s+/boot/bios.img", report);
        Assert.Matches(@"El Torito img opts :\s+1\s+boot-info-table", report);
        Assert.Matches(@"El Torito img path :\s+2\s+/boot/efi.img", report);
    }

    [Fact]
    public void Xorriso_ReportsTheProtectiveMbrAndTheGpt()
    {
        var report = ExternalTool.Xorriso.RunChecked(["-indev", fixture.ImagePath, "-report_system_area", "plain"]).StdOut;
        var sectors = fixture.Image.Length / 512;

        Assert.Contains("MBR protective-msdos-label", report);
        Assert.Matches($@"MBR partition      :\s+1\s+0x00\s+0xee\s+1\s+{sectors - 1}\b", report);
        Assert.Matches(@"GPT entry array    :\s+2\s+128\s+separated", report);
        Assert.Matches($@"GPT lba range      :\s+64\s+{sectors - 34}\s+{sectors - 1}\b", report);
        Assert.Matches(@"GPT type GUID      :\s+2\s+28732ac11ff8d211ba4b00a0c93ec93b", report);
        Assert.Matches($@"GPT start and size :\s+2\s+{fixture.BlockOf("/boot/efi.img") * 4}\s+2880\b", report);
        Assert.Matches(@"GPT partition path :\s+2\s+/boot/efi.img", report);
    }

    [Fact]
    public void Sfdisk_FindsTheEfiSystemPartitionAtTheEfiImage_AndNoErrors()
    {
        var json = ExternalTool.Sfdisk.RunChecked(["--json", fixture.ImagePath]).StdOut;
        var table = JsonDocument.Parse(json).RootElement.GetProperty("partitiontable");
        var partitions = table.GetProperty("partitions").EnumerateArray()
            .Select(p => (Type: p.GetProperty("type").GetString(), Start: p.GetProperty("start").GetInt64(), Size: p.GetProperty("size").GetInt64())).ToList();

        Assert.Equal("gpt", table.GetProperty("label").GetString());
        var efiSector = fixture.BlockOf("/boot/efi.img") * 4;
        Assert.Equal((EspType, efiSector, 2880L), Assert.Single(partitions, p => p.Type == EspType));

        // Basic data covers the rest of the volume around it, up to the backup GPT.
        var volumeSectors = (fixture.Image.Length / 512) - 36;
        Assert.Equal([(BasicDataType, 64L, efiSector - 64), (EspType, efiSector, 2880L), (BasicDataType, efiSector + 2880, volumeSectors - efiSector - 2880)], partitions);
        var verify = ExternalTool.Sfdisk.RunChecked(["--verify", fixture.ImagePath]).StdOut;
        Assert.Contains("No errors detected", verify);
    }

    [Fact]
    public void Mtools_ReadsTheEfiBinaryThroughThePartitionOffset()
    {
        var offset = fixture.BlockOf("/boot/efi.img") * 2048;

        var binary = ExternalTool.Mcopy.RunChecked(["-i", $"{fixture.ImagePath}@@{offset}", "::EFI/BOOT/BOOTX64.EFI", "-"]).StdOut;

        Assert.Equal(BootTree.EfiBinaryContent, binary);
    }

    [Fact]
    public void Pycdlib_OpensTheImageAndReadsTheCatalog()
    {
        const string script = """
            import sys, pycdlib
            iso = pycdlib.PyCdlib()
            iso.open(sys.argv[1])
            catalog = iso.eltorito_boot_catalog
            print("validation", catalog.validation_entry.platform_id)
            print("initial", catalog.initial_entry.boot_indicator, catalog.initial_entry.boot_media_type, catalog.initial_entry.sector_count, catalog.initial_entry.load_rba)
            for section in catalog.sections:
                for entry in section.section_entries:
                    print("section", section.platform_id, entry.boot_indicator, entry.boot_media_type, entry.sector_count, entry.load_rba)
            iso.close()
            """;

        var output = ExternalTool.Python.RunChecked(["-c", script, fixture.ImagePath]).StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(
            ["validation 0", $"initial 136 0 4 {fixture.BlockOf("/boot/bios.img")}", $"section 239 136 0 2880 {fixture.BlockOf("/boot/efi.img")}"],
            output);
    }

    [Fact]
    public void SevenZip_OpensTheHybridImageAsIso9660_AndListsBothBootImages()
    {
        var listing = ExternalTool.SevenZip.RunChecked(["l", fixture.ImagePath]).StdOut;

        Assert.Contains("Type = Iso", listing);
        Assert.Matches(@"\s2048\s+2048\s+\[BOOT\]/1-Boot-NoEmul\.img", listing);
        Assert.Matches(@"\s1474560\s+1474560\s+\[BOOT\]/2-Boot-NoEmul\.img", listing);
        Assert.Matches(@"\s2048\s+2048\s+boot\.catalog", listing);
    }

    [Fact]
    public void Isoinfo_ReportsTheElToritoBootRecord()
    {
        var report = ExternalTool.IsoInfo.RunChecked(["-d", "-i", fixture.ImagePath]).StdOut;

        Assert.Contains("El Torito VD version 1 found, boot catalog is in sector 20", report);
        Assert.Contains("Key 55 AA", report);
        Assert.Contains("Boot media 0 (No Emulation Boot)", report);
        Assert.Contains("Nsect 4", report);
        Assert.Contains("Joliet with UCS level 3 found", report);
        Assert.Contains($"Volume size is: {fixture.Image.Length / 2048}", report);
    }

    [Fact]
    public void BootInfoTable_IsPatchedIntoTheDiscsCopy_AndTheSourceIsUnchanged()
    {
        var block = fixture.BlockOf("/boot/bios.img");
        var copy = fixture.Image.AsSpan((int)(block * 2048), fixture.BiosSource.Length);

        Assert.Equal(16u, BinaryPrimitives.ReadUInt32LittleEndian(copy[8..]));
        Assert.Equal((uint)block, BinaryPrimitives.ReadUInt32LittleEndian(copy[12..]));
        Assert.Equal((uint)fixture.BiosSource.Length, BinaryPrimitives.ReadUInt32LittleEndian(copy[16..]));
        Assert.Equal(BootTree.BootInfoChecksum(fixture.BiosSource), BinaryPrimitives.ReadUInt32LittleEndian(copy[20..]));
        Assert.True(copy[24..64].IndexOfAnyExcept((byte)0) < 0, "bytes 24-63 of the table are reserved zeros");
        Assert.True(copy[..8].SequenceEqual(fixture.BiosSource.AsSpan(0, 8)), "bytes 0-7 are the file's own");
        Assert.True(copy[64..].SequenceEqual(fixture.BiosSource.AsSpan(64)), "bytes from 64 on are the file's own");
        Assert.Equal(fixture.BiosSource, File.ReadAllBytes(fixture.Tree.BiosImage));
    }

    [Fact]
    public void BootInfoTable_MatchesWhatXorrisoWritesIntoTheSameFile()
    {
        var reference = Path.Combine(fixture.Tree.Output, "xorriso.iso");
        ExternalTool.Xorriso.RunChecked(["-as", "mkisofs", "-quiet", "-o", reference, "-b", "boot/bios.img", "-no-emul-boot", "-boot-load-size", "4", "-boot-info-table", fixture.Tree.Source]);
        var xorrisoImage = File.ReadAllBytes(reference);
        var xorrisoBlock = BinaryPrimitives.ReadUInt32LittleEndian(xorrisoImage.AsSpan((int)(XorrisoCatalogBlock(xorrisoImage) * 2048) + 32 + 8));
        var xorrisoCopy = xorrisoImage.AsSpan((int)(xorrisoBlock * 2048), 2048);
        var ourBlock = fixture.BlockOf("/boot/bios.img");
        var ourCopy = fixture.Image.AsSpan((int)(ourBlock * 2048), 2048);

        // The file's block differs between the two layouts; the rest of the table is the same.
        Assert.Equal(xorrisoBlock, BinaryPrimitives.ReadUInt32LittleEndian(xorrisoCopy[12..]));
        Assert.Equal((uint)ourBlock, BinaryPrimitives.ReadUInt32LittleEndian(ourCopy[12..]));
        Assert.Equal(xorrisoCopy[8..12].ToArray(), ourCopy[8..12].ToArray());
        Assert.Equal(xorrisoCopy[16..].ToArray(), ourCopy[16..].ToArray());
        Assert.Equal(xorrisoCopy[..8].ToArray(), ourCopy[..8].ToArray());
    }

    [Fact]
    public void HybridMbr_CarriesTheBootCode_AndTheIsohybridFields()
    {
        var mbr = fixture.Image.AsSpan(0, 512);
        var code = File.ReadAllBytes(fixture.MbrFile);

        Assert.True(mbr[..432].SequenceEqual(code.AsSpan(0, 432)), "the first 432 bytes are the file's boot code");
        Assert.Equal((ulong)fixture.BlockOf("/boot/bios.img") * 4, BinaryPrimitives.ReadUInt64LittleEndian(mbr[432..]));
        Assert.NotEqual(0u, BinaryPrimitives.ReadUInt32LittleEndian(mbr[440..]));
        Assert.Equal(0, BinaryPrimitives.ReadUInt16LittleEndian(mbr[444..]));
        Assert.Equal(0xEE, mbr[446 + 4]);
        Assert.Equal(0x55, mbr[510]);
        Assert.Equal(0xAA, mbr[511]);
    }

    private static long XorrisoCatalogBlock(byte[] image) => BinaryPrimitives.ReadUInt32LittleEndian(image.AsSpan((17 * 2048) + 71));

    [GeneratedRegex(@"El Torito boot img :\s+(\d+)\s+(\w+)\s+y\s+(\w+)\s+0x0000\s+0x00\s+(\d+)\s+(\d+)")]
    private static partial Regex BootImageLine();
}
