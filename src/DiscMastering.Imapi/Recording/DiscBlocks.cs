namespace DiscMastering.Imapi.Recording;

/// <summary>Data blocks as recorders count them: 2048 bytes (Mode 1 / Mode 2 Form 1 user data, ECMA-130).</summary>
internal static class DiscBlocks
{
    public const int Size = 2048;

    public static long For(long bytes) => (bytes + Size - 1) / Size;

    public static string Describe(long blocks)
    {
        var bytes = blocks * Size;
        return FormattableString.Invariant($"{bytes:N0} bytes ({bytes / 1048576.0:0.0} MiB, {blocks:N0} blocks)");
    }
}
