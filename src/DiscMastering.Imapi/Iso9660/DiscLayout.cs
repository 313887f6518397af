using DiscMastering.Imapi.ElTorito;
using DiscMastering.Imapi.Media;
using DiscMastering.Imapi.Udf;

namespace DiscMastering.Imapi.Iso9660;

/// <summary>
/// Gives every descriptor, path table, directory and file its block before a byte is written, so the
/// image's exact size is known up front. A pure function of the tree and the options.
/// </summary>
/// <remarks>
/// Order: System Area (0-15), primary descriptor (16), the El Torito boot record (17) when the disc boots,
/// Joliet descriptor, terminator, the boot catalog's block when the disc boots, the four path tables (primary
/// L, M; Joliet L, M), primary directories, their Rock Ridge continuation areas, Joliet directories, then file
/// data depth-first in name order, shared by both trees; last the backup GPT of a hybrid image.
/// With UDF (a bridge image): UDF's recognition sequence and volume descriptors follow the terminator, block
/// 256 holds the anchor, UDF's file system region follows it and only then the boot catalog, path tables and
/// directories; the UDF partition runs from its file system region to the end of the file data, so the file
/// data is shared by all three trees; the second anchor follows the file data (before the backup GPT's 256
/// blocks when the image is hybrid, ECMA-167 3/8.4.2.1).
/// </remarks>
public sealed class DiscLayout
{
    internal const uint PrimaryDescriptorBlock = IsoConstants.SystemAreaBlocks;

    private DiscLayout(DiscTree tree, NamespaceLayout primary, NamespaceLayout joliet, uint[] fileExtents, uint firstFileBlock, long totalBlocks, BootLayout? boot, UdfLayout? udf, uint udfPartitionEnd)
    {
        Tree = tree;
        Primary = primary;
        Joliet = joliet;
        FileExtents = fileExtents;
        FirstFileBlock = firstFileBlock;
        TotalBlocks = totalBlocks;
        Boot = boot;
        Udf = udf;
        UdfPartitionEnd = udfPartitionEnd;
        JolietDescriptorBlock = PrimaryDescriptorBlock + (boot is null ? 1u : 2u);
        TerminatorBlock = JolietDescriptorBlock + 1;
        FirstPathTableBlock = primary.TypeLPathTable;
    }

    /// <summary>Joliet's supplementary volume descriptor: after the boot record when the disc boots.</summary>
    internal uint JolietDescriptorBlock { get; }

    /// <summary>The volume descriptor set terminator.</summary>
    internal uint TerminatorBlock { get; }

    /// <summary>The first path table: after the terminator, and after the boot catalog's block when the disc boots.</summary>
    internal uint FirstPathTableBlock { get; }

    /// <summary>El Torito's structures; null for a disc that does not boot.</summary>
    internal BootLayout? Boot { get; }

    /// <summary>UDF's structures in a bridge image; null without UDF.</summary>
    internal UdfLayout? Udf { get; }

    /// <summary>The block after the last file's data, where the UDF partition ends; 0 without UDF.</summary>
    internal uint UdfPartitionEnd { get; }

    /// <summary>Where the image's second UDF anchor goes: the first block of the trailer.</summary>
    internal uint UdfSecondAnchor => Udf is null ? 0 : UdfLayout.SecondAnchorBlock(TotalBlocks, Boot?.Hybrid is not null);

    /// <summary>
    /// The first block after the file data: the trailer of the second UDF anchor and the hybrid backup GPT's
    /// blocks; <see cref="TotalBlocks"/> when the image has neither.
    /// </summary>
    internal long TrailerBlock => Udf is not null ? UdfPartitionEnd : Boot?.Hybrid?.BackupBlock ?? TotalBlocks;

    /// <summary>The UDF renderer of this layout; the layout has UDF.</summary>
    internal UdfWriter CreateUdfWriter(MasteringOptions options) =>
        new(Udf!, new UdfVolume(options.VolumeLabel, options.VolumeDate, f => FileExtents[f.Index], UdfPartitionEnd));

    /// <summary>The tree laid out.</summary>
    public DiscTree Tree { get; }

    /// <summary>The image's size in blocks (the volume space size).</summary>
    public long TotalBlocks { get; }

    /// <summary>The image's size in bytes.</summary>
    public long ImageBytes => TotalBlocks * IsoConstants.BlockSize;

    /// <summary>The first block of file data; everything before it is metadata.</summary>
    internal uint FirstFileBlock { get; }

    internal NamespaceLayout Primary { get; }

    internal NamespaceLayout Joliet { get; }

    /// <summary>First block of each file, by <see cref="DiscNode.Index"/>.</summary>
    internal uint[] FileExtents { get; }

    /// <summary>Blocks needed for <paramref name="bytes"/>.</summary>
    public static long BlocksFor(long bytes) => DiscBlocks.For(bytes);

    /// <summary>Lays the tree out; fails with <see cref="DiscMasteringError.ExceedsCapacity"/> if it will not fit the media.</summary>
    public static DiscLayout Create(DiscTree tree, MasteringOptions options)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(options);
        var primary = NamespaceLayout.Create(tree, isJoliet: false, options.RockRidge);
        var joliet = NamespaceLayout.Create(tree, isJoliet: true);
        var boot = options.Boot is { IsBootable: true } bootOptions ? bootOptions : null;

        // The boot record is at block 17, where El Torito 1.0 2.0 fixes it; Joliet and the terminator follow,
        // then the catalog's block.
        const uint bootRecordBlock = PrimaryDescriptorBlock + 1;
        var terminatorBlock = PrimaryDescriptorBlock + (boot is null ? 2u : 3u);
        long cursor = terminatorBlock + 1;
        UdfLayout? udf = null;
        if (options.Udf)
        {
            // The recognition sequence follows the descriptor set terminator (ECMA-167 2/8.3), the volume
            // descriptors follow it and end before block 256, the anchor's (3/8.4.2.1); the file system after it.
            var recognition = (uint)cursor;
            var descriptors = recognition + UdfLayout.RecognitionBlocks;
            udf = UdfLayout.Create(tree, recognition, descriptors, UdfConstants.AnchorBlock + 1);
            cursor = udf.FileSystemEnd;
        }

        // The catalog is a file of both trees, so with UDF it lies inside the partition, after the file system.
        uint catalogBlock = boot is null ? 0 : (uint)cursor++;
        foreach (var space in new[] { primary, joliet })
        {
            var blocks = BlocksFor(space.PathTableSize);
            space.TypeLPathTable = (uint)cursor;
            space.TypeMPathTable = (uint)(cursor + blocks);
            cursor += 2 * blocks;
        }

        foreach (var space in new[] { primary, joliet })
        {
            foreach (var directory in space.InPathTableOrder)
            {
                directory.Extent = (uint)cursor;
                cursor += directory.Size / IsoConstants.BlockSize;
            }

            cursor = space.PlaceContinuationAreas((uint)cursor);
        }

        var firstFileBlock = (uint)cursor;
        var fileExtents = new uint[tree.Files.Count];
        foreach (var file in tree.Files)
        {
            if (file.IsMetadata)
            {
                fileExtents[file.Index] = catalogBlock;
                continue;
            }

            fileExtents[file.Index] = (uint)cursor;
            cursor += BlocksFor(file.Length);
        }

        // An empty file has no blocks; it points at a block inside the image, as readers expect.
        var lastBlock = (uint)(cursor - 1);
        foreach (var file in tree.Files)
        {
            fileExtents[file.Index] = Math.Min(fileExtents[file.Index], lastBlock);
        }

        var partitionEnd = (uint)Math.Min(cursor, uint.MaxValue);
        var trailer = udf is null ? 0 : UdfLayout.TrailerBlocks(lastBlockTaken: boot is { Hybrid: true });
        BootLayout? bootLayout = null;
        if (boot is not null)
        {
            bootLayout = BootLayout.Create(tree, boot, bootRecordBlock, catalogBlock, fileExtents);

            // The backup GPT counts in the volume space size, as xorriso counts it: readers and recorders that
            // copy a volume by its recorded size (isosize, read-back verification) then keep the disk's last LBA.
            // With UDF it takes the last blocks of the trailer, after the second anchor.
            if (boot.Hybrid)
            {
                var volumeBlocks = trailer == 0 ? cursor : cursor + trailer - HybridDisk.BackupBlocks;
                bootLayout.PlaceHybrid(options.VolumeLabel, (uint)Math.Min(volumeBlocks, uint.MaxValue), HybridDisk.BackupBlocks);
                cursor = volumeBlocks + HybridDisk.BackupBlocks;
            }
        }

        cursor = Math.Max(cursor, (long)partitionEnd + trailer);

        if (options.CapacityBlocks is { } capacity && cursor > capacity)
        {
            throw new DiscMasteringException(
                DiscMasteringError.ExceedsCapacity,
                $"the image needs {DiscBlocks.Describe(cursor)} but the media holds {DiscBlocks.Describe(capacity)}: it exceeds the capacity by {DiscBlocks.Describe(cursor - capacity)}. Choose larger media or leave files out.");
        }

        if (cursor > uint.MaxValue)
        {
            throw new DiscMasteringException(
                DiscMasteringError.ExceedsCapacity,
                $"the image needs {DiscBlocks.Describe(cursor)}; ISO 9660 addresses at most {DiscBlocks.Describe(uint.MaxValue)}. Split the files over several discs.");
        }

        return new DiscLayout(tree, primary, joliet, fileExtents, firstFileBlock, cursor, bootLayout, udf, udf is null ? 0 : partitionEnd);
    }
}
