namespace DiscMastering.Imapi.Iso9660.RockRidge;

/// <summary>
/// TF, RRIP 1.12 4.1.6: POSIX time stamps in the 7-byte form of ECMA-119 9.1.5. Modification, access and
/// attribute change all carry the record's own date (already under the SOURCE_DATE_EPOCH clamp), as
/// genisoimage records them.
/// </summary>
internal static class TimestampsEntry
{
    /// <summary>TF flags (BP5): MODIFY, ACCESS and ATTRIBUTES; LONG_FORM (0x80) left clear for 7-byte stamps.</summary>
    private const byte Flags = 0x02 | 0x04 | 0x08;

    private const int StampCount = 3;

    public const int Length = SystemUseEntry.HeaderLength + 1 + (StampCount * IsoDate.RecordingDateLength);

    public static ReadOnlySpan<byte> Signature => "TF"u8;

    public static int WriteTo(Span<byte> destination, DateTimeOffset modified)
    {
        var at = SystemUseEntry.WriteHeader(destination, Signature, Length);
        destination[at++] = Flags;
        for (var i = 0; i < StampCount; i++)
        {
            IsoDate.WriteRecordingDate(destination[at..], modified);
            at += IsoDate.RecordingDateLength;
        }

        return Length;
    }
}
