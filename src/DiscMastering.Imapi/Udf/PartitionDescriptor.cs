using System.Buffers.Binary;

namespace DiscMastering.Imapi.Udf;

/// <summary>
/// The Partition Descriptor (ECMA-167 3/10.5): one read-only NSR02 partition, with no space bitmaps in its
/// Partition Header Descriptor (4/14.3): nothing is ever allocated on a mastered disc (UDF 2.3.3).
/// </summary>
internal sealed class PartitionDescriptor
{
    public const int Length = 512;

    /// <summary>Access type 1, read-only (ECMA-167 3/10.5.7).</summary>
    public const uint ReadOnlyAccess = 1;

    internal static class FieldLocations
    {
        public const int SequenceNumber = 16;
        public const int Flags = 20;
        public const int PartitionNumber = 22;
        public const int Contents = 24;
        public const int ContentsUse = 56;
        public const int AccessType = 184;
        public const int StartingLocation = 188;
        public const int PartitionLength = 192;
        public const int ImplementationIdentifier = 196;
        public const int ImplementationUse = 228;
    }

    public required uint SequenceNumber { get; init; }

    public required ushort PartitionNumber { get; init; }

    /// <summary>The partition's first logical sector.</summary>
    public required uint StartingLocation { get; init; }

    /// <summary>The partition's length in sectors.</summary>
    public required uint PartitionLength { get; init; }

    public void WriteTo(Span<byte> block, uint location)
    {
        var descriptor = block[..Length];
        descriptor.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor[FieldLocations.SequenceNumber..], SequenceNumber);
        BinaryPrimitives.WriteUInt16LittleEndian(descriptor[FieldLocations.Flags..], 1); // allocated, 3/10.5.3
        BinaryPrimitives.WriteUInt16LittleEndian(descriptor[FieldLocations.PartitionNumber..], PartitionNumber);
        EntityIdentifier.WriteIdentifier(descriptor[FieldLocations.Contents..], UdfConstants.PartitionContentsNsr02);
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor[FieldLocations.AccessType..], ReadOnlyAccess);
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor[FieldLocations.StartingLocation..], StartingLocation);
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor[FieldLocations.PartitionLength..], PartitionLength);
        EntityIdentifier.WriteImplementation(descriptor[FieldLocations.ImplementationIdentifier..]);
        DescriptorTag.Write(descriptor, TagIdentifier.PartitionDescriptor, location);
    }

    public static PartitionDescriptor Read(ReadOnlySpan<byte> descriptor) => new()
    {
        SequenceNumber = BinaryPrimitives.ReadUInt32LittleEndian(descriptor[FieldLocations.SequenceNumber..]),
        PartitionNumber = BinaryPrimitives.ReadUInt16LittleEndian(descriptor[FieldLocations.PartitionNumber..]),
        StartingLocation = BinaryPrimitives.ReadUInt32LittleEndian(descriptor[FieldLocations.StartingLocation..]),
        PartitionLength = BinaryPrimitives.ReadUInt32LittleEndian(descriptor[FieldLocations.PartitionLength..]),
    };
}
