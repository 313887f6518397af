using DiscMastering.Imapi.Iso9660;

namespace DiscMastering.Imapi.ElTorito;

/// <summary>One boot image of the catalog: a file of the tree, where the layout put it, and how many 512-byte sectors to load.</summary>
internal sealed record BootImage(BootPlatform Platform, DiscFile File, uint Block, ushort SectorCount)
{
    /// <summary>The image's first 512-byte sector, as MBR and GPT count.</summary>
    public ulong FirstSector => (ulong)Block * BootCatalog.SectorsPerBlock;

    /// <summary>The 512-byte sectors the image's bytes take.</summary>
    public ulong Sectors => (ulong)((File.Length + BootCatalog.SectorSize - 1) / BootCatalog.SectorSize);
}
