namespace DiscMastering.Imapi.ElTorito;

/// <summary>
/// The boot catalog (El Torito 1.0 2.0): a validation entry, the initial/default entry (the first image),
/// and a section for the second image. xorriso orders them the same way: the BIOS image first when there is one.
/// </summary>
internal static class BootCatalog
{
    /// <summary>Every catalog entry is 32 bytes.</summary>
    public const int EntrySize = 32;

    /// <summary>El Torito counts load sizes in 512-byte virtual sectors, as MBR and GPT count LBAs.</summary>
    public const int SectorSize = 512;

    public const int SectorsPerBlock = Iso9660.IsoConstants.BlockSize / SectorSize;

    /// <summary>Writes the catalog into one zeroed block.</summary>
    public static void WriteTo(Span<byte> block, IReadOnlyList<BootImage> images)
    {
        var first = images[0];
        ValidationEntry.WriteTo(block[..EntrySize], first.Platform);
        InitialEntry.WriteTo(block.Slice(EntrySize, EntrySize), first.SectorCount, first.Block);
        var offset = 2 * EntrySize;
        for (var i = 1; i < images.Count; i++)
        {
            SectionHeaderEntry.WriteTo(block.Slice(offset, EntrySize), images[i].Platform, 1, isFinal: i == images.Count - 1);
            SectionEntry.WriteTo(block.Slice(offset + EntrySize, EntrySize), images[i].SectorCount, images[i].Block);
            offset += 2 * EntrySize;
        }
    }
}
