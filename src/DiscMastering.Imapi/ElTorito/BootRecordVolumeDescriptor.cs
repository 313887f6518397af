using System.Buffers.Binary;
using DiscMastering.Imapi.Iso9660;

namespace DiscMastering.Imapi.ElTorito;

/// <summary>The Boot Record Volume Descriptor that points at the boot catalog (El Torito 1.0 2.0, ECMA-119 8.2).</summary>
internal static class BootRecordVolumeDescriptor
{
    internal static class FieldLocations
    {
        public const int Type = 0;
        public const int StandardIdentifier = Type + 1;
        public const int Version = StandardIdentifier + 5;
        public const int BootSystemIdentifier = Version + 1;
        public const int BootIdentifier = BootSystemIdentifier + FieldLengths.BootSystemIdentifier;
        public const int CatalogPointer = BootIdentifier + FieldLengths.BootIdentifier;
    }

    internal static class FieldLengths
    {
        public const int BootSystemIdentifier = 32;
        public const int BootIdentifier = 32;
    }

    /// <summary>Boot record descriptor type, ECMA-119 8.1.1.</summary>
    public const byte DescriptorType = 0;

    /// <summary>The boot system identifier, padded with zeros (El Torito 1.0 table 7).</summary>
    public static ReadOnlySpan<byte> ElToritoIdentifier => "EL TORITO SPECIFICATION"u8;

    /// <summary>Writes the descriptor into one zeroed block.</summary>
    public static void WriteTo(Span<byte> block, uint catalogBlock)
    {
        block[FieldLocations.Type] = DescriptorType;
        IsoConstants.StandardIdentifier.CopyTo(block[FieldLocations.StandardIdentifier..]);
        block[FieldLocations.Version] = 1;
        ElToritoIdentifier.CopyTo(block[FieldLocations.BootSystemIdentifier..]);
        BinaryPrimitives.WriteUInt32LittleEndian(block[FieldLocations.CatalogPointer..], catalogBlock);
    }
}
