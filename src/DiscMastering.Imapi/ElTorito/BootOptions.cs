namespace DiscMastering.Imapi.ElTorito;

/// <summary>
/// What makes an image bootable: El Torito boot images (BIOS and UEFI) named by their paths on the disc,
/// and a hybrid MBR/GPT system area so the same image boots from a USB stick.
/// </summary>
public sealed class BootOptions
{
    /// <summary>The catalog's name at the disc's root unless <see cref="CatalogName"/> says otherwise (as mkisofs names it).</summary>
    public const string DefaultCatalogName = "boot.catalog";

    /// <summary>The load size BIOS boot loaders expect: four 512-byte sectors, one 2048-byte block.</summary>
    public const int DefaultLoadSize = 4;

    /// <summary>
    /// The disc path of a no-emulation BIOS boot image (<c>boot/grub/i386-pc/eltorito.img</c>): a file of the
    /// mastered tree, not empty (at least 64 bytes with <see cref="BootInfoTable"/>). Null for none.
    /// </summary>
    public string? BiosBootPath { get; init; }

    /// <summary>512-byte sectors the BIOS loads from the BIOS boot image (1 to 65535).</summary>
    public int BootLoadSize { get; init; } = DefaultLoadSize;

    /// <summary>
    /// Patches mkisofs' boot-info table into bytes 8-63 of the disc's copy of the BIOS boot image (never the
    /// source file): the primary volume descriptor's block, the image's block, its length and checksum.
    /// </summary>
    public bool BootInfoTable { get; init; } = true;

    /// <summary>The disc path of an EFI System Partition image (a FAT image holding EFI/BOOT/BOOTX64.EFI). Null for none.</summary>
    public string? EfiBootPath { get; init; }

    /// <summary>The boot catalog's file name at the disc's root; it must not be the name of a source.</summary>
    public string CatalogName { get; init; } = DefaultCatalogName;

    /// <summary>
    /// Writes a protective MBR and a GPT into the System Area and a backup GPT at the image's end, with the
    /// EFI image as the EFI System Partition, so the image written to a USB stick boots under UEFI. Needs <see cref="EfiBootPath"/>.
    /// </summary>
    public bool Hybrid { get; init; }

    /// <summary>
    /// A local file of BIOS boot code for the MBR (432 or 446 bytes, or a 512-byte isohdpfx-style MBR of which
    /// the first 432 are taken), as xorriso's -isohybrid-mbr. Needs <see cref="Hybrid"/>.
    /// </summary>
    public string? HybridMbrPath { get; init; }

    /// <summary>Whether any boot image is named, so the image gets an El Torito boot record and catalog.</summary>
    public bool IsBootable => BiosBootPath is not null || EfiBootPath is not null;
}
