using System.Buffers.Binary;

namespace DiscMastering.Imapi.Udf;

/// <summary>
/// The 16-byte tag that starts every UDF descriptor (ECMA-167 3/7.2, 4/7.2): what it is, where it was
/// recorded, a checksum of the tag and a CRC of the descriptor's body.
/// </summary>
internal readonly record struct DescriptorTag(TagIdentifier Identifier, ushort Version, ushort SerialNumber, ushort Crc, ushort CrcLength, uint Location)
{
    public const int Length = 16;

    internal static class FieldLocations
    {
        public const int Identifier = 0;
        public const int Version = 2;
        public const int Checksum = 4;
        public const int SerialNumber = 6;
        public const int Crc = 8;
        public const int CrcLength = 10;
        public const int Location = 12;
    }

    /// <summary>
    /// Writes the tag of the descriptor in <paramref name="descriptor"/>, whose body (bytes 16 on) is already
    /// filled: the CRC covers the body (3/7.2.6), then the checksum covers the tag (3/7.2.3).
    /// </summary>
    /// <param name="identifier">What the descriptor is.</param>
    /// <param name="descriptor">The whole descriptor: tag followed by body, exactly as long as the descriptor.</param>
    /// <param name="location">The logical sector (volume structures) or partition block (file structures) it is recorded in (3/7.2.8).</param>
    public static void Write(Span<byte> descriptor, TagIdentifier identifier, uint location)
    {
        var body = descriptor[Length..];
        BinaryPrimitives.WriteUInt16LittleEndian(descriptor[FieldLocations.Identifier..], (ushort)identifier);
        BinaryPrimitives.WriteUInt16LittleEndian(descriptor[FieldLocations.Version..], UdfConstants.DescriptorVersion);
        descriptor[FieldLocations.Checksum] = 0;
        descriptor[FieldLocations.Checksum + 1] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(descriptor[FieldLocations.SerialNumber..], 0);
        BinaryPrimitives.WriteUInt16LittleEndian(descriptor[FieldLocations.Crc..], Crc16Itu.Compute(body));
        BinaryPrimitives.WriteUInt16LittleEndian(descriptor[FieldLocations.CrcLength..], checked((ushort)body.Length));
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor[FieldLocations.Location..], location);
        descriptor[FieldLocations.Checksum] = Checksum(descriptor);
    }

    /// <summary>The sum modulo 256 of bytes 0-3 and 5-15 of the tag (ECMA-167 3/7.2.3).</summary>
    public static byte Checksum(ReadOnlySpan<byte> tag)
    {
        var sum = 0;
        for (var i = 0; i < Length; i++)
        {
            if (i != FieldLocations.Checksum)
            {
                sum += tag[i];
            }
        }

        return (byte)sum;
    }

    /// <summary>Reads a tag without checking it.</summary>
    public static DescriptorTag Read(ReadOnlySpan<byte> tag) => new(
        (TagIdentifier)BinaryPrimitives.ReadUInt16LittleEndian(tag[FieldLocations.Identifier..]),
        BinaryPrimitives.ReadUInt16LittleEndian(tag[FieldLocations.Version..]),
        BinaryPrimitives.ReadUInt16LittleEndian(tag[FieldLocations.SerialNumber..]),
        BinaryPrimitives.ReadUInt16LittleEndian(tag[FieldLocations.Crc..]),
        BinaryPrimitives.ReadUInt16LittleEndian(tag[FieldLocations.CrcLength..]),
        BinaryPrimitives.ReadUInt32LittleEndian(tag[FieldLocations.Location..]));

    /// <summary>
    /// Whether <paramref name="descriptor"/> starts with a sound tag: its checksum holds, and its CRC holds over
    /// the CRC length (which must lie inside <paramref name="descriptor"/>). Version 2 (NSR02) and 3 (NSR03) are accepted.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> descriptor, out DescriptorTag tag)
    {
        tag = default;
        if (descriptor.Length < Length || Checksum(descriptor) != descriptor[FieldLocations.Checksum])
        {
            return false;
        }

        tag = Read(descriptor);
        if (tag.Version is not (2 or 3) || Length + tag.CrcLength > descriptor.Length)
        {
            return false;
        }

        return Crc16Itu.Compute(descriptor.Slice(Length, tag.CrcLength)) == tag.Crc;
    }
}
