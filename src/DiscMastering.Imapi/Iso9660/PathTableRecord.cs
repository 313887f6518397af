using System.Buffers.Binary;

namespace DiscMastering.Imapi.Iso9660;

/// <summary>A path table record, ECMA-119 9.4: one per directory, in L (little-endian) or M (big-endian) order.</summary>
internal static class PathTableRecord
{
    internal static class FieldLocations
    {
        public const int IdentifierLength = 0;
        public const int ExtendedAttributeLength = IdentifierLength + 1;
        public const int ExtentLocation = ExtendedAttributeLength + 1;
        public const int ParentNumber = ExtentLocation + 4;
        public const int Identifier = ParentNumber + 2;
    }

    /// <summary>Bytes a record takes: the identifier is padded to an even length (ECMA-119 9.4.6).</summary>
    public static int CalcLength(int identifierLength) => FieldLocations.Identifier + identifierLength + (identifierLength % 2);

    /// <summary>Writes the record in the chosen byte order and returns its length.</summary>
    public static int WriteTo(Span<byte> destination, ReadOnlySpan<byte> identifier, uint extent, ushort parentNumber, bool bigEndian)
    {
        destination[FieldLocations.IdentifierLength] = (byte)identifier.Length;
        destination[FieldLocations.ExtendedAttributeLength] = 0;
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[FieldLocations.ExtentLocation..], extent);
            BinaryPrimitives.WriteUInt16BigEndian(destination[FieldLocations.ParentNumber..], parentNumber);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(destination[FieldLocations.ExtentLocation..], extent);
            BinaryPrimitives.WriteUInt16LittleEndian(destination[FieldLocations.ParentNumber..], parentNumber);
        }

        identifier.CopyTo(destination[FieldLocations.Identifier..]);
        var length = CalcLength(identifier.Length);
        destination[(FieldLocations.Identifier + identifier.Length)..length].Clear();
        return length;
    }

    /// <summary>
    /// Reads one record in the chosen byte order and returns its length, or 0 when the record does not fit
    /// <paramref name="source"/> or names no identifier.
    /// </summary>
    public static int Read(ReadOnlySpan<byte> source, bool bigEndian, out ReadOnlySpan<byte> identifier, out uint extent, out ushort parentNumber)
    {
        identifier = default;
        extent = 0;
        parentNumber = 0;
        if (source.Length < FieldLocations.Identifier)
        {
            return 0;
        }

        var identifierLength = source[FieldLocations.IdentifierLength];
        var length = CalcLength(identifierLength);
        if (identifierLength == 0 || length > source.Length)
        {
            return 0;
        }

        extent = bigEndian
            ? BinaryPrimitives.ReadUInt32BigEndian(source[FieldLocations.ExtentLocation..])
            : BinaryPrimitives.ReadUInt32LittleEndian(source[FieldLocations.ExtentLocation..]);
        parentNumber = bigEndian
            ? BinaryPrimitives.ReadUInt16BigEndian(source[FieldLocations.ParentNumber..])
            : BinaryPrimitives.ReadUInt16LittleEndian(source[FieldLocations.ParentNumber..]);
        identifier = source.Slice(FieldLocations.Identifier, identifierLength);
        return length;
    }
}
