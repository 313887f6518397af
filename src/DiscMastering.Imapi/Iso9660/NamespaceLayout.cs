using System.Text;
using DiscMastering.Imapi.Iso9660.RockRidge;

namespace DiscMastering.Imapi.Iso9660;

/// <summary>One directory hierarchy of the image: the primary (ISO 9660) one or Joliet's.</summary>
internal sealed class NamespaceLayout
{
    private NamespaceLayout(bool isJoliet, DirectoryExtent[] byIndex, DirectoryExtent[] inPathTableOrder, uint pathTableSize)
    {
        IsJoliet = isJoliet;
        ByIndex = byIndex;
        InPathTableOrder = inPathTableOrder;
        PathTableSize = pathTableSize;
    }

    public bool IsJoliet { get; }

    /// <summary>Extents by <see cref="DiscNode.Index"/> of their folder.</summary>
    public DirectoryExtent[] ByIndex { get; }

    /// <summary>Folders by level, then parent number, then identifier (ECMA-119 6.9.1): the order of the path table and of the extents.</summary>
    public DirectoryExtent[] InPathTableOrder { get; }

    /// <summary>Bytes of one path table.</summary>
    public uint PathTableSize { get; }

    public uint TypeLPathTable { get; set; }

    public uint TypeMPathTable { get; set; }

    /// <summary>Whether the records carry Rock Ridge System Use entries.</summary>
    public bool HasRockRidge => ByIndex.Length > 0 && ByIndex[0].RockRidge is not null;

    /// <summary>The first block of the Rock Ridge continuation areas, which follow this tree's directories.</summary>
    public uint FirstContinuationBlock { get; private set; }

    /// <summary>Blocks of Rock Ridge continuation areas; 0 without Rock Ridge or when every record held its entries.</summary>
    public uint ContinuationBlocks { get; private set; }

    /// <summary>Lays a tree's folders out; <paramref name="rockRidge"/> gives every record of a primary tree its System Use entries.</summary>
    public static NamespaceLayout Create(DiscTree tree, bool isJoliet, bool rockRidge = false)
    {
        var byIndex = new DirectoryExtent[tree.Directories.Count];
        foreach (var directory in tree.Directories)
        {
            var entries = directory.Children.Select(c => (Node: c, Identifier: Identifier(c, isJoliet))).ToArray();
            Array.Sort(entries, isJoliet ? CompareJoliet : ComparePrimary);
            entries = WithSections(entries);
            var pathTableIdentifier = directory.Parent is null ? [0] : Identifier(directory, isJoliet);
            var systemUse = rockRidge && !isJoliet ? RockRidgeDirectory.Create(directory, entries) : null;
            byIndex[directory.Index] = new DirectoryExtent(directory, pathTableIdentifier, entries, systemUse);
        }

        // Breadth-first over sorted children gives exactly the path table order.
        var order = new List<DirectoryExtent>(byIndex.Length) { byIndex[tree.Root.Index] };
        byIndex[tree.Root.Index].Number = 1;
        byIndex[tree.Root.Index].ParentNumber = 1;
        uint pathTableSize = 0;
        for (var i = 0; i < order.Count; i++)
        {
            pathTableSize += (uint)PathTableRecord.CalcLength(order[i].PathTableIdentifier.Length);
            foreach (var (node, _) in order[i].Entries)
            {
                if (node is DiscDirectory child)
                {
                    var extent = byIndex[child.Index];
                    extent.Number = (ushort)(order.Count + 1);
                    extent.ParentNumber = order[i].Number;
                    order.Add(extent);
                }
            }
        }

        return new NamespaceLayout(isJoliet, byIndex, order.ToArray(), pathTableSize);
    }

    /// <summary>
    /// Places the continuation areas from <paramref name="block"/> on, in the order of the directories and their
    /// records, several to a block; returns the first block after them.
    /// </summary>
    public uint PlaceContinuationAreas(uint block)
    {
        FirstContinuationBlock = block;
        var (last, offset) = (block, 0);
        foreach (var directory in InPathTableOrder)
        {
            if (directory.RockRidge is { } rockRidge)
            {
                (last, offset) = rockRidge.PlaceContinuationAreas(last, offset);
            }
        }

        ContinuationBlocks = offset == 0 ? last - block : last - block + 1;
        return block + ContinuationBlocks;
    }

    /// <summary>
    /// A file larger than one extent takes consecutive records with the same identifier, one per section
    /// (ECMA-119 6.5.1, 9.1.6): repeated here, so sizing, Rock Ridge and rendering count records alike. With
    /// Rock Ridge each section's record carries the same System Use entries, so a reader that takes the name
    /// or the attributes from any one of them (the first, or the last) finds them.
    /// </summary>
    private static (DiscNode Node, byte[] Identifier)[] WithSections((DiscNode Node, byte[] Identifier)[] entries)
    {
        if (!entries.Any(e => e.Node is DiscFile file && IsoConstants.SectionsFor(file.Length) > 1))
        {
            return entries;
        }

        var records = new List<(DiscNode Node, byte[] Identifier)>(entries.Length + 1);
        foreach (var entry in entries)
        {
            var sections = entry.Node is DiscFile file ? IsoConstants.SectionsFor(file.Length) : 1;
            for (var i = 0; i < sections; i++)
            {
                records.Add(entry);
            }
        }

        return [.. records];
    }

    /// <summary>The identifier recorded for a node: d-characters with ";1" for primary files, UCS-2 big-endian for Joliet.</summary>
    private static byte[] Identifier(DiscNode node, bool isJoliet) =>
        isJoliet ? Encoding.BigEndianUnicode.GetBytes(node.Name)
        : Encoding.ASCII.GetBytes(node is DiscFile ? IsoNaming.FileIdentifier(node.IsoName) : node.IsoName);

    /// <summary>ECMA-119 9.3: by name, then extension, each padded with spaces; d-characters all sort above a space, so ordinal order of the parts is the same.</summary>
    private static int ComparePrimary((DiscNode Node, byte[] Identifier) a, (DiscNode Node, byte[] Identifier) b)
    {
        var (nameA, extensionA) = SplitPrimary(a.Identifier);
        var (nameB, extensionB) = SplitPrimary(b.Identifier);
        var byName = nameA.Span.SequenceCompareTo(nameB.Span);
        return byName != 0 ? byName : extensionA.Span.SequenceCompareTo(extensionB.Span);
    }

    private static (ReadOnlyMemory<byte> Name, ReadOnlyMemory<byte> Extension) SplitPrimary(byte[] identifier)
    {
        var end = Array.IndexOf(identifier, (byte)';');
        end = end < 0 ? identifier.Length : end;
        var dot = Array.IndexOf(identifier, (byte)'.', 0, end);
        return dot < 0 ? (identifier.AsMemory(0, end), ReadOnlyMemory<byte>.Empty) : (identifier.AsMemory(0, dot), identifier.AsMemory(dot + 1, end - dot - 1));
    }

    /// <summary>Joliet: UCS-2 code units in order, which is the big-endian bytes' order.</summary>
    private static int CompareJoliet((DiscNode Node, byte[] Identifier) a, (DiscNode Node, byte[] Identifier) b) =>
        a.Identifier.AsSpan().SequenceCompareTo(b.Identifier);
}
