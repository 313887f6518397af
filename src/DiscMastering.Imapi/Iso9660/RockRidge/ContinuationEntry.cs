namespace DiscMastering.Imapi.Iso9660.RockRidge;

/// <summary>
/// CE, SUSP 1.12 5.1: where a record's System Use entries go on when they do not fit in the record: a block,
/// an offset in it and a length, each recorded in both byte orders.
/// </summary>
internal static class ContinuationEntry
{
    public const int Length = 28;

    public static ReadOnlySpan<byte> Signature => "CE"u8;

    public static int WriteTo(Span<byte> destination, uint block, uint offset, uint length)
    {
        var at = SystemUseEntry.WriteHeader(destination, Signature, Length);
        BothByteOrder.WriteUInt32(destination[at..], block);
        BothByteOrder.WriteUInt32(destination[(at + 8)..], offset);
        BothByteOrder.WriteUInt32(destination[(at + 16)..], length);
        return Length;
    }
}
