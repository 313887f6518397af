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

    private const int SectorSize = 512;

    /// <summary>UEFI 2.10 5.2.1 table 5.2: four entries of 16 bytes at byte 446, then the signature 55 AA at 510.</summary>
    private const int MbrPartitionTable = 446;

    private const int MbrEntrySize = 16;

    /// <summary>UEFI 2.10 5.2.3: the protective MBR's partition type.</summary>
    private const byte ProtectiveType = 0xEE;

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
        if (mbrSector[510] == 0x55 && mbrSector[511] == 0xAA)
        {
            mbr = [];
            for (var i = 0; i < 4; i++)
            {
                // Table 5.3: status at 0, type at 4, starting LBA at 8, size in sectors at 12.
                var entry = mbrSector.Slice(MbrPartitionTable + i * MbrEntrySize, MbrEntrySize);
                var type = entry[4];
                var start = BinaryPrimitives.ReadUInt32LittleEndian(entry[8..]);
                var size = BinaryPrimitives.ReadUInt32LittleEndian(entry[12..]);
                if (type != 0 || start != 0 || size != 0)
                {
                    mbr.Add(new MbrPartitionInfo(i + 1, entry[0], type, start, size));
                }
            }
        }

        var header = sectors[SectorSize..];
        var protective = mbr?.Any(p => p.Type == ProtectiveType) == true;
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
        var headerSize = BinaryPrimitives.ReadUInt32LittleEndian(header[12..]);
        if (headerSize is < 92 or > SectorSize)
        {
            throw IsoReadErrors.PartitionTableDamaged(imagePath, $"the GPT header claims {headerSize:N0} bytes, not 92 to 512");
        }

        // The header's CRC covers HeaderSize bytes with its own field (byte 16) taken as zero.
        var storedHeaderCrc = BinaryPrimitives.ReadUInt32LittleEndian(header[16..]);
        var crc = GptCrc32.Append(GptCrc32.Start, header[..16]);
        crc = GptCrc32.Append(crc, [0, 0, 0, 0]);
        crc = GptCrc32.Append(crc, header[20..(int)headerSize]);

        var entriesLba = BinaryPrimitives.ReadUInt64LittleEndian(header[72..]);
        var entryCount = BinaryPrimitives.ReadUInt32LittleEndian(header[80..]);
        var entrySize = BinaryPrimitives.ReadUInt32LittleEndian(header[84..]);
        if (entrySize is < 128 or > 4096 || entrySize % 8 != 0)
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

                // UEFI 2.10 5.3.3 table 5.22: type GUID, unique GUID, first and last LBA, attributes, name (72 bytes of UTF-16LE).
                var type = new Guid(entry[..16]);
                if (type == Guid.Empty)
                {
                    continue;
                }

                if (partitions.Count == MaxListedEntries)
                {
                    unlisted++;
                    continue;
                }

                var name = Encoding.Unicode.GetString(entry.Slice(56, 72));
                var end = name.IndexOf('\0');
                partitions.Add(new GptPartitionInfo(
                    i + 1,
                    type,
                    new Guid(entry.Slice(16, 16)),
                    BinaryPrimitives.ReadUInt64LittleEndian(entry[32..]),
                    BinaryPrimitives.ReadUInt64LittleEndian(entry[40..]),
                    BinaryPrimitives.ReadUInt64LittleEndian(entry[48..]),
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
            Revision = BinaryPrimitives.ReadUInt32LittleEndian(header[8..]),
            HeaderSize = headerSize,
            HeaderCrcValid = GptCrc32.Finish(crc) == storedHeaderCrc,
            MyLba = BinaryPrimitives.ReadUInt64LittleEndian(header[24..]),
            AlternateLba = BinaryPrimitives.ReadUInt64LittleEndian(header[32..]),
            FirstUsableLba = BinaryPrimitives.ReadUInt64LittleEndian(header[40..]),
            LastUsableLba = BinaryPrimitives.ReadUInt64LittleEndian(header[48..]),
            DiskGuid = new Guid(header.Slice(56, 16)),
            EntriesLba = entriesLba,
            EntryCount = entryCount,
            EntrySize = entrySize,
            EntriesCrcValid = GptCrc32.Finish(entriesCrc) == BinaryPrimitives.ReadUInt32LittleEndian(header[88..]),
            Partitions = partitions,
            UnlistedPartitions = unlisted,
        };
    }
}
