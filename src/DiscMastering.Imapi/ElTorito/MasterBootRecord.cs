using System.Buffers.Binary;

namespace DiscMastering.Imapi.ElTorito;

/// <summary>
/// The protective MBR in front of the GPT (UEFI 2.10 5.2.3, tables 5-3 and 5-4), optionally with BIOS boot code.
/// With 432 bytes of code the isohybrid convention fills 432-445 as xorriso's -isohybrid-mbr does: the BIOS
/// boot image's 512-byte LBA as 64 bits at 432 (isohdpfx loads it from there), then the disk signature.
/// </summary>
internal static class MasterBootRecord
{
    internal static class FieldLocations
    {
        public const int BootCode = 0;
        public const int IsohybridBootImageLba = 432;
        public const int DiskSignature = 440;
        public const int PartitionRecords = 446;
        public const int Signature = 510;
    }

    internal static class PartitionRecordLocations
    {
        public const int BootIndicator = 0;
        public const int StartingChs = 1;
        public const int OsType = 4;
        public const int EndingChs = 5;
        public const int StartingLba = 8;
        public const int SizeInLba = 12;
    }

    /// <summary>Boot code lengths taken: up to the isohybrid fields, or up to the partition records.</summary>
    public const int IsohybridCodeLength = 432;

    public const int FullCodeLength = 446;

    /// <summary>The protective partition's type, GPT protective (UEFI 2.10 table 5-4).</summary>
    public const byte GptProtective = 0xEE;

    /// <summary>
    /// Writes the MBR into one zeroed sector. <paramref name="bootCode"/> is 0, 432 or 446 bytes; the protective
    /// partition covers LBA 1 to the disk's end, or 0xFFFFFFFF sectors when the disk is larger.
    /// </summary>
    public static void WriteTo(Span<byte> sector, ReadOnlySpan<byte> bootCode, ulong bootImageLba, uint diskSignature, ulong diskSectors)
    {
        bootCode.CopyTo(sector[FieldLocations.BootCode..]);
        if (bootCode.Length == IsohybridCodeLength)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(sector[FieldLocations.IsohybridBootImageLba..], bootImageLba);
            BinaryPrimitives.WriteUInt32LittleEndian(sector[FieldLocations.DiskSignature..], diskSignature);
        }

        var record = sector.Slice(FieldLocations.PartitionRecords, 16);
        record[PartitionRecordLocations.BootIndicator] = 0;
        record[PartitionRecordLocations.StartingChs + 1] = 0x02;
        record[PartitionRecordLocations.OsType] = GptProtective;
        record.Slice(PartitionRecordLocations.EndingChs, 3).Fill(0xFF);
        BinaryPrimitives.WriteUInt32LittleEndian(record[PartitionRecordLocations.StartingLba..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(record[PartitionRecordLocations.SizeInLba..], (uint)Math.Min(diskSectors - 1, uint.MaxValue));
        sector[FieldLocations.Signature] = 0x55;
        sector[FieldLocations.Signature + 1] = 0xAA;
    }
}
