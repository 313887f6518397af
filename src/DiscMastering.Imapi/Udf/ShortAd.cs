using System.Buffers.Binary;

namespace DiscMastering.Imapi.Udf;

/// <summary>
/// short_ad (ECMA-167 4/14.14.1): an extent inside the partition of the descriptor that holds it. The
/// length field's top two bits carry the <see cref="ExtentType"/>, the low 30 bits the byte length.
/// </summary>
internal readonly record struct ShortAd(uint Length, uint Position, ExtentType Type = ExtentType.RecordedAndAllocated)
{
    public const int Size = 8;

    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, ((uint)Type << 30) | Length);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], Position);
    }

    public static ShortAd Read(ReadOnlySpan<byte> source)
    {
        var length = BinaryPrimitives.ReadUInt32LittleEndian(source);
        return new(length & 0x3FFF_FFFF, BinaryPrimitives.ReadUInt32LittleEndian(source[4..]), (ExtentType)(length >> 30));
    }
}
