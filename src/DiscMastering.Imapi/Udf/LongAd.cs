using System.Buffers.Binary;

namespace DiscMastering.Imapi.Udf;

/// <summary>
/// long_ad (ECMA-167 4/14.14.2): an extent anywhere in the logical volume, as a length (with its
/// <see cref="ExtentType"/> in the top two bits), a logical block and a partition reference number (lb_addr,
/// 4/7.1), and 6 bytes of implementation use.
/// </summary>
internal readonly record struct LongAd(uint Length, uint Block, ushort Partition, ExtentType Type = ExtentType.RecordedAndAllocated)
{
    public const int Size = 16;

    public void WriteTo(Span<byte> destination)
    {
        destination[..Size].Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(destination, ((uint)Type << 30) | Length);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], Block);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[8..], Partition);
    }

    public static LongAd Read(ReadOnlySpan<byte> source)
    {
        var length = BinaryPrimitives.ReadUInt32LittleEndian(source);
        return new(length & 0x3FFF_FFFF, BinaryPrimitives.ReadUInt32LittleEndian(source[4..]), BinaryPrimitives.ReadUInt16LittleEndian(source[8..]), (ExtentType)(length >> 30));
    }
}
