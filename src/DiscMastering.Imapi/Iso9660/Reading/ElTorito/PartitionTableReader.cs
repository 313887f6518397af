using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace DiscMastering.Imapi.Iso9660.Reading.ElTorito;

/// <summary>
/// Reads the MBR and GPT of a hybrid image (one bootable from a USB stick too), in sectors of 512 bytes.
/// Bounded: the entry array is at most <see cref="MaxEntryArrayBytes"/>, entries 128 to 4,096 bytes, and at
/// most <see cref="MaxListedEntries"/> used entries are kept.
/// </summary>
internal static class PartitionTableReader
{
    public const int MaxListedEntries = 128;

    /// <summary>Far beyond the 16 KiB the UEFI minimum asks for, and small enough to read through.</summary>
    public const int MaxEntryArrayBytes = 1 << 20;

    private const int SectorSize = PartitionLayout.SectorSize;

    /// <summary>UEFI 2.10 5.3.2 table 5.21: "EFI PART".</summary>
    private static ReadOnlySpan<byte> GptSignature => "EFI PART"u8;

    public static PartitionTableInfo? Read(ImageRead read, string imagePath, long fileLength)
    {
        if (fileLength < 2 * SectorSize)
        {
            return null;
        }

        Span<byte> sectors = stackalloc byte[2 * SectorSize];
        read(sectors, 0);
        var mbrSector = sectors[..SectorSize];
        List<MbrPartitionInfo>? mbr = null;
        if (mbrSector[PartitionLayout.Mbr.Signature] == 0x55 && mbrSector[PartitionLayout.Mbr.Signature + 1] == 0xAA)
        {
            mbr = [];
            for (var i = 0; i < 4; i++)
            {
                var entry = mbrSector.Slice(PartitionLayout.Mbr.PartitionRecords + i * PartitionLayout.Mbr.PartitionRecordSize, PartitionLayout.Mbr.PartitionRecordSize);
                var type = entry[PartitionLayout.Mbr.Type];
                var start = BinaryPrimitives.ReadUInt32LittleEndian(entry[PartitionLayout.Mbr.StartLba..]);
                var size = BinaryPrimitives.ReadUInt32LittleEndian(entry[PartitionLayout.Mbr.Sectors..]);
                if (type != 0 || start != 0 || size != 0)
                {
                    mbr.Add(new MbrPartitionInfo(i + 1, entry[PartitionLayout.Mbr.Status], type, start, size));
                }
            }
        }

        var header = sectors[SectorSize..];
        var protective = mbr?.Any(p => p.Type == PartitionLayout.Mbr.ProtectiveType) == true;
        if (!header.StartsWith(GptSignature))
        {
            if (protective)
            {
                throw IsoReadErrors.PartitionTableDamaged(imagePath, "the MBR has a protective GPT entry (0xEE) but sector 1 holds no GPT header ('EFI PART')");
            }

            return mbr is null ? null : new PartitionTableInfo(mbr, null);
        }

        return new PartitionTableInfo(mbr, ReadGpt(read, imagePath, fileLength, header));
    }

    /// <summary>UEFI 2.10 5.3.2 table 5.21: the header's fields, then the entry array it points to.</summary>
    private static GptInfo ReadGpt(ImageRead read, string imagePath, long fileLength, ReadOnlySpan<byte> header)
    {
        var headerSize = BinaryPrimitives.ReadUInt32LittleEndian(header[PartitionLayout.Header.HeaderSize..]);
        if (headerSize is < PartitionLayout.Header.MinimumSize or > SectorSize)
        {
            throw IsoReadErrors.PartitionTableDamaged(imagePath, $"the GPT header claims {headerSize:N0} bytes, not 92 to 512");
        }

        // The header's CRC covers HeaderSize bytes with its own field taken as zero.
        var storedHeaderCrc = BinaryPrimitives.ReadUInt32LittleEndian(header[PartitionLayout.Header.HeaderCrc..]);
        var crc = GptCrc32.Append(GptCrc32.Start, header[..PartitionLayout.Header.HeaderCrc]);
        crc = GptCrc32.Append(crc, [0, 0, 0, 0]);
        crc = GptCrc32.Append(crc, header[(PartitionLayout.Header.HeaderCrc + 4)..(int)headerSize]);

        var entriesLba = BinaryPrimitives.ReadUInt64LittleEndian(header[PartitionLayout.Header.EntriesLba..]);
        var entryCount = BinaryPrimitives.ReadUInt32LittleEndian(header[PartitionLayout.Header.EntryCount..]);
        var entrySize = BinaryPrimitives.ReadUInt32LittleEndian(header[PartitionLayout.Header.EntrySize..]);
        if (entrySize is < PartitionLayout.Entry.MinimumSize or > 4096 || entrySize % 8 != 0)
        {
            throw IsoReadErrors.PartitionTableDamaged(imagePath, $"the GPT header gives entries of {entrySize:N0} bytes, not a multiple of 8 from 128 to 4,096");
        }

        var arrayBytes = (ulong)entryCount * entrySize;
        if (arrayBytes > MaxEntryArrayBytes)
        {
            throw IsoReadErrors.PartitionTableDamaged(imagePath, $"the GPT header claims {entryCount:N0} entries of {entrySize:N0} bytes, more than the {MaxEntryArrayBytes / 1024:N0} KiB this reader accepts");
        }

        if (entriesLba == 0 || entriesLba > (ulong)fileLength / SectorSize || entriesLba * SectorSize + arrayBytes > (ulong)fileLength)
        {
            throw IsoReadErrors.PartitionTableDamaged(imagePath, $"the GPT entry array at sector {entriesLba:N0} lies beyond the image's end");
        }

        var partitions = new List<GptPartitionInfo>();
        var unlisted = 0;
        var entriesCrc = GptCrc32.Start;
        var buffer = ArrayPool<byte>.Shared.Rent((int)entrySize);
        try
        {
            var entry = buffer.AsSpan(0, (int)entrySize);
            for (var i = 0; i < entryCount; i++)
            {
                read(entry, (long)entriesLba * SectorSize + (long)i * entrySize);
                entriesCrc = GptCrc32.Append(entriesCrc, entry);

                // GUIDs are stored with their first three fields little-endian, as Guid(ReadOnlySpan<byte>) reads them.
                var type = new Guid(entry.Slice(PartitionLayout.Entry.TypeGuid, 16));
                if (type == Guid.Empty)
                {
                    continue;
                }

                if (partitions.Count == MaxListedEntries)
                {
                    unlisted++;
                    continue;
                }

                var name = Encoding.Unicode.GetString(entry.Slice(PartitionLayout.Entry.Name, PartitionLayout.Entry.NameLength));
                var end = name.IndexOf('\0');
                partitions.Add(new GptPartitionInfo(
                    i + 1,
                    type,
                    new Guid(entry.Slice(PartitionLayout.Entry.PartitionGuid, 16)),
                    BinaryPrimitives.ReadUInt64LittleEndian(entry[PartitionLayout.Entry.FirstLba..]),
                    BinaryPrimitives.ReadUInt64LittleEndian(entry[PartitionLayout.Entry.LastLba..]),
                    BinaryPrimitives.ReadUInt64LittleEndian(entry[PartitionLayout.Entry.Attributes..]),
                    end < 0 ? name : name[..end]));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return new GptInfo
        {
            HeaderLba = 1,
            Revision = BinaryPrimitives.ReadUInt32LittleEndian(header[PartitionLayout.Header.Revision..]),
            HeaderSize = headerSize,
            HeaderCrcValid = GptCrc32.Finish(crc) == storedHeaderCrc,
            MyLba = BinaryPrimitives.ReadUInt64LittleEndian(header[PartitionLayout.Header.MyLba..]),
            AlternateLba = BinaryPrimitives.ReadUInt64LittleEndian(header[PartitionLayout.Header.AlternateLba..]),
            FirstUsableLba = BinaryPrimitives.ReadUInt64LittleEndian(header[PartitionLayout.Header.FirstUsableLba..]),
            LastUsableLba = BinaryPrimitives.ReadUInt64LittleEndian(header[PartitionLayout.Header.LastUsableLba..]),
            DiskGuid = new Guid(header.Slice(PartitionLayout.Header.DiskGuid, 16)),
            EntriesLba = entriesLba,
            EntryCount = entryCount,
            EntrySize = entrySize,
            EntriesCrcValid = GptCrc32.Finish(entriesCrc) == BinaryPrimitives.ReadUInt32LittleEndian(header[PartitionLayout.Header.EntriesCrc..]),
            Partitions = partitions,
            UnlistedPartitions = unlisted,
        };
    }
}
