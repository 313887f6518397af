using System.Buffers.Binary;

namespace DiscMastering.Imapi.Udf;

/// <summary>The UDF Primary Volume Descriptor (ECMA-167 3/10.1, UDF 1.02 2.2.2).</summary>
internal sealed class PrimaryVolumeDescriptor
{
    public const int Length = 512;

    internal static class FieldLocations
    {
        public const int SequenceNumber = 16;
        public const int DescriptorNumber = 20;
        public const int VolumeIdentifier = 24;
        public const int VolumeSequenceNumber = 56;
        public const int MaximumVolumeSequenceNumber = 58;
        public const int InterchangeLevel = 60;
        public const int MaximumInterchangeLevel = 62;
        public const int CharacterSetList = 64;
        public const int MaximumCharacterSetList = 68;
        public const int VolumeSetIdentifier = 72;
        public const int DescriptorCharacterSet = 200;
        public const int ExplanatoryCharacterSet = 264;
        public const int VolumeAbstract = 328;
        public const int VolumeCopyrightNotice = 336;
        public const int ApplicationIdentifier = 344;
        public const int RecordingTime = 376;
        public const int ImplementationIdentifier = 388;
        public const int ImplementationUse = 420;
        public const int PredecessorLocation = 484;
        public const int Flags = 488;
    }

    internal static class FieldLengths
    {
        public const int VolumeIdentifier = 32;
        public const int VolumeSetIdentifier = 128;
    }

    public required uint SequenceNumber { get; init; }

    public required string VolumeIdentifier { get; init; }

    /// <summary>UDF 1.02 2.2.2.5: its first 16 characters are unique to the volume set, the first 8 of them hexadecimal digits.</summary>
    public required string VolumeSetIdentifier { get; init; }

    public required DateTimeOffset RecordingTime { get; init; }

    public void WriteTo(Span<byte> block, uint location)
    {
        var descriptor = block[..Length];
        descriptor.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor[FieldLocations.SequenceNumber..], SequenceNumber);
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor[FieldLocations.DescriptorNumber..], 0);
        OstaUnicode.WriteDString(descriptor.Slice(FieldLocations.VolumeIdentifier, FieldLengths.VolumeIdentifier), VolumeIdentifier);
        BinaryPrimitives.WriteUInt16LittleEndian(descriptor[FieldLocations.VolumeSequenceNumber..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(descriptor[FieldLocations.MaximumVolumeSequenceNumber..], 1);

        // Interchange level 2 for a single-volume set (UDF 1.02 2.2.2.1, 2.2.2.2); CS0 only (2.2.2.3, 2.2.2.4).
        BinaryPrimitives.WriteUInt16LittleEndian(descriptor[FieldLocations.InterchangeLevel..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(descriptor[FieldLocations.MaximumInterchangeLevel..], 2);
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor[FieldLocations.CharacterSetList..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor[FieldLocations.MaximumCharacterSetList..], 1);
        OstaUnicode.WriteDString(descriptor.Slice(FieldLocations.VolumeSetIdentifier, FieldLengths.VolumeSetIdentifier), VolumeSetIdentifier);
        CharSpec.WriteOstaCompressedUnicode(descriptor[FieldLocations.DescriptorCharacterSet..]);
        CharSpec.WriteOstaCompressedUnicode(descriptor[FieldLocations.ExplanatoryCharacterSet..]);
        UdfTimestamp.Write(descriptor[FieldLocations.RecordingTime..], RecordingTime);
        EntityIdentifier.WriteImplementation(descriptor[FieldLocations.ImplementationIdentifier..]);
        DescriptorTag.Write(descriptor, TagIdentifier.PrimaryVolumeDescriptor, location);
    }

    /// <summary>The volume identifier of a recorded descriptor; null when it is not a valid dstring.</summary>
    public static string? ReadVolumeIdentifier(ReadOnlySpan<byte> descriptor) =>
        OstaUnicode.ReadDString(descriptor.Slice(FieldLocations.VolumeIdentifier, FieldLengths.VolumeIdentifier));

    public static DateTimeOffset? ReadRecordingTime(ReadOnlySpan<byte> descriptor) => UdfTimestamp.Read(descriptor[FieldLocations.RecordingTime..]);

    public static uint ReadSequenceNumber(ReadOnlySpan<byte> descriptor) => BinaryPrimitives.ReadUInt32LittleEndian(descriptor[FieldLocations.SequenceNumber..]);
}
