namespace DiscMastering.Imapi.Udf;

/// <summary>
/// A descriptor of the Volume Recognition Sequence (ECMA-167 2/9.1): structure type 0, a five-character
/// standard identifier, version 1, in a sector of its own. UDF's sequence is BEA01, NSR02, TEA01 (2/8.3,
/// 3/9.1), after the ISO 9660 volume descriptor set terminator.
/// </summary>
internal static class VolumeStructureDescriptor
{
    internal static class FieldLocations
    {
        public const int StructureType = 0;
        public const int StandardIdentifier = 1;
        public const int StructureVersion = 6;
    }

    /// <summary>BEA01, NSR02 and TEA01: three blocks.</summary>
    public const int RecognitionSequenceBlocks = 3;

    /// <summary>Writes the three descriptors, one per 2048-byte block of <paramref name="blocks"/>.</summary>
    public static void WriteRecognitionSequence(Span<byte> blocks)
    {
        Write(blocks[..UdfConstants.BlockSize], UdfConstants.Bea01);
        Write(blocks.Slice(UdfConstants.BlockSize, UdfConstants.BlockSize), UdfConstants.Nsr02);
        Write(blocks.Slice(2 * UdfConstants.BlockSize, UdfConstants.BlockSize), UdfConstants.Tea01);
    }

    public static void Write(Span<byte> block, ReadOnlySpan<byte> standardIdentifier)
    {
        block.Clear();
        block[FieldLocations.StructureType] = 0;
        standardIdentifier.CopyTo(block[FieldLocations.StandardIdentifier..]);
        block[FieldLocations.StructureVersion] = 1;
    }

    /// <summary>The standard identifier of the descriptor in <paramref name="block"/>.</summary>
    public static ReadOnlySpan<byte> StandardIdentifier(ReadOnlySpan<byte> block) => block.Slice(FieldLocations.StandardIdentifier, 5);
}
