namespace DiscMastering.Imapi.Media;

/// <summary>
/// Data blocks: 2048 bytes, the ISO 9660 logical block (ECMA-119) and the user data of a Mode 1 / Mode 2 Form 1
/// sector as recorders count them (ECMA-130). One place for counting them and saying how much they are.
/// </summary>
internal static class DiscBlocks
{
    public const int Size = Iso9660.IsoConstants.BlockSize;

    public static long For(long bytes) => (bytes + Size - 1) / Size;

    public static string Describe(long blocks)
    {
        var bytes = blocks * Size;
        return FormattableString.Invariant($"{bytes:N0} bytes ({bytes / 1048576.0:0.0} MiB, {blocks:N0} blocks)");
    }
}
