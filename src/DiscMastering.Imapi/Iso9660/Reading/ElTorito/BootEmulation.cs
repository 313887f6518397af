namespace DiscMastering.Imapi.Iso9660.Reading.ElTorito;

/// <summary>How the BIOS presents a boot image (El Torito 1.0 figure 3, boot media type).</summary>
public enum BootEmulation : byte
{
    /// <summary>No emulation: the image is loaded as it is.</summary>
    None = 0,

    /// <summary>A 1.2 MB diskette.</summary>
    Diskette1200 = 1,

    /// <summary>A 1.44 MB diskette.</summary>
    Diskette1440 = 2,

    /// <summary>A 2.88 MB diskette.</summary>
    Diskette2880 = 3,

    /// <summary>A hard disk (the image starts with its MBR).</summary>
    HardDisk = 4,
}
