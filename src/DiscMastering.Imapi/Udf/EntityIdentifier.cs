using System.Buffers.Binary;
using System.Text;

namespace DiscMastering.Imapi.Udf;

/// <summary>
/// The 32-byte entity identifier, regid (ECMA-167 1/7.4): flags, a 23-byte identifier and an 8-byte
/// suffix whose form UDF 1.02 2.1.5.3 fixes by the kind of identifier.
/// </summary>
internal static class EntityIdentifier
{
    public const int Length = 32;

    /// <summary>Bit 0: hard write protect; bit 1: soft write protect (UDF 1.02 2.1.5.3, domain flags).</summary>
    public const byte WriteProtected = 0b11;

    internal static class FieldLocations
    {
        public const int Flags = 0;
        public const int Identifier = 1;
        public const int Suffix = 24;
    }

    private const int IdentifierLength = 23;

    /// <summary>A domain identifier: "*OSTA UDF Compliant" with the UDF revision and domain flags (2.1.5.3).</summary>
    public static void WriteDomain(Span<byte> destination, byte domainFlags)
    {
        WriteIdentifier(destination, UdfConstants.DomainIdentifier);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[FieldLocations.Suffix..], UdfConstants.Revision);
        destination[FieldLocations.Suffix + 2] = domainFlags;
    }

    /// <summary>
    /// An implementation identifier "*DiscMastering" (2.1.5.3, implementation suffix). The OS class is left
    /// 0, "undefined", so images made on Windows and Linux carry the same bytes.
    /// </summary>
    public static void WriteImplementation(Span<byte> destination) => WriteIdentifier(destination, UdfConstants.ImplementationIdentifier);

    /// <summary>A UDF identifier such as "*UDF LV Info": the UDF revision, then OS class and identifier 0 (2.1.5.3).</summary>
    public static void WriteUdf(Span<byte> destination, string identifier)
    {
        WriteIdentifier(destination, identifier);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[FieldLocations.Suffix..], UdfConstants.Revision);
    }

    /// <summary>An identifier with an all-zero suffix, such as partition contents "+NSR02" (ECMA-167 3/10.5.5).</summary>
    public static void WriteIdentifier(Span<byte> destination, string identifier)
    {
        destination[..Length].Clear();
        Encoding.ASCII.GetBytes(identifier, destination.Slice(FieldLocations.Identifier, IdentifierLength));
    }

    /// <summary>The identifier's text, without the trailing zero bytes.</summary>
    public static string ReadIdentifier(ReadOnlySpan<byte> source)
    {
        var identifier = source.Slice(FieldLocations.Identifier, IdentifierLength);
        var end = identifier.IndexOf((byte)0);
        identifier = end < 0 ? identifier : identifier[..end];
        var text = new StringBuilder(identifier.Length);
        foreach (var b in identifier)
        {
            text.Append(b is >= 0x20 and < 0x7F ? (char)b : '?');
        }

        return text.ToString();
    }

    /// <summary>The UDF revision in a domain or UDF identifier suffix (BCD, 0x0102 for 1.02).</summary>
    public static ushort ReadRevision(ReadOnlySpan<byte> source) => BinaryPrimitives.ReadUInt16LittleEndian(source[FieldLocations.Suffix..]);
}
