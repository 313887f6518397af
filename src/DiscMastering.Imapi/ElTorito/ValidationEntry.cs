using System.Buffers.Binary;

namespace DiscMastering.Imapi.ElTorito;

/// <summary>The boot catalog's first entry (El Torito 1.0 2.1, table 1): the platform of the default entry, and a checksum.</summary>
internal static class ValidationEntry
{
    internal static class FieldLocations
    {
        public const int HeaderId = 0;
        public const int PlatformId = 1;
        public const int IdString = 4;
        public const int Checksum = 28;
        public const int Key = 30;
    }

    public const byte HeaderId = 1;

    /// <summary>Writes the entry into 32 zeroed bytes: the sixteen 16-bit words add up to zero.</summary>
    public static void WriteTo(Span<byte> entry, BootPlatform platform)
    {
        entry[FieldLocations.HeaderId] = HeaderId;
        entry[FieldLocations.PlatformId] = (byte)platform;
        entry[FieldLocations.Key] = 0x55;
        entry[FieldLocations.Key + 1] = 0xAA;
        ushort sum = 0;
        for (var i = 0; i < BootCatalog.EntrySize; i += 2)
        {
            sum += BinaryPrimitives.ReadUInt16LittleEndian(entry[i..]);
        }

        BinaryPrimitives.WriteUInt16LittleEndian(entry[FieldLocations.Checksum..], (ushort)(0x10000 - sum));
    }
}
