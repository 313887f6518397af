using System.Buffers;

namespace DiscMastering.Imapi.Iso9660.Reading;

/// <summary>Directory hierarchies: listing, walking and finding entries.</summary>
public sealed partial class IsoImageReader
{
    /// <summary>
    /// The entries of a directory in recorded order, without its "." and ".." records. Records never cross a
    /// sector: a zero length byte ends the sector's records, and reading goes on at the next one. In the
    /// Rock Ridge tree, a relocated folder shows where its CL entry stands, and the folder that held it does not.
    /// </summary>
    public IReadOnlyList<IsoEntry> ListDirectory(IsoEntry directory)
    {
        var entries = ListRecords(directory, out _);
        if (directory.Tree == IsoTree.RockRidge && directory.Path == "/")
        {
            entries.RemoveAll(IsRelocationFolder);
        }

        return entries;
    }

    /// <summary>The entries of a directory; <paramref name="relocated"/> counts the Rock Ridge records left out for their RE entry.</summary>
    private List<IsoEntry> ListRecords(IsoEntry directory, out int relocated)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ObjectDisposedException.ThrowIf(_image.IsClosed, this);
        if (!directory.IsDirectory)
        {
            throw new ArgumentException($"'{directory.Path}' is a file, not a directory.", nameof(directory));
        }

        var volume = Volume(directory.Tree);
        var (start, length) = directory.DataRanges[0];
        CheckRange(volume, start, length, $"the directory '{directory.Path}'");
        if (length > 0 && start < (IsoConstants.SystemAreaBlocks + 1L) * SectorSize)
        {
            throw IsoReadErrors.Damaged(_imagePath, $"the directory '{directory.Path}' points to block {directory.Extent:N0}, inside the system area and volume descriptors");
        }

        relocated = 0;
        var entries = new List<IsoEntry>();
        var multiExtent = new MultiExtentFile();
        var buffer = ArrayPool<byte>.Shared.Rent(SectorSize);
        try
        {
            for (long sectorStart = 0; sectorStart < length; sectorStart += SectorSize)
            {
                var sector = buffer.AsSpan(0, (int)Math.Min(SectorSize, length - sectorStart));
                ReadExactly(sector, start + sectorStart);
                relocated += ReadSector(sector, sectorStart, directory, volume, entries, multiExtent);
            }

            if (multiExtent.IsStarted)
            {
                entries.Add(multiExtent.Finish());
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return entries;
    }

    /// <summary>
    /// Every entry below the root of a hierarchy, depth-first: each directory comes before its contents, in
    /// recorded order. Runs without recursion, and fails on a directory that leads back to one already read.
    /// </summary>
    public IEnumerable<IsoEntry> Walk(bool joliet) => Walk(joliet ? IsoTree.Joliet : IsoTree.Primary);

    /// <summary>
    /// Every entry below the root of <paramref name="tree"/>, depth-first: each directory comes before its
    /// contents, in recorded order. Runs without recursion, and fails on a directory that leads back to one already read.
    /// </summary>
    public IEnumerable<IsoEntry> Walk(IsoTree tree)
    {
        var root = GetRoot(tree);
        var seen = new HashSet<uint> { root.Extent };
        var pending = new Stack<IsoEntry>();
        PushReversed(pending, ListDirectory(root));
        while (pending.Count > 0)
        {
            var entry = pending.Pop();
            yield return entry;
            if (entry.IsDirectory)
            {
                if (!seen.Add(entry.Extent))
                {
                    throw IsoReadErrors.Damaged(_imagePath, $"the directory '{entry.Path}' points to block {entry.Extent:N0}, a directory already read (a loop)");
                }

                PushReversed(pending, ListDirectory(entry));
            }
        }
    }

    /// <summary>
    /// The entry at <paramref name="path"/> ('/'-separated, from the root), or null when there is none. Primary
    /// names are matched ignoring case, as they are recorded in upper case; Joliet names exactly.
    /// </summary>
    public IsoEntry? Find(string path, bool joliet) => Find(path, joliet ? IsoTree.Joliet : IsoTree.Primary);

    /// <summary>
    /// The entry at <paramref name="path"/> ('/'-separated, from the root) in <paramref name="tree"/>, or null
    /// when there is none. Primary names are matched ignoring case; Joliet and Rock Ridge names exactly.
    /// </summary>
    public IsoEntry? Find(string path, IsoTree tree)
    {
        ArgumentNullException.ThrowIfNull(path);
        var comparison = tree == IsoTree.Primary ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var current = GetRoot(tree);
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!current.IsDirectory)
            {
                return null;
            }

            IsoEntry? next = null;
            foreach (var entry in ListDirectory(current))
            {
                if (string.Equals(entry.Name, segment, comparison))
                {
                    next = entry;
                    break;
                }
            }

            if (next is null)
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    private static void PushReversed(Stack<IsoEntry> stack, IReadOnlyList<IsoEntry> entries)
    {
        for (var i = entries.Count - 1; i >= 0; i--)
        {
            stack.Push(entries[i]);
        }
    }

    /// <summary>Reads the records of one sector of a directory; returns how many Rock Ridge records were left out for their RE entry.</summary>
    private int ReadSector(ReadOnlySpan<byte> sector, long sectorStart, IsoEntry directory, IsoVolumeInfo volume, List<IsoEntry> entries, MultiExtentFile multiExtent)
    {
        var relocated = 0;
        var rockRidge = directory.Tree == IsoTree.RockRidge;
        var offset = 0;
        while (offset < sector.Length && sector[offset] != 0)
        {
            var recordLength = sector[offset];
            var where = $"the record at byte {sectorStart + offset:N0} of the directory '{directory.Path}'";
            if (recordLength < DirectoryRecord.FieldLocations.Identifier + 1 || offset + recordLength > sector.Length)
            {
                throw IsoReadErrors.Damaged(_imagePath, $"{where} is {recordLength} bytes long, which does not fit its sector");
            }

            var record = sector.Slice(offset, recordLength);
            offset += recordLength;
            var identifierLength = record[DirectoryRecord.FieldLocations.IdentifierLength];
            if (identifierLength == 0 || DirectoryRecord.FieldLocations.Identifier + identifierLength > recordLength)
            {
                throw IsoReadErrors.Damaged(_imagePath, $"{where} has an identifier of {identifierLength} bytes, which does not fit the record");
            }

            var identifier = DirectoryRecord.ReadIdentifier(record);
            if (identifier.Length == 1 && (identifier[0] == DirectoryRecord.SelfIdentifier[0] || identifier[0] == DirectoryRecord.ParentIdentifier[0]))
            {
                continue;
            }

            var fields = DirectoryRecord.Read(record);
            var isDirectory = (fields.FileFlags & DirectoryRecord.Flags.Directory) != 0;
            var isHidden = (fields.FileFlags & DirectoryRecord.Flags.Hidden) != 0;
            var dataStart = ((long)fields.Extent + record[DirectoryRecord.FieldLocations.ExtendedAttributeLength]) * volume.LogicalBlockSize;
            var rr = rockRidge ? ReadRockRidge(record, where) : null;
            if (rr is { IsRelocated: true })
            {
                relocated++;
                continue;
            }

            var name = rr?.Name ?? IsoText.DecodeName(identifier, volume.IsJoliet);
            var path = directory.Path == "/" ? "/" + name : directory.Path + "/" + name;
            if (rr?.ChildLink is { } relocatedBlock)
            {
                entries.Add(RelocatedDirectory(name, path, identifier, relocatedBlock, rr, isHidden));
                continue;
            }

            CheckRange(volume, dataStart, fields.DataLength, $"'{path}'");

            if (multiExtent.IsStarted && !multiExtent.Continues(identifier))
            {
                entries.Add(multiExtent.Finish());
            }

            if (!isDirectory && (multiExtent.IsStarted || (fields.FileFlags & DirectoryRecord.Flags.MultiExtent) != 0))
            {
                multiExtent.Add(name, path, identifier, fields, dataStart, directory.Tree, rr);
                if ((fields.FileFlags & DirectoryRecord.Flags.MultiExtent) == 0)
                {
                    entries.Add(multiExtent.Finish());
                }

                continue;
            }

            entries.Add(new IsoEntry(
                name,
                path,
                identifier.ToArray(),
                isDirectory,
                isHidden,
                directory.Tree,
                fields.Extent,
                fields.DataLength,
                fields.Recorded,
                [(dataStart, fields.DataLength)])
            {
                Posix = rr?.Posix,
                Times = rr?.Times,
                LinkTarget = isDirectory ? null : rr?.LinkTarget,
            });
        }

        return relocated;
    }
}
