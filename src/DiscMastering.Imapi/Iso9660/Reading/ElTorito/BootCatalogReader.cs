using System.Buffers.Binary;
using System.Text;

namespace DiscMastering.Imapi.Iso9660.Reading.ElTorito;

/// <summary>
/// Reads an El Torito boot catalog: 32-byte entries, a validation entry whose checksum is verified, the
/// initial/default entry, then sections. Bounded: at most <see cref="MaxCatalogBlocks"/> blocks are read, so
/// counts that claim more entries than that are damage.
/// </summary>
internal static class BootCatalogReader
{
    /// <summary>256 entries: more than any writer puts in a catalog (xorriso allows 32 boot images).</summary>
    public const int MaxCatalogBlocks = 4;

    private const int EntrySize = BootCatalogEntry.Size;

    public static BootCatalogInfo Read(ImageRead read, string imagePath, IsoVolumeInfo volume, uint catalogBlock)
    {
        var offset = (long)catalogBlock * IsoConstants.BlockSize;
        if (catalogBlock <= IsoConstants.SystemAreaBlocks || offset + IsoConstants.BlockSize > volume.VolumeBytes)
        {
            throw IsoReadErrors.BootCatalogDamaged(imagePath, $"the boot record points to block {catalogBlock:N0}, outside the volume's {volume.VolumeSpaceSize:N0} blocks");
        }

        var bytes = new byte[(int)Math.Min(MaxCatalogBlocks * IsoConstants.BlockSize, volume.VolumeBytes - offset)];
        read(bytes, offset);
        var count = bytes.Length / EntrySize;
        ReadOnlySpan<byte> Entry(int index) => bytes.AsSpan(index * EntrySize, EntrySize);

        var validation = Entry(0);
        if (validation[BootCatalogEntry.Validation.HeaderId] != BootCatalogEntry.Validation.HeaderIdValue
            || validation[BootCatalogEntry.Validation.KeyBytes] != 0x55 || validation[BootCatalogEntry.Validation.KeyBytes + 1] != 0xAA)
        {
            throw IsoReadErrors.BootCatalogDamaged(imagePath, $"block {catalogBlock:N0} does not start with a validation entry (header 01, key bytes 55 AA)");
        }

        // The 16 little-endian words of the validation entry sum to zero.
        ushort sum = 0;
        for (var i = 0; i < EntrySize; i += 2)
        {
            sum += BinaryPrimitives.ReadUInt16LittleEndian(validation[i..]);
        }

        if (sum != 0)
        {
            throw IsoReadErrors.BootCatalogDamaged(imagePath, $"the validation entry's checksum does not match (its words sum to 0x{sum:X4}, not 0)");
        }

        var platform = validation[BootCatalogEntry.Validation.Platform];
        var entries = new List<BootCatalogEntryInfo> { ReadBootEntry(read, imagePath, volume, Entry(1), section: 0, platform, "the initial/default entry") };
        var index = 2;
        var section = 0;
        while (index < count)
        {
            var header = Entry(index);
            var indicator = header[BootCatalogEntry.SectionHeader.Indicator];
            if (indicator is not (BootCatalogEntry.SectionHeader.MoreFollow or BootCatalogEntry.SectionHeader.Final))
            {
                if (indicator == 0)
                {
                    break;
                }

                throw IsoReadErrors.BootCatalogDamaged(imagePath, $"entry {index} holds 0x{indicator:X2} where a section header (0x90 or 0x91) or the end (0) goes");
            }

            section++;
            var sectionPlatform = header[BootCatalogEntry.SectionHeader.Platform];
            var sectionEntries = BinaryPrimitives.ReadUInt16LittleEndian(header[BootCatalogEntry.SectionHeader.EntryCount..]);
            index++;
            for (var n = 0; n < sectionEntries; n++)
            {
                if (index >= count)
                {
                    throw IsoReadErrors.BootCatalogDamaged(imagePath, $"section {section} claims {sectionEntries:N0} entries, more than the {MaxCatalogBlocks} blocks read hold");
                }

                var entry = Entry(index);
                entries.Add(ReadBootEntry(read, imagePath, volume, entry, section, sectionPlatform, $"entry {index}"));
                index++;

                // El Torito 1.0 figures 5 and 6: bit 5 of the media type, then of each extension's flags, says another extension follows.
                var more = (entry[BootCatalogEntry.Boot.MediaType] & BootCatalogEntry.Boot.ExtensionFollows) != 0;
                while (more)
                {
                    if (index >= count || Entry(index)[BootCatalogEntry.Extension.Indicator] != BootCatalogEntry.Extension.IndicatorValue)
                    {
                        throw IsoReadErrors.BootCatalogDamaged(imagePath, $"entry {index} should be a section entry extension (0x44)");
                    }

                    more = (Entry(index)[BootCatalogEntry.Extension.Flags] & BootCatalogEntry.Boot.ExtensionFollows) != 0;
                    index++;
                }
            }

            if (indicator == BootCatalogEntry.SectionHeader.Final)
            {
                break;
            }
        }

        var idString = Encoding.ASCII.GetString(validation.Slice(BootCatalogEntry.Validation.IdString, BootCatalogEntry.Validation.IdStringLength)).TrimEnd('\0', ' ');
        return new BootCatalogInfo(catalogBlock, platform, Printable(idString), entries);
    }

    /// <summary>El Torito 1.0 figures 3 and 5: indicator, media type, load segment, system type, sector count, load block.</summary>
    private static BootCatalogEntryInfo ReadBootEntry(ImageRead read, string imagePath, IsoVolumeInfo volume, ReadOnlySpan<byte> entry, int section, byte platform, string where)
    {
        var indicator = entry[BootCatalogEntry.Boot.Indicator];
        if (indicator is not (BootCatalogEntry.Boot.Bootable or BootCatalogEntry.Boot.NotBootable))
        {
            throw IsoReadErrors.BootCatalogDamaged(imagePath, $"{where} has boot indicator 0x{indicator:X2}, neither 0x88 (bootable) nor 0 (not bootable)");
        }

        var imageBlock = BinaryPrimitives.ReadUInt32LittleEndian(entry[BootCatalogEntry.Boot.LoadBlock..]);
        return new BootCatalogEntryInfo(
            section,
            platform,
            Bootable: indicator == BootCatalogEntry.Boot.Bootable,
            Emulation: (BootEmulation)(entry[BootCatalogEntry.Boot.MediaType] & BootCatalogEntry.Boot.EmulationMask),
            LoadSegment: BinaryPrimitives.ReadUInt16LittleEndian(entry[BootCatalogEntry.Boot.LoadSegment..]),
            SystemType: entry[BootCatalogEntry.Boot.SystemType],
            SectorCount: BinaryPrimitives.ReadUInt16LittleEndian(entry[BootCatalogEntry.Boot.SectorCount..]),
            imageBlock,
            HasBootInfoTable(read, volume, imageBlock));
    }

    /// <summary>
    /// mkisofs -boot-info-table patches bytes 8 to 23 of a boot image: the primary volume descriptor's block,
    /// the image's block, its length and checksum. The first two are enough to recognise it.
    /// </summary>
    private static bool? HasBootInfoTable(ImageRead read, IsoVolumeInfo volume, uint imageBlock)
    {
        var offset = (long)imageBlock * IsoConstants.BlockSize;
        if (imageBlock == 0 || offset + 16 > volume.VolumeBytes)
        {
            return null;
        }

        // The table's first fields, bi_pvd and bi_file, as genisoimage's manual lays them out.
        const int PrimaryDescriptorBlock = 8, FileBlock = PrimaryDescriptorBlock + 4;
        Span<byte> head = stackalloc byte[FileBlock + 4];
        read(head, offset);
        return BinaryPrimitives.ReadUInt32LittleEndian(head[PrimaryDescriptorBlock..]) == IsoConstants.SystemAreaBlocks
            && BinaryPrimitives.ReadUInt32LittleEndian(head[FileBlock..]) == imageBlock;
    }

    private static string Printable(string text) => string.Concat(text.Select(c => c is >= ' ' and < (char)0x7F ? c : '?'));
}
