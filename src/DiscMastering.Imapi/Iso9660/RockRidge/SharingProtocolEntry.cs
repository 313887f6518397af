namespace DiscMastering.Imapi.Iso9660.RockRidge;

/// <summary>
/// SP, SUSP 1.12 5.3: marks that the volume uses the System Use Sharing Protocol. It opens the System Use
/// field of the root folder's "." record, where readers look for it.
/// </summary>
internal static class SharingProtocolEntry
{
    public const int Length = 7;

    public static ReadOnlySpan<byte> Signature => "SP"u8;

    /// <summary>BP5-BP6, the check bytes.</summary>
    private static ReadOnlySpan<byte> CheckBytes => [0xBE, 0xEF];

    /// <summary>Writes the entry with LEN_SKP 0: every System Use field starts at its first byte.</summary>
    public static int WriteTo(Span<byte> destination)
    {
        var offset = SystemUseEntry.WriteHeader(destination, Signature, Length);
        CheckBytes.CopyTo(destination[offset..]);
        destination[offset + 2] = 0;
        return Length;
    }
}
