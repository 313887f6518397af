using System.Buffers.Binary;

namespace DiscMastering.Imapi.Udf;

/// <summary>
/// The Logical Volume Integrity Descriptor (ECMA-167 3/10.10, UDF 1.02 2.2.6): the volume is closed, the
/// next unique ID (4/14.15), the one partition's free and total sizes, and UDF's implementation use
/// (2.2.6.4): how many files and directories, and the UDF revisions needed to read and write it.
/// </summary>
internal sealed class LogicalVolumeIntegrityDescriptor
{
    /// <summary>Implementation identifier, file and directory counts and three revisions (UDF 1.02 2.2.6.4).</summary>
    public const int ImplementationUseLength = EntityIdentifier.Length + 4 + 4 + 2 + 2 + 2;

    public const int Length = FieldLocations.Tables + 8 + ImplementationUseLength;

    /// <summary>Integrity type 1: close (3/10.10.3).</summary>
    private const uint CloseIntegrity = 1;

    internal static class FieldLocations
    {
        public const int RecordingTime = 16;
        public const int IntegrityType = 28;
        public const int NextIntegrityExtent = 32;
        public const int ContentsUse = 40;
        public const int PartitionCount = 72;
        public const int ImplementationUseLength = 76;
        public const int Tables = 80;
    }

    public required DateTimeOffset RecordingTime { get; init; }

    /// <summary>The next unique ID a writer would give (the Logical Volume Header Descriptor, 4/14.15).</summary>
    public required ulong NextUniqueId { get; init; }

    public required uint PartitionLength { get; init; }

    public required uint Files { get; init; }

    public required uint Directories { get; init; }

    public void WriteTo(Span<byte> block, uint location)
    {
        var descriptor = block[..Length];
        descriptor.Clear();
        UdfTimestamp.Write(descriptor[FieldLocations.RecordingTime..], RecordingTime);
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor[FieldLocations.IntegrityType..], CloseIntegrity);
        BinaryPrimitives.WriteUInt64LittleEndian(descriptor[FieldLocations.ContentsUse..], NextUniqueId);
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor[FieldLocations.PartitionCount..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor[FieldLocations.ImplementationUseLength..], ImplementationUseLength);
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor[FieldLocations.Tables..], 0); // free space table: nothing free
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor[(FieldLocations.Tables + 4)..], PartitionLength); // size table

        var use = descriptor[(FieldLocations.Tables + 8)..];
        EntityIdentifier.WriteImplementation(use);
        BinaryPrimitives.WriteUInt32LittleEndian(use[32..], Files);
        BinaryPrimitives.WriteUInt32LittleEndian(use[36..], Directories);
        BinaryPrimitives.WriteUInt16LittleEndian(use[40..], UdfConstants.Revision); // minimum UDF read revision
        BinaryPrimitives.WriteUInt16LittleEndian(use[42..], UdfConstants.Revision); // minimum UDF write revision
        BinaryPrimitives.WriteUInt16LittleEndian(use[44..], UdfConstants.Revision); // maximum UDF write revision
        DescriptorTag.Write(descriptor, TagIdentifier.LogicalVolumeIntegrityDescriptor, location);
    }
}
