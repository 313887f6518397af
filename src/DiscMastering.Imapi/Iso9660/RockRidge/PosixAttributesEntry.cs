namespace DiscMastering.Imapi.Iso9660.RockRidge;

/// <summary>
/// PX, RRIP 1.12 4.1.1: the POSIX file mode, link count, owner, group and file serial number (the inode
/// number), each recorded in both byte orders. The 1.12 form carries the serial number: 44 bytes.
/// </summary>
internal static class PosixAttributesEntry
{
    public const int Length = 44;

    public static ReadOnlySpan<byte> Signature => "PX"u8;

    /// <summary>Owner and group are root's: the build user's ids mean nothing on another machine.</summary>
    public static int WriteTo(Span<byte> destination, uint mode, uint links, uint serialNumber)
    {
        var at = SystemUseEntry.WriteHeader(destination, Signature, Length);
        BothByteOrder.WriteUInt32(destination[at..], mode);
        BothByteOrder.WriteUInt32(destination[(at + 8)..], links);
        BothByteOrder.WriteUInt32(destination[(at + 16)..], 0);
        BothByteOrder.WriteUInt32(destination[(at + 24)..], 0);
        BothByteOrder.WriteUInt32(destination[(at + 32)..], serialNumber);
        return Length;
    }
}
