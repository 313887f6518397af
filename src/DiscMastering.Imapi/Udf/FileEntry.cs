using System.Buffers.Binary;

namespace DiscMastering.Imapi.Udf;

/// <summary>
/// The File Entry (ECMA-167 4/14.9, UDF 1.02 2.3.6), one block per file or directory: type, permissions,
/// link count, size, dates, unique ID, and the short_ads that place its data in the partition. Reading also
/// takes the Extended File Entry (4/14.17) that UDF 2.00 and later writers record.
/// </summary>
internal sealed class FileEntry
{
    /// <summary>Bytes before the allocation descriptors of a File Entry (4/14.9).</summary>
    public const int HeaderLength = 176;

    /// <summary>Bytes before the allocation descriptors of an Extended File Entry (4/14.17).</summary>
    public const int ExtendedHeaderLength = 216;

    /// <summary>How many short_ads one block holds after the header; a longer file would need allocation extents.</summary>
    public const int MaxShortAds = (UdfConstants.BlockSize - HeaderLength) / ShortAd.Size;

    /// <summary>Unknown user and group: readers substitute their own (UDF 1.02 2.3.6.1, 2.3.6.2).</summary>
    private const uint NoOwner = uint.MaxValue;

    internal static class FieldLocations
    {
        public const int IcbTag = 16;
        public const int Uid = 36;
        public const int Gid = 40;
        public const int Permissions = 44;
        public const int LinkCount = 48;
        public const int InformationLength = 56;
        public const int BlocksRecorded = 64;
        public const int AccessTime = 72;
        public const int ModificationTime = 84;
        public const int AttributeTime = 96;
        public const int Checkpoint = 108;
        public const int ExtendedAttributeIcb = 112;
        public const int ImplementationIdentifier = 128;
        public const int UniqueId = 160;
        public const int ExtendedAttributesLength = 168;
        public const int AllocationDescriptorsLength = 172;
    }

    /// <summary>Extended File Entry fields that differ from the File Entry's (4/14.17).</summary>
    internal static class ExtendedFieldLocations
    {
        public const int ModificationTime = 92;
        public const int ExtendedAttributesLength = 208;
        public const int AllocationDescriptorsLength = 212;
    }

    /// <summary>Permission bits (4/14.9.5): read and execute for owner, group and others.</summary>
    public const uint ReadExecuteForAll = 0x0005 | 0x00A0 | 0x1400;

    /// <summary>Permission bits (4/14.9.5): read for owner, group and others.</summary>
    public const uint ReadForAll = 0x0004 | 0x0080 | 0x1000;

    public required IcbFileType FileType { get; init; }

    public required uint Permissions { get; init; }

    /// <summary>How many File Identifier Descriptors name this entry (4/14.9.6).</summary>
    public required ushort LinkCount { get; init; }

    public required ulong InformationLength { get; init; }

    public required DateTimeOffset Modified { get; init; }

    public required ulong UniqueId { get; init; }

    /// <summary>Where the data is, in order; none for empty data.</summary>
    public required ReadOnlyMemory<ShortAd> Extents { get; init; }

    public void WriteTo(Span<byte> block, uint location)
    {
        if (Extents.Length > MaxShortAds)
        {
            throw new ArgumentException($"a file entry holds at most {MaxShortAds} short_ads", nameof(block));
        }

        var length = HeaderLength + (Extents.Length * ShortAd.Size);
        var descriptor = block[..length];
        descriptor.Clear();
        new IcbTag(IcbTag.Strategy4, FileType, (ushort)AllocationKind.Short).WriteTo(descriptor[FieldLocations.IcbTag..]);
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor[FieldLocations.Uid..], NoOwner);
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor[FieldLocations.Gid..], NoOwner);
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor[FieldLocations.Permissions..], Permissions);
        BinaryPrimitives.WriteUInt16LittleEndian(descriptor[FieldLocations.LinkCount..], LinkCount);
        BinaryPrimitives.WriteUInt64LittleEndian(descriptor[FieldLocations.InformationLength..], InformationLength);
        ulong blocks = 0;
        foreach (var extent in Extents.Span)
        {
            blocks += (extent.Length + UdfConstants.BlockSize - 1) / UdfConstants.BlockSize;
        }

        BinaryPrimitives.WriteUInt64LittleEndian(descriptor[FieldLocations.BlocksRecorded..], blocks);
        UdfTimestamp.Write(descriptor[FieldLocations.AccessTime..], Modified);
        UdfTimestamp.Write(descriptor[FieldLocations.ModificationTime..], Modified);
        UdfTimestamp.Write(descriptor[FieldLocations.AttributeTime..], Modified);
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor[FieldLocations.Checkpoint..], 1);
        EntityIdentifier.WriteImplementation(descriptor[FieldLocations.ImplementationIdentifier..]);
        BinaryPrimitives.WriteUInt64LittleEndian(descriptor[FieldLocations.UniqueId..], UniqueId);
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor[FieldLocations.ExtendedAttributesLength..], 0);
        BinaryPrimitives.WriteUInt32LittleEndian(descriptor[FieldLocations.AllocationDescriptorsLength..], (uint)(Extents.Length * ShortAd.Size));
        var offset = HeaderLength;
        foreach (var extent in Extents.Span)
        {
            extent.WriteTo(descriptor[offset..]);
            offset += ShortAd.Size;
        }

        DescriptorTag.Write(descriptor, TagIdentifier.FileEntry, location);
    }

    /// <summary>
    /// The short_ads of a file of <paramref name="length"/> bytes whose data starts at partition block
    /// <paramref name="firstBlock"/>: contiguous extents of at most <paramref name="maxExtent"/> bytes
    /// (a multiple of the block size), only the last one shorter.
    /// </summary>
    public static ShortAd[] ContiguousExtents(long length, uint firstBlock, uint maxExtent = UdfConstants.MaxExtentLength)
    {
        if (length == 0)
        {
            return [];
        }

        var count = (int)((length + maxExtent - 1) / maxExtent);
        var extents = new ShortAd[count];
        var block = (long)firstBlock;
        for (var i = 0; i < count; i++)
        {
            var extentLength = (uint)Math.Min(maxExtent, length - ((long)i * maxExtent));
            extents[i] = new ShortAd(extentLength, (uint)block);
            block += maxExtent / UdfConstants.BlockSize;
        }

        return extents;
    }

    /// <summary>The fields a reader needs from a File Entry or an Extended File Entry, whose tag is already checked.</summary>
    public static RecordedEntry Read(ReadOnlySpan<byte> descriptor, bool extended)
    {
        var icb = IcbTag.Read(descriptor[FieldLocations.IcbTag..]);
        var informationLength = BinaryPrimitives.ReadUInt64LittleEndian(descriptor[FieldLocations.InformationLength..]);
        var modified = UdfTimestamp.Read(descriptor[(extended ? ExtendedFieldLocations.ModificationTime : FieldLocations.ModificationTime)..]);
        var extendedAttributes = BinaryPrimitives.ReadUInt32LittleEndian(descriptor[(extended ? ExtendedFieldLocations.ExtendedAttributesLength : FieldLocations.ExtendedAttributesLength)..]);
        var descriptors = BinaryPrimitives.ReadUInt32LittleEndian(descriptor[(extended ? ExtendedFieldLocations.AllocationDescriptorsLength : FieldLocations.AllocationDescriptorsLength)..]);
        var header = extended ? ExtendedHeaderLength : HeaderLength;
        return new RecordedEntry(icb, informationLength, modified, header + (long)extendedAttributes, descriptors);
    }
}
