using System.Buffers.Binary;

namespace DiscMastering.Imapi.Udf;

/// <summary>
/// The File Identifier Descriptor (ECMA-167 4/14.4, UDF 1.02 2.3.4): one directory entry, naming a File
/// Entry by long_ad; the parent entry comes first and has no name. Padded to a multiple of 4 bytes (4/14.4.9).
/// </summary>
internal static class FileIdentifierDescriptor
{
    public const int HeaderLength = 38;

    /// <summary>Bits of the file characteristics field (4/14.4.3).</summary>
    [Flags]
    internal enum Characteristics : byte
    {
        None = 0,
        Hidden = 0x01,
        Directory = 0x02,
        Deleted = 0x04,
        Parent = 0x08,
    }

    internal static class FieldLocations
    {
        public const int FileVersionNumber = 16;
        public const int FileCharacteristics = 18;
        public const int IdentifierLength = 19;
        public const int Icb = 20;
        public const int ImplementationUseLength = 36;
        public const int ImplementationUse = 38;
    }

    /// <summary>The bytes a descriptor with an identifier of <paramref name="identifierLength"/> bytes takes, padding included.</summary>
    public static int CalcLength(int identifierLength) => (HeaderLength + identifierLength + 3) & ~3;

    /// <summary>Bytes a descriptor naming <paramref name="name"/> takes; empty for the parent entry.</summary>
    public static int CalcLength(string name) => CalcLength(name.Length == 0 ? 0 : OstaUnicode.EncodedLength(name));

    /// <summary>Writes one descriptor at the start of <paramref name="destination"/>; returns its padded length.</summary>
    /// <param name="destination">Where the descriptor goes.</param>
    /// <param name="name">The entry's name; empty for the parent entry.</param>
    /// <param name="characteristics">Directory, parent and other bits.</param>
    /// <param name="icb">The entry's File Entry.</param>
    /// <param name="location">The partition block where the descriptor starts (its tag location, 4/7.2.8).</param>
    public static int WriteTo(Span<byte> destination, string name, Characteristics characteristics, LongAd icb, uint location)
    {
        var identifierLength = name.Length == 0 ? 0 : OstaUnicode.EncodedLength(name);
        var length = CalcLength(identifierLength);
        var descriptor = destination[..length];
        descriptor.Clear();
        BinaryPrimitives.WriteUInt16LittleEndian(descriptor[FieldLocations.FileVersionNumber..], 1);
        descriptor[FieldLocations.FileCharacteristics] = (byte)characteristics;
        descriptor[FieldLocations.IdentifierLength] = checked((byte)identifierLength);
        icb.WriteTo(descriptor[FieldLocations.Icb..]);
        BinaryPrimitives.WriteUInt16LittleEndian(descriptor[FieldLocations.ImplementationUseLength..], 0);
        OstaUnicode.Encode(name, descriptor[HeaderLength..]);
        DescriptorTag.Write(descriptor, TagIdentifier.FileIdentifierDescriptor, location);
        return length;
    }
}
