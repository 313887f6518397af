using System.Buffers.Binary;
using System.Text;

namespace DiscMastering.Imapi.ElTorito;

/// <summary>One GPT Partition Entry (UEFI 2.10 5.3.3, table 5-6).</summary>
internal sealed record GptPartitionEntry(Guid Type, Guid Unique, ulong FirstLba, ulong LastLba, string Name)
{
    internal static class FieldLocations
    {
        public const int PartitionTypeGuid = 0;
        public const int UniquePartitionGuid = 16;
        public const int StartingLba = 32;
        public const int EndingLba = 40;
        public const int Attributes = 48;
        public const int PartitionName = 56;
    }

    /// <summary>Bytes of one entry; the array holds <see cref="GptHeader.EntryCount"/> of them (UEFI 2.10 5.3.2).</summary>
    public const int Size = 128;

    /// <summary>The name holds 36 UTF-16LE code units.</summary>
    public const int NameBytes = 72;

    /// <summary>EFI System Partition, UEFI 2.10 table 5-7.</summary>
    public static readonly Guid EfiSystemPartition = new("C12A7328-F81F-11D2-BA4B-00A0C93EC93B");

    /// <summary>Microsoft basic data, the type xorriso gives the ISO 9660 partition (-isohybrid-gpt-basdat).</summary>
    public static readonly Guid BasicData = new("EBD0A0A2-B9E5-4433-87C0-68B6B72699C7");

    /// <summary>Writes the entry into 128 zeroed bytes; GUIDs in the mixed-endian form UEFI stores (Appendix A).</summary>
    public void WriteTo(Span<byte> entry)
    {
        Type.TryWriteBytes(entry[FieldLocations.PartitionTypeGuid..]);
        Unique.TryWriteBytes(entry[FieldLocations.UniquePartitionGuid..]);
        BinaryPrimitives.WriteUInt64LittleEndian(entry[FieldLocations.StartingLba..], FirstLba);
        BinaryPrimitives.WriteUInt64LittleEndian(entry[FieldLocations.EndingLba..], LastLba);
        var name = Name.AsSpan(0, Math.Min(Name.Length, NameBytes / 2));
        Encoding.Unicode.GetBytes(name, entry.Slice(FieldLocations.PartitionName, NameBytes));
    }
}
