using DiscMastering.Imapi.Iso9660.RockRidge;

namespace DiscMastering.Imapi.Iso9660;

/// <summary>Where one folder's records go in one namespace, and the records' order and identifiers.</summary>
internal sealed class DirectoryExtent
{
    public DirectoryExtent(DiscDirectory directory, byte[] pathTableIdentifier, (DiscNode Node, byte[] Identifier)[] entries, RockRidgeDirectory? rockRidge = null)
    {
        Directory = directory;
        PathTableIdentifier = pathTableIdentifier;
        Entries = entries;
        RockRidge = rockRidge;
        Size = CalcSize(entries, rockRidge);
    }

    public DiscDirectory Directory { get; }

    /// <summary>The folder's identifier in the path table (0x00 for the root).</summary>
    public byte[] PathTableIdentifier { get; }

    /// <summary>
    /// The children in the order ECMA-119 9.3 asks for, with their recorded identifiers: one per record, so a
    /// file in several sections appears once per section, consecutively.
    /// </summary>
    public (DiscNode Node, byte[] Identifier)[] Entries { get; }

    /// <summary>The records' System Use fields and continuation areas; null without Rock Ridge.</summary>
    public RockRidgeDirectory? RockRidge { get; }

    /// <summary>1-based number in the path table.</summary>
    public ushort Number { get; set; }

    public ushort ParentNumber { get; set; }

    public uint Extent { get; set; }

    /// <summary>Bytes of the extent: whole blocks.</summary>
    public uint Size { get; }

    /// <summary>
    /// Lays the records out as the writer will: ".", "..", then the entries, moving a record that would
    /// cross a block boundary to the next block (ECMA-119 6.8.1.1).
    /// </summary>
    private static uint CalcSize((DiscNode Node, byte[] Identifier)[] entries, RockRidgeDirectory? rockRidge)
    {
        var offset = 0;
        for (var record = 0; record < RockRidgeDirectory.FirstEntryRecord + entries.Length; record++)
        {
            offset = NextRecordOffset(offset, RecordLength(entries, rockRidge, record));
        }

        return (uint)(DiscLayout.BlocksFor(offset) * IsoConstants.BlockSize);
    }

    /// <summary>Bytes of record <paramref name="record"/>: "." is 0, ".." is 1, then the entries.</summary>
    public int RecordLength(int record) => RecordLength(Entries, RockRidge, record);

    private static int RecordLength((DiscNode Node, byte[] Identifier)[] entries, RockRidgeDirectory? rockRidge, int record) =>
        DirectoryRecord.CalcLength(
            record < RockRidgeDirectory.FirstEntryRecord ? 1 : entries[record - RockRidgeDirectory.FirstEntryRecord].Identifier.Length,
            rockRidge?.SystemUseLength(record) ?? 0);

    /// <summary>Where a record of <paramref name="length"/> bytes starts when the previous ended at <paramref name="offset"/>; returns its end.</summary>
    public static int NextRecordOffset(int offset, int length)
    {
        var room = IsoConstants.BlockSize - (offset % IsoConstants.BlockSize);
        return (length > room ? offset + room : offset) + length;
    }
}
