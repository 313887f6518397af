namespace DiscMastering.Imapi.ElTorito;

/// <summary>Platform identifiers of the boot catalog (El Torito 1.0 2.1; 0xEF from UEFI 2.10 12.3.2.1).</summary>
internal enum BootPlatform : byte
{
    /// <summary>80x86 PC BIOS.</summary>
    X86 = 0,

    /// <summary>UEFI.</summary>
    Efi = 0xEF,
}
