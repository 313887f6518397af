using DiscMastering.Imapi.Iso9660;

namespace DiscMastering.Imapi.ElTorito;

/// <summary>The checks of <see cref="BootOptions"/> that need no tree, made before the sources are scanned.</summary>
internal static class BootChecks
{
    /// <summary>The hybrid MBR file lengths understood: isohybrid's code, the whole code area, or a whole MBR.</summary>
    public const int WholeMbrLength = 512;

    public static void CheckOptions(BootOptions? boot)
    {
        if (boot is null)
        {
            return;
        }

        if (boot.BiosBootPath is not null && boot.BootLoadSize is < 1 or > ushort.MaxValue)
        {
            throw new DiscMasteringException(
                DiscMasteringError.BootLoadSizeOutOfRange,
                $"the boot load size is {boot.BootLoadSize}; El Torito records 1 to 65535 sectors of 512 bytes. Leave --boot-load-size out for 4, which BIOS boot loaders expect.");
        }

        if (boot.Hybrid && boot.EfiBootPath is null)
        {
            throw new DiscMasteringException(
                DiscMasteringError.HybridIncomplete,
                "--hybrid makes the EFI image the EFI System Partition of a GPT, but no --efi-boot image is named; add --efi-boot <disc/path> or leave --hybrid out.");
        }

        if (boot.HybridMbrPath is not null && !boot.Hybrid)
        {
            throw new DiscMasteringException(
                DiscMasteringError.HybridIncomplete,
                "--hybrid-mbr puts boot code into the hybrid MBR, but --hybrid is not given; add --hybrid (with --efi-boot) or leave --hybrid-mbr out.");
        }

        if (boot.HybridMbrPath is { } mbr)
        {
            var info = new FileInfo(mbr);
            if (!info.Exists)
            {
                throw new DiscMasteringException(
                    DiscMasteringError.HybridMbrInvalid,
                    $"the hybrid MBR file '{Path.GetFullPath(mbr)}' does not exist; check the path (isohdpfx.bin comes with Debian's isolinux package).");
            }

            if (info.Length is not (MasterBootRecord.IsohybridCodeLength or MasterBootRecord.FullCodeLength or WholeMbrLength))
            {
                throw new DiscMasteringException(
                    DiscMasteringError.HybridMbrInvalid,
                    $"the hybrid MBR file '{info.FullName}' is {info.Length:N0} bytes; it must be 432 or 446 bytes of boot code, or a 512-byte MBR such as isohdpfx.bin.");
            }
        }

        CheckCatalogName(boot);
    }

    private static void CheckCatalogName(BootOptions boot)
    {
        if (!boot.IsBootable)
        {
            return;
        }

        var name = boot.CatalogName;
        if (name.Length == 0 || name is "." or ".." || name.Contains('/') || name.Contains('\\')
            || name.Length > IsoConstants.JolietMaxNameLength || JolietNaming.FirstForbidden(name) is not null)
        {
            throw new DiscMasteringException(
                DiscMasteringError.BootCatalogNameInvalid,
                $"the boot catalog name '{name}' is no file name at the disc's root: it must be 1 to {IsoConstants.JolietMaxNameLength} characters without / \\ * : ; ? or control characters. Leave --boot-catalog out for '{BootOptions.DefaultCatalogName}'.");
        }
    }
}
