using System.Buffers.Binary;

namespace DiscMastering.Imapi.ElTorito;

/// <summary>The GPT Header (UEFI 2.10 5.3.2, table 5-5), primary at LBA 1 and backup at the disk's last LBA.</summary>
internal sealed record GptHeader(ulong MyLba, ulong AlternateLba, ulong FirstUsableLba, ulong LastUsableLba, Guid DiskGuid, ulong EntriesLba, uint EntriesCrc)
{
    internal static class FieldLocations
    {
        public const int Signature = 0;
        public const int Revision = 8;
        public const int HeaderSize = 12;
        public const int HeaderCrc32 = 16;
        public const int MyLba = 24;
        public const int AlternateLba = 32;
        public const int FirstUsableLba = 40;
        public const int LastUsableLba = 48;
        public const int DiskGuid = 56;
        public const int PartitionEntryLba = 72;
        public const int NumberOfPartitionEntries = 80;
        public const int SizeOfPartitionEntry = 84;
        public const int PartitionEntryArrayCrc32 = 88;
    }

    /// <summary>Bytes the header CRC covers.</summary>
    public const int Size = 92;

    /// <summary>Entries in the array: 128 of 128 bytes, the minimum of 16,384 bytes UEFI asks for (5.3.2).</summary>
    public const int EntryCount = 128;

    /// <summary>512-byte sectors the entry array takes.</summary>
    public const int EntrySectors = EntryCount * GptPartitionEntry.Size / BootCatalog.SectorSize;

    /// <summary>Revision 1.0.</summary>
    public const uint Revision = 0x00010000;

    public static ReadOnlySpan<byte> Signature => "EFI PART"u8;

    /// <summary>Writes the header into one zeroed 512-byte sector, its CRC last.</summary>
    public void WriteTo(Span<byte> sector)
    {
        Signature.CopyTo(sector[FieldLocations.Signature..]);
        BinaryPrimitives.WriteUInt32LittleEndian(sector[FieldLocations.Revision..], Revision);
        BinaryPrimitives.WriteUInt32LittleEndian(sector[FieldLocations.HeaderSize..], Size);
        BinaryPrimitives.WriteUInt64LittleEndian(sector[FieldLocations.MyLba..], MyLba);
        BinaryPrimitives.WriteUInt64LittleEndian(sector[FieldLocations.AlternateLba..], AlternateLba);
        BinaryPrimitives.WriteUInt64LittleEndian(sector[FieldLocations.FirstUsableLba..], FirstUsableLba);
        BinaryPrimitives.WriteUInt64LittleEndian(sector[FieldLocations.LastUsableLba..], LastUsableLba);
        DiskGuid.TryWriteBytes(sector[FieldLocations.DiskGuid..]);
        BinaryPrimitives.WriteUInt64LittleEndian(sector[FieldLocations.PartitionEntryLba..], EntriesLba);
        BinaryPrimitives.WriteUInt32LittleEndian(sector[FieldLocations.NumberOfPartitionEntries..], EntryCount);
        BinaryPrimitives.WriteUInt32LittleEndian(sector[FieldLocations.SizeOfPartitionEntry..], GptPartitionEntry.Size);
        BinaryPrimitives.WriteUInt32LittleEndian(sector[FieldLocations.PartitionEntryArrayCrc32..], EntriesCrc);
        BinaryPrimitives.WriteUInt32LittleEndian(sector[FieldLocations.HeaderCrc32..], Crc32.Compute(sector[..Size]));
    }
}
