using System.Buffers.Binary;

namespace DiscMastering.Imapi.Udf;

/// <summary>The Unallocated Space Descriptor (ECMA-167 3/10.8, UDF 1.02 2.2.5): a mastered disc has no unallocated space, so no extents.</summary>
internal static class UnallocatedSpaceDescriptor
{
    public const int Length = 24;

    public static void WriteTo(Span<byte> block, uint sequenceNumber, uint location)
    {
        var descriptor = block[..Length];
        descriptor.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor[16..], sequenceNumber);
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor[20..], 0); // number of allocation descriptors
        DescriptorTag.Write(descriptor, TagIdentifier.UnallocatedSpaceDescriptor, location);
    }
}
