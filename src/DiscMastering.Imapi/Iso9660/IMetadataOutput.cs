namespace DiscMastering.Imapi.Iso9660;

/// <summary>
/// Where <see cref="MetadataWriter"/> puts the image's first blocks, in order: the file writer's buffer
/// or a memory region, so both sinks get the same bytes from the same code.
/// </summary>
internal interface IMetadataOutput
{
    /// <summary>Hands out the next <paramref name="count"/> blocks, zeroed, to be filled in place.</summary>
    Span<byte> Blocks(int count);

    /// <summary>Appends <paramref name="bytes"/>, a whole number of blocks.</summary>
    void Bytes(ReadOnlySpan<byte> bytes);
}
