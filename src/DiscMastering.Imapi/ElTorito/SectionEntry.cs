using System.Buffers.Binary;

namespace DiscMastering.Imapi.ElTorito;

/// <summary>A Section Entry (El Torito 1.0 2.4, table 4): one more boot image, here with no selection criteria.</summary>
internal static class SectionEntry
{
    internal static class FieldLocations
    {
        public const int BootIndicator = 0;
        public const int MediaType = 1;
        public const int LoadSegment = 2;
        public const int SystemType = 4;
        public const int SectorCount = 6;
        public const int LoadRba = 8;
        public const int SelectionCriteriaType = 12;
    }

    public static void WriteTo(Span<byte> entry, ushort sectorCount, uint loadBlock)
    {
        entry[FieldLocations.BootIndicator] = InitialEntry.Bootable;
        entry[FieldLocations.MediaType] = InitialEntry.NoEmulation;
        BinaryPrimitives.WriteUInt16LittleEndian(entry[FieldLocations.SectorCount..], sectorCount);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[FieldLocations.LoadRba..], loadBlock);
    }
}
