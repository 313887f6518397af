namespace DiscMastering.Tool.Tests.Boot;

/// <summary>The firmware a QEMU machine starts with.</summary>
public enum Firmware
{
    /// <summary>QEMU's default PC BIOS; boots El Torito's BIOS entry (platform 0) from a CD-ROM.</summary>
    SeaBios,

    /// <summary>UEFI (EDK II's OVMF); boots the EFI System Partition image of El Torito's EFI entry (platform 0xEF).</summary>
    Ovmf,
}
