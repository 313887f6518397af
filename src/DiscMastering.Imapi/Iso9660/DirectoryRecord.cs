namespace DiscMastering.Imapi.Iso9660;

/// <summary>A directory record, ECMA-119 9.1: one entry of a directory's extent.</summary>
internal readonly struct DirectoryRecord
{
    /// <summary>Field offsets, each the previous one plus its length (ECMA-119 table 8).</summary>
    internal static class FieldLocations
    {
        public const int Length = 0;
        public const int ExtendedAttributeLength = Length + 1;
        public const int ExtentLocation = ExtendedAttributeLength + 1;
        public const int DataLength = ExtentLocation + 8;
        public const int RecordingDate = DataLength + 8;
        public const int FileFlags = RecordingDate + IsoDate.RecordingDateLength;
        public const int FileUnitSize = FileFlags + 1;
        public const int InterleaveGap = FileUnitSize + 1;
        public const int VolumeSequenceNumber = InterleaveGap + 1;
        public const int IdentifierLength = VolumeSequenceNumber + 4;
        public const int Identifier = IdentifierLength + 1;
    }

    /// <summary>File flags, ECMA-119 9.1.6.</summary>
    [Flags]
    internal enum Flags : byte
    {
        None = 0,
        Hidden = 0x01,
        Directory = 0x02,
        MultiExtent = 0x80,
    }

    /// <summary>Identifier of a directory's own record ("."), ECMA-119 6.8.2.2.</summary>
    public static ReadOnlySpan<byte> SelfIdentifier => [0x00];

    /// <summary>Identifier of the parent's record ("..").</summary>
    public static ReadOnlySpan<byte> ParentIdentifier => [0x01];

    public DirectoryRecord(uint extent, uint dataLength, DateTimeOffset recorded, Flags flags)
    {
        Extent = extent;
        DataLength = dataLength;
        Recorded = recorded;
        FileFlags = flags;
    }

    public uint Extent { get; }

    public uint DataLength { get; }

    public DateTimeOffset Recorded { get; }

    public Flags FileFlags { get; }

    /// <summary>
    /// Bytes a record takes: the fixed part, the identifier, a pad byte when the identifier's length is even,
    /// then the System Use area (Rock Ridge, for one), padded to an even length (ECMA-119 9.1.12, 9.1.13).
    /// </summary>
    public static int CalcLength(int identifierLength, int systemUseLength = 0)
    {
        var length = SystemUseOffset(identifierLength) + systemUseLength;
        return length + (length % 2);
    }

    /// <summary>Where the System Use area starts in a record: after the identifier and its pad byte (ECMA-119 9.1.12, 9.1.13).</summary>
    public static int SystemUseOffset(int identifierLength) => FieldLocations.Identifier + identifierLength + (identifierLength % 2 == 0 ? 1 : 0);

    /// <summary>Writes the record and returns its length; <paramref name="destination"/> must be zeroed.</summary>
    public int WriteTo(Span<byte> destination, ReadOnlySpan<byte> identifier, int systemUseLength = 0)
    {
        var length = CalcLength(identifier.Length, systemUseLength);
        destination[FieldLocations.Length] = (byte)length;
        BothByteOrder.WriteUInt32(destination[FieldLocations.ExtentLocation..], Extent);
        BothByteOrder.WriteUInt32(destination[FieldLocations.DataLength..], DataLength);
        IsoDate.WriteRecordingDate(destination[FieldLocations.RecordingDate..], Recorded);
        destination[FieldLocations.FileFlags] = (byte)FileFlags;
        BothByteOrder.WriteUInt16(destination[FieldLocations.VolumeSequenceNumber..], 1);
        destination[FieldLocations.IdentifierLength] = (byte)identifier.Length;
        identifier.CopyTo(destination[FieldLocations.Identifier..]);
        return length;
    }

    /// <summary>
    /// Reads a record's fixed part from an image; <paramref name="record"/> starts at its length byte. A date
    /// that cannot be a date reads as the Unix epoch, as <see cref="IsoDate.ReadRecordingDate"/> does.
    /// </summary>
    public static DirectoryRecord Read(ReadOnlySpan<byte> record)
    {
        DateTimeOffset recorded;
        try
        {
            recorded = IsoDate.ReadRecordingDate(record[FieldLocations.RecordingDate..]);
        }
        catch (ArgumentException)
        {
            recorded = DateTimeOffset.UnixEpoch;
        }

        return new DirectoryRecord(
            BothByteOrder.ReadUInt32(record[FieldLocations.ExtentLocation..]),
            BothByteOrder.ReadUInt32(record[FieldLocations.DataLength..]),
            recorded,
            (Flags)record[FieldLocations.FileFlags]);
    }

    /// <summary>The identifier of a record read from an image; the caller checks it fits the record.</summary>
    public static ReadOnlySpan<byte> ReadIdentifier(ReadOnlySpan<byte> record) =>
        record.Slice(FieldLocations.Identifier, record[FieldLocations.IdentifierLength]);
}
