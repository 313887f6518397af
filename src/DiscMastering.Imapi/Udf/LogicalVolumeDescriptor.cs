using System.Buffers.Binary;

namespace DiscMastering.Imapi.Udf;

/// <summary>
/// The Logical Volume Descriptor (ECMA-167 3/10.6, UDF 1.02 2.2.4): the volume's name, block size and
/// domain, where its File Set Descriptor and integrity sequence are, and one Type 1 partition map (3/10.7.2).
/// </summary>
internal sealed class LogicalVolumeDescriptor
{
    /// <summary>A Type 1 partition map is 6 bytes (3/10.7.2).</summary>
    public const int Type1MapLength = 6;

    public const int Length = FieldLocations.PartitionMaps + Type1MapLength;

    internal static class FieldLocations
    {
        public const int SequenceNumber = 16;
        public const int DescriptorCharacterSet = 20;
        public const int LogicalVolumeIdentifier = 84;
        public const int LogicalBlockSize = 212;
        public const int DomainIdentifier = 216;
        public const int ContentsUse = 248;
        public const int MapTableLength = 264;
        public const int PartitionMapCount = 268;
        public const int ImplementationIdentifier = 272;
        public const int ImplementationUse = 304;
        public const int IntegritySequence = 432;
        public const int PartitionMaps = 440;
    }

    public const int LogicalVolumeIdentifierLength = 128;

    public required uint SequenceNumber { get; init; }

    public required string LogicalVolumeIdentifier { get; init; }

    /// <summary>Where the File Set Descriptor is (the contents use field, UDF 1.02 2.2.4.4).</summary>
    public required LongAd FileSetDescriptor { get; init; }

    public required ExtentAd IntegritySequence { get; init; }

    /// <summary>The partition number the one partition map refers to.</summary>
    public required ushort PartitionNumber { get; init; }

    public void WriteTo(Span<byte> block, uint location)
    {
        var descriptor = block[..Length];
        descriptor.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor[FieldLocations.SequenceNumber..], SequenceNumber);
        CharSpec.WriteOstaCompressedUnicode(descriptor[FieldLocations.DescriptorCharacterSet..]);
        OstaUnicode.WriteDString(descriptor.Slice(FieldLocations.LogicalVolumeIdentifier, LogicalVolumeIdentifierLength), LogicalVolumeIdentifier);
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor[FieldLocations.LogicalBlockSize..], UdfConstants.BlockSize);
        EntityIdentifier.WriteDomain(descriptor[FieldLocations.DomainIdentifier..], EntityIdentifier.WriteProtected);
        FileSetDescriptor.WriteTo(descriptor[FieldLocations.ContentsUse..]);
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor[FieldLocations.MapTableLength..], Type1MapLength);
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor[FieldLocations.PartitionMapCount..], 1);
        EntityIdentifier.WriteImplementation(descriptor[FieldLocations.ImplementationIdentifier..]);
        IntegritySequence.WriteTo(descriptor[FieldLocations.IntegritySequence..]);

        var map = descriptor[FieldLocations.PartitionMaps..];
        map[0] = 1; // Type 1
        map[1] = Type1MapLength;
        BinaryPrimitives.WriteUInt16LittleEndian(map[2..], 1); // volume sequence number
        BinaryPrimitives.WriteUInt16LittleEndian(map[4..], PartitionNumber);
        DescriptorTag.Write(descriptor, TagIdentifier.LogicalVolumeDescriptor, location);
    }
}
