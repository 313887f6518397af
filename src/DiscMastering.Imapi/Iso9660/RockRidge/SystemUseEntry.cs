namespace DiscMastering.Imapi.Iso9660.RockRidge;

/// <summary>
/// The four bytes every System Use entry starts with, SUSP 1.12 4.1: a two-character signature, the entry's
/// length (header included, at most 255) and its version.
/// </summary>
internal static class SystemUseEntry
{
    /// <summary>Signature, length and version: BP1-BP4.</summary>
    public const int HeaderLength = 4;

    /// <summary>The length field is one byte.</summary>
    public const int MaxLength = byte.MaxValue;

    /// <summary>Writes the header of an entry of <paramref name="length"/> bytes; returns where its data starts.</summary>
    public static int WriteHeader(Span<byte> destination, ReadOnlySpan<byte> signature, int length, byte version = 1)
    {
        signature.CopyTo(destination);
        destination[2] = (byte)length;
        destination[3] = version;
        return HeaderLength;
    }
}
