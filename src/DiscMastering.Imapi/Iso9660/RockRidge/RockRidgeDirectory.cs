namespace DiscMastering.Imapi.Iso9660.RockRidge;

/// <summary>
/// The Rock Ridge part of one primary folder's layout: for each record ("." is 0, ".." is 1, then the entries
/// in order) the bytes of its System Use field, and where its continuation area lies when it has one.
/// </summary>
internal sealed class RockRidgeDirectory
{
    /// <summary>Records before the entries: "." and "..".</summary>
    public const int FirstEntryRecord = 2;

    private readonly int[] _inlineLengths;
    private readonly int[] _continuationLengths;
    private readonly uint[] _continuationBlocks;
    private readonly int[] _continuationOffsets;

    private RockRidgeDirectory(int[] inlineLengths, int[] continuationLengths)
    {
        _inlineLengths = inlineLengths;
        _continuationLengths = continuationLengths;
        _continuationBlocks = new uint[inlineLengths.Length];
        _continuationOffsets = new int[inlineLengths.Length];
    }

    public int RecordCount => _inlineLengths.Length;

    /// <summary>Measures every record of <paramref name="directory"/>, whose entries are recorded with <paramref name="entries"/>' identifiers.</summary>
    public static RockRidgeDirectory Create(DiscDirectory directory, (DiscNode Node, byte[] Identifier)[] entries)
    {
        var count = FirstEntryRecord + entries.Length;
        var inline = new int[count];
        var continuation = new int[count];
        for (var i = 0; i < count; i++)
        {
            var split = i < FirstEntryRecord
                ? SystemUseBuilder.Measure(KindOf(directory, i), 1, "")
                : SystemUseBuilder.Measure(SystemUseRecordKind.Entry, entries[i - FirstEntryRecord].Identifier.Length, entries[i - FirstEntryRecord].Node.Name);
            inline[i] = split.InlineLength;
            continuation[i] = split.ContinuationLength;
        }

        return new RockRidgeDirectory(inline, continuation);
    }

    /// <summary>What record <paramref name="record"/> of <paramref name="directory"/> carries.</summary>
    public static SystemUseRecordKind KindOf(DiscDirectory directory, int record) => record switch
    {
        0 => directory.Parent is null ? SystemUseRecordKind.RootSelf : SystemUseRecordKind.Self,
        1 => SystemUseRecordKind.Parent,
        _ => SystemUseRecordKind.Entry,
    };

    /// <summary>Bytes of the record's System Use field.</summary>
    public int SystemUseLength(int record) => _inlineLengths[record];

    /// <summary>Bytes of the record's continuation area; 0 when it has none.</summary>
    public int ContinuationLength(int record) => _continuationLengths[record];

    public uint ContinuationBlock(int record) => _continuationBlocks[record];

    public int ContinuationOffset(int record) => _continuationOffsets[record];

    /// <summary>Renders record <paramref name="record"/>'s System Use field, the entries that stay in the record and the CE.</summary>
    public void WriteSystemUse(DiscDirectory directory, int record, DiscNode node, int identifierLength, PosixModes modes, Span<byte> systemUse) =>
        SystemUseBuilder.Write(
            KindOf(directory, record),
            identifierLength,
            record < FirstEntryRecord ? "" : node.Name,
            modes.For(node),
            _continuationBlocks[record],
            _continuationOffsets[record],
            systemUse,
            []);

    /// <summary>Renders record <paramref name="record"/>'s continuation area: the entries the record had no room for.</summary>
    public void WriteContinuation(DiscDirectory directory, int record, DiscNode node, int identifierLength, PosixModes modes, Span<byte> area) =>
        SystemUseBuilder.Write(KindOf(directory, record), identifierLength, record < FirstEntryRecord ? "" : node.Name, modes.For(node), 0, 0, [], area);

    /// <summary>
    /// Gives each continuation area its place, packed into blocks from <paramref name="block"/> at
    /// <paramref name="offset"/>, never across a block's end; returns where the next area would go.
    /// </summary>
    public (uint Block, int Offset) PlaceContinuationAreas(uint block, int offset)
    {
        for (var i = 0; i < RecordCount; i++)
        {
            var length = _continuationLengths[i];
            if (length == 0)
            {
                continue;
            }

            if (offset + length > IsoConstants.BlockSize)
            {
                block++;
                offset = 0;
            }

            _continuationBlocks[i] = block;
            _continuationOffsets[i] = offset;
            offset += length;
        }

        return (block, offset);
    }
}
