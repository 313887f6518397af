using System.Buffers.Binary;

namespace DiscMastering.Imapi.Iso9660.Reading.ElTorito;

/// <summary>An El Torito boot record volume descriptor, as read from an image: where the boot catalog lies.</summary>
/// <param name="DescriptorBlock">The block (of 2,048 bytes) the descriptor was read from.</param>
/// <param name="CatalogBlock">The first block of the boot catalog.</param>
public sealed record BootRecordInfo(int DescriptorBlock, uint CatalogBlock)
{
    /// <summary>El Torito 1.0 2.0 (figure 7): the boot system identifier, padded with zero bytes to 32.</summary>
    private static ReadOnlySpan<byte> ElToritoIdentifier => "EL TORITO SPECIFICATION"u8;

    /// <summary>El Torito 1.0 figure 7: the boot system identifier at byte 7 (32 bytes), the catalog's block at byte 0x47.</summary>
    private const int BootSystemIdentifier = 7;

    private const int CatalogPointer = 0x47;

    /// <summary>The descriptor in <paramref name="block"/> when it is a boot record (ECMA-119 8.2: type 0) of El Torito; null otherwise.</summary>
    internal static BootRecordInfo? TryRead(ReadOnlySpan<byte> block, int blockNumber)
    {
        if (block[0] != 0)
        {
            return null;
        }

        var identifier = block.Slice(BootSystemIdentifier, 32);
        if (!identifier.StartsWith(ElToritoIdentifier) || identifier[ElToritoIdentifier.Length..].ContainsAnyExcept((byte)0))
        {
            return null;
        }

        return new BootRecordInfo(blockNumber, BinaryPrimitives.ReadUInt32LittleEndian(block[CatalogPointer..]));
    }
}
