using System.Diagnostics;

namespace DiscMastering.Imapi.Iso9660.RockRidge;

/// <summary>
/// Renders the continuation areas (SUSP 1.12 5.1) the layout placed after a tree's directories, in the order
/// it placed them: block by block, several areas to a block, none across a block's end.
/// </summary>
internal static class ContinuationAreaWriter
{
    public static void Write(NamespaceLayout space, PosixModes modes, IMetadataOutput output)
    {
        if (space.ContinuationBlocks == 0)
        {
            return;
        }

        var current = space.FirstContinuationBlock;
        var block = output.Blocks(1);
        var written = 1u;
        foreach (var directory in space.InPathTableOrder)
        {
            var rockRidge = directory.RockRidge!;
            for (var i = 0; i < rockRidge.RecordCount; i++)
            {
                var length = rockRidge.ContinuationLength(i);
                if (length == 0)
                {
                    continue;
                }

                while (current < rockRidge.ContinuationBlock(i))
                {
                    block = output.Blocks(1);
                    written++;
                    current++;
                }

                var (node, identifierLength) = i switch
                {
                    0 => (directory.Directory, 1),
                    1 => (directory.Directory.Parent ?? directory.Directory, 1),
                    _ => (directory.Entries[i - RockRidgeDirectory.FirstEntryRecord].Node, directory.Entries[i - RockRidgeDirectory.FirstEntryRecord].Identifier.Length),
                };
                rockRidge.WriteContinuation(directory.Directory, i, node, identifierLength, modes, block.Slice(rockRidge.ContinuationOffset(i), length));
            }
        }

        Debug.Assert(written == space.ContinuationBlocks, "the continuation areas must fill exactly the blocks the layout gave them");
    }
}
