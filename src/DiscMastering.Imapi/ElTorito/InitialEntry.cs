using System.Buffers.Binary;

namespace DiscMastering.Imapi.ElTorito;

/// <summary>The Initial/Default Entry (El Torito 1.0 2.2, table 2): the image a BIOS boots when it looks at no sections.</summary>
internal static class InitialEntry
{
    internal static class FieldLocations
    {
        public const int BootIndicator = 0;
        public const int MediaType = 1;
        public const int LoadSegment = 2;
        public const int SystemType = 4;
        public const int SectorCount = 6;
        public const int LoadRba = 8;
    }

    /// <summary>Boot indicator of a bootable entry.</summary>
    public const byte Bootable = 0x88;

    /// <summary>Boot media type "no emulation".</summary>
    public const byte NoEmulation = 0;

    /// <summary>Writes the entry into 32 zeroed bytes; load segment 0 means the traditional 0x7C0.</summary>
    public static void WriteTo(Span<byte> entry, ushort sectorCount, uint loadBlock)
    {
        entry[FieldLocations.BootIndicator] = Bootable;
        entry[FieldLocations.MediaType] = NoEmulation;
        BinaryPrimitives.WriteUInt16LittleEndian(entry[FieldLocations.SectorCount..], sectorCount);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[FieldLocations.LoadRba..], loadBlock);
    }
}
