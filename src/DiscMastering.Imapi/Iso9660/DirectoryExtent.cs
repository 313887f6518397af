namespace DiscMastering.Imapi.Iso9660;

/// <summary>Where one folder's records go in one namespace, and the records' order and identifiers.</summary>
internal sealed class DirectoryExtent
{
    public DirectoryExtent(DiscDirectory directory, byte[] pathTableIdentifier, (DiscNode Node, byte[] Identifier)[] entries)
    {
        Directory = directory;
        PathTableIdentifier = pathTableIdentifier;
        Entries = entries;
        Size = CalcSize(entries);
    }

    public DiscDirectory Directory { get; }

    /// <summary>The folder's identifier in the path table (0x00 for the root).</summary>
    public byte[] PathTableIdentifier { get; }

    /// <summary>The children in the order ECMA-119 9.3 asks for, with their recorded identifiers.</summary>
    public (DiscNode Node, byte[] Identifier)[] Entries { get; }

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
    private static uint CalcSize((DiscNode Node, byte[] Identifier)[] entries)
    {
        var offset = 2 * DirectoryRecord.CalcLength(1);
        foreach (var (_, identifier) in entries)
        {
            offset = NextRecordOffset(offset, DirectoryRecord.CalcLength(identifier.Length));
        }

        return (uint)(DiscLayout.BlocksFor(offset) * IsoConstants.BlockSize);
    }

    /// <summary>Where a record of <paramref name="length"/> bytes starts when the previous ended at <paramref name="offset"/>; returns its end.</summary>
    public static int NextRecordOffset(int offset, int length)
    {
        var room = IsoConstants.BlockSize - (offset % IsoConstants.BlockSize);
        return (length > room ? offset + room : offset) + length;
    }
}
