namespace DiscMastering.Imapi.Iso9660.Reading.ElTorito;

/// <summary>One bootable image the boot catalog names: the initial/default entry or a section entry (El Torito 1.0 figures 3 and 5).</summary>
/// <param name="Section">0 for the initial/default entry; 1 and up for the section it belongs to.</param>
/// <param name="Platform">The platform ID of its validation entry or section header: 0 x86, 1 PowerPC, 2 Mac, 0xEF EFI.</param>
/// <param name="Bootable">The boot indicator is 0x88 (bootable) rather than 0 (not bootable).</param>
/// <param name="Emulation">The boot media type's emulation (its low 4 bits).</param>
/// <param name="LoadSegment">The segment to load the image at; 0 means the BIOS default, 0x7C0.</param>
/// <param name="SystemType">A copy of the partition type in the image's partition table (hard disk emulation).</param>
/// <param name="SectorCount">Virtual sectors of 512 bytes loaded at boot.</param>
/// <param name="ImageBlock">The image's first block (its relative block address).</param>
/// <param name="HasBootInfoTable">
/// True when the image's bytes 8 to 15 hold the primary volume descriptor's block (16) and the image's own
/// block, as a boot-info table (mkisofs -boot-info-table) starts; null when the image lies outside the volume.
/// </param>
public sealed record BootCatalogEntryInfo(
    int Section,
    byte Platform,
    bool Bootable,
    BootEmulation Emulation,
    ushort LoadSegment,
    byte SystemType,
    ushort SectorCount,
    uint ImageBlock,
    bool? HasBootInfoTable)
{
    /// <summary>The platform's name: "x86", "PowerPC", "Mac", "EFI", or its number in hex.</summary>
    public string PlatformName => NameOf(Platform);

    /// <summary>The emulation's name: "none", "1.2M", "1.44M", "2.88M", "hard disk".</summary>
    public string EmulationName => Emulation switch
    {
        BootEmulation.None => "none",
        BootEmulation.Diskette1200 => "1.2M",
        BootEmulation.Diskette1440 => "1.44M",
        BootEmulation.Diskette2880 => "2.88M",
        BootEmulation.HardDisk => "hard disk",
        _ => $"unknown ({(byte)Emulation})",
    };

    /// <summary>El Torito 1.0 figure 2 names 0, 1 and 2; UEFI 2.10 12.3.2.1 adds 0xEF.</summary>
    public static string NameOf(byte platform) => platform switch
    {
        0 => "x86",
        1 => "PowerPC",
        2 => "Mac",
        0xEF => "EFI",
        _ => $"0x{platform:X2}",
    };
}
