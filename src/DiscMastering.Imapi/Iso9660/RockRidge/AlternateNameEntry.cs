namespace DiscMastering.Imapi.Iso9660.RockRidge;

/// <summary>
/// NM, RRIP 1.12 4.1.4: the POSIX name of the record, which readers show instead of the ISO 9660 identifier.
/// A name longer than one entry holds is split over several, each but the last flagged CONTINUE.
/// </summary>
internal static class AlternateNameEntry
{
    /// <summary>Header plus the flags byte (BP5).</summary>
    public const int FixedLength = SystemUseEntry.HeaderLength + 1;

    /// <summary>Name bytes one entry holds: an entry is at most 255 bytes.</summary>
    public const int MaxPieceLength = SystemUseEntry.MaxLength - FixedLength;

    /// <summary>NM flag CONTINUE (bit 0): the name goes on in the next NM entry.</summary>
    private const byte Continue = 0x01;

    public static ReadOnlySpan<byte> Signature => "NM"u8;

    public static int WriteTo(Span<byte> destination, ReadOnlySpan<byte> piece, bool continues)
    {
        var length = FixedLength + piece.Length;
        var at = SystemUseEntry.WriteHeader(destination, Signature, length);
        destination[at++] = continues ? Continue : (byte)0;
        piece.CopyTo(destination[at..]);
        return length;
    }

    /// <summary>
    /// The length of the next piece of a UTF-8 <paramref name="name"/>: at most <see cref="MaxPieceLength"/>
    /// bytes, ending on a character boundary so no reader sees half a character in one piece.
    /// </summary>
    public static int NextPieceLength(ReadOnlySpan<byte> name)
    {
        if (name.Length <= MaxPieceLength)
        {
            return name.Length;
        }

        var end = MaxPieceLength;
        while (end > 0 && (name[end] & 0xC0) == 0x80)
        {
            end--;
        }

        return end > 0 ? end : MaxPieceLength;
    }
}
