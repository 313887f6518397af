namespace DiscMastering.Imapi.Udf;

/// <summary>Descriptor tag identifiers, ECMA-167 3/7.2.1 (volume structures) and 4/7.2.1 (file structures).</summary>
internal enum TagIdentifier : ushort
{
    PrimaryVolumeDescriptor = 1,
    AnchorVolumeDescriptorPointer = 2,
    VolumeDescriptorPointer = 3,
    ImplementationUseVolumeDescriptor = 4,
    PartitionDescriptor = 5,
    LogicalVolumeDescriptor = 6,
    UnallocatedSpaceDescriptor = 7,
    TerminatingDescriptor = 8,
    LogicalVolumeIntegrityDescriptor = 9,
    FileSetDescriptor = 256,
    FileIdentifierDescriptor = 257,
    AllocationExtentDescriptor = 258,
    IndirectEntry = 259,
    TerminalEntry = 260,
    FileEntry = 261,
    ExtendedFileEntry = 266,
}
