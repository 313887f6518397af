namespace DiscMastering.Imapi.Iso9660;

/// <summary>
/// The blocks after the file data: UDF's second anchor, then, in a hybrid image, zeros and the backup GPT
/// in the last blocks. Both sinks render it here, so they give the same bytes.
/// </summary>
internal static class ImageTrailer
{
    /// <summary>Where the trailer starts, in bytes.</summary>
    public static long Offset(DiscLayout layout) => layout.TrailerBlock * IsoConstants.BlockSize;

    /// <summary>Blocks of the trailer: at most 257 (an anchor, then 256 blocks ending with the backup GPT).</summary>
    public static int Blocks(DiscLayout layout) => (int)(layout.TotalBlocks - layout.TrailerBlock);

    /// <summary>Fills <paramref name="trailer"/>, <see cref="Blocks"/> zeroed blocks.</summary>
    public static void Write(DiscLayout layout, MasteringOptions options, Span<byte> trailer)
    {
        if (layout.Udf is not null)
        {
            var anchor = (int)(layout.UdfSecondAnchor - layout.TrailerBlock) * IsoConstants.BlockSize;
            layout.CreateUdfWriter(options).WriteAnchor(trailer.Slice(anchor, IsoConstants.BlockSize), layout.UdfSecondAnchor);
        }

        if (layout.Boot?.Hybrid is { } hybrid)
        {
            var backup = (int)(hybrid.BackupBlock - layout.TrailerBlock) * IsoConstants.BlockSize;
            hybrid.WriteBackup(trailer[backup..]);
        }
    }
}
