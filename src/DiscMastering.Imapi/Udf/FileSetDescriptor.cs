using System.Buffers.Binary;

namespace DiscMastering.Imapi.Udf;

/// <summary>The File Set Descriptor (ECMA-167 4/14.1, UDF 1.02 2.3.2): names the file set and points at the root directory's File Entry.</summary>
internal sealed class FileSetDescriptor
{
    public const int Length = 512;

    internal static class FieldLocations
    {
        public const int RecordingTime = 16;
        public const int InterchangeLevel = 28;
        public const int MaximumInterchangeLevel = 30;
        public const int CharacterSetList = 32;
        public const int MaximumCharacterSetList = 36;
        public const int FileSetNumber = 40;
        public const int FileSetDescriptorNumber = 44;
        public const int LogicalVolumeCharacterSet = 48;
        public const int LogicalVolumeIdentifier = 112;
        public const int FileSetCharacterSet = 240;
        public const int FileSetIdentifier = 304;
        public const int CopyrightFileIdentifier = 336;
        public const int AbstractFileIdentifier = 368;
        public const int RootDirectory = 400;
        public const int DomainIdentifier = 416;
        public const int NextExtent = 448;
    }

    public required DateTimeOffset RecordingTime { get; init; }

    public required string LogicalVolumeIdentifier { get; init; }

    public required string FileSetIdentifier { get; init; }

    public required LongAd RootDirectory { get; init; }

    public void WriteTo(Span<byte> block, uint location)
    {
        var descriptor = block[..Length];
        descriptor.Clear();
        UdfTimestamp.Write(descriptor[FieldLocations.RecordingTime..], RecordingTime);

        // Interchange level 3, CS0 only (UDF 1.02 2.3.2.1, 2.3.2.2).
        BinaryPrimitives.WriteUInt16LittleEndian(descriptor[FieldLocations.InterchangeLevel..], 3);
        BinaryPrimitives.WriteUInt16LittleEndian(descriptor[FieldLocations.MaximumInterchangeLevel..], 3);
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor[FieldLocations.CharacterSetList..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor[FieldLocations.MaximumCharacterSetList..], 1);
        CharSpec.WriteOstaCompressedUnicode(descriptor[FieldLocations.LogicalVolumeCharacterSet..]);
        OstaUnicode.WriteDString(descriptor.Slice(FieldLocations.LogicalVolumeIdentifier, 128), LogicalVolumeIdentifier);
        CharSpec.WriteOstaCompressedUnicode(descriptor[FieldLocations.FileSetCharacterSet..]);
        OstaUnicode.WriteDString(descriptor.Slice(FieldLocations.FileSetIdentifier, 32), FileSetIdentifier);
        RootDirectory.WriteTo(descriptor[FieldLocations.RootDirectory..]);
        EntityIdentifier.WriteDomain(descriptor[FieldLocations.DomainIdentifier..], EntityIdentifier.WriteProtected);
        DescriptorTag.Write(descriptor, TagIdentifier.FileSetDescriptor, location);
    }

    public static LongAd ReadRootDirectory(ReadOnlySpan<byte> descriptor) => LongAd.Read(descriptor[FieldLocations.RootDirectory..]);
}
