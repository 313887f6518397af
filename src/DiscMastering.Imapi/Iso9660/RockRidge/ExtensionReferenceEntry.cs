namespace DiscMastering.Imapi.Iso9660.RockRidge;

/// <summary>
/// ER, SUSP 1.12 5.5: names the extension the volume's System Use entries follow. Recorded once, in the root's
/// "." record (here in its continuation area). The identifier "RRIP_1991A", its descriptor and source texts
/// and extension version 1 are the values the Rock Ridge specification registers, as genisoimage and libisofs
/// record them.
/// </summary>
internal static class ExtensionReferenceEntry
{
    /// <summary>BP5-BP8: the three text lengths and the extension version.</summary>
    private const int FixedLength = SystemUseEntry.HeaderLength + 4;

    /// <summary>EXT_VER of RRIP_1991A.</summary>
    private const byte ExtensionVersion = 1;

    public static ReadOnlySpan<byte> Signature => "ER"u8;

    public static ReadOnlySpan<byte> Identifier => "RRIP_1991A"u8;

    public static ReadOnlySpan<byte> Descriptor => "THE ROCK RIDGE INTERCHANGE PROTOCOL PROVIDES SUPPORT FOR POSIX FILE SYSTEM SEMANTICS"u8;

    public static ReadOnlySpan<byte> Source => "PLEASE CONTACT DISC PUBLISHER FOR SPECIFICATION SOURCE.  SEE PUBLISHER IDENTIFIER IN PRIMARY VOLUME DESCRIPTOR FOR CONTACT INFORMATION."u8;

    public static int Length => FixedLength + Identifier.Length + Descriptor.Length + Source.Length;

    public static int WriteTo(Span<byte> destination)
    {
        var at = SystemUseEntry.WriteHeader(destination, Signature, Length);
        destination[at] = (byte)Identifier.Length;
        destination[at + 1] = (byte)Descriptor.Length;
        destination[at + 2] = (byte)Source.Length;
        destination[at + 3] = ExtensionVersion;
        at = FixedLength;
        Identifier.CopyTo(destination[at..]);
        at += Identifier.Length;
        Descriptor.CopyTo(destination[at..]);
        at += Descriptor.Length;
        Source.CopyTo(destination[at..]);
        return Length;
    }
}
