using System.Buffers.Binary;

namespace DiscMastering.Imapi.Udf;

/// <summary>extent_ad (ECMA-167 3/7.1): a byte length and a logical sector, for extents of the volume space.</summary>
internal readonly record struct ExtentAd(uint Length, uint Location)
{
    public const int Size = 8;

    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, Length);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], Location);
    }

    public static ExtentAd Read(ReadOnlySpan<byte> source) =>
        new(BinaryPrimitives.ReadUInt32LittleEndian(source), BinaryPrimitives.ReadUInt32LittleEndian(source[4..]));
}
