using System.Buffers.Binary;

namespace DiscMastering.Imapi.Iso9660;

/// <summary>ECMA-119 7.2.3 and 7.3.3: numbers recorded little-endian, then big-endian.</summary>
internal static class BothByteOrder
{
    public static void WriteUInt16(Span<byte> destination, ushort value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(destination, value);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], value);
    }

    public static void WriteUInt32(Span<byte> destination, uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, value);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], value);
    }

    /// <summary>Reads the little-endian half; the reader trusts it as most readers do.</summary>
    public static uint ReadUInt32(ReadOnlySpan<byte> source) => BinaryPrimitives.ReadUInt32LittleEndian(source);

    public static ushort ReadUInt16(ReadOnlySpan<byte> source) => BinaryPrimitives.ReadUInt16LittleEndian(source);
}
