using System.Buffers.Binary;

namespace DiscMastering.Imapi.ElTorito;

/// <summary>A Section Header Entry (El Torito 1.0 2.3, table 3): a platform and how many section entries follow.</summary>
internal static class SectionHeaderEntry
{
    internal static class FieldLocations
    {
        public const int HeaderIndicator = 0;
        public const int PlatformId = 1;
        public const int EntryCount = 2;
        public const int IdString = 4;
    }

    /// <summary>More section headers follow.</summary>
    public const byte MoreHeaders = 0x90;

    /// <summary>This is the last section header.</summary>
    public const byte FinalHeader = 0x91;

    public static void WriteTo(Span<byte> entry, BootPlatform platform, ushort entries, bool isFinal)
    {
        entry[FieldLocations.HeaderIndicator] = isFinal ? FinalHeader : MoreHeaders;
        entry[FieldLocations.PlatformId] = (byte)platform;
        BinaryPrimitives.WriteUInt16LittleEndian(entry[FieldLocations.EntryCount..], entries);
    }
}
