using System.Buffers.Binary;

namespace DiscMastering.Imapi.Udf;

/// <summary>
/// The Implementation Use Volume Descriptor (ECMA-167 3/10.4) in UDF's "*UDF LV Info" form (UDF 1.02
/// 2.2.7): the logical volume's identifier and three lines of contact information.
/// </summary>
internal sealed class ImplementationUseVolumeDescriptor
{
    public const int Length = 512;

    internal static class FieldLocations
    {
        public const int SequenceNumber = 16;
        public const int ImplementationIdentifier = 20;
        public const int ImplementationUse = 52;

        // LVInformation inside the implementation use area (UDF 1.02 2.2.7.2).
        public const int CharacterSet = ImplementationUse;
        public const int LogicalVolumeIdentifier = CharacterSet + CharSpec.Length;
        public const int Information1 = LogicalVolumeIdentifier + 128;
        public const int Information2 = Information1 + 36;
        public const int Information3 = Information2 + 36;
        public const int InformationImplementationIdentifier = Information3 + 36;
    }

    public required uint SequenceNumber { get; init; }

    public required string LogicalVolumeIdentifier { get; init; }

    public void WriteTo(Span<byte> block, uint location)
    {
        var descriptor = block[..Length];
        descriptor.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor[FieldLocations.SequenceNumber..], SequenceNumber);
        EntityIdentifier.WriteUdf(descriptor[FieldLocations.ImplementationIdentifier..], UdfConstants.LogicalVolumeInfoIdentifier);
        CharSpec.WriteOstaCompressedUnicode(descriptor[FieldLocations.CharacterSet..]);
        OstaUnicode.WriteDString(descriptor.Slice(FieldLocations.LogicalVolumeIdentifier, 128), LogicalVolumeIdentifier);
        EntityIdentifier.WriteImplementation(descriptor[FieldLocations.InformationImplementationIdentifier..]);
        DescriptorTag.Write(descriptor, TagIdentifier.ImplementationUseVolumeDescriptor, location);
    }
}
