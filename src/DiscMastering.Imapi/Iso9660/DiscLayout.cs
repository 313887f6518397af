using DiscMastering.Imapi.ElTorito;
using DiscMastering.Imapi.Media;

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
/// </remarks>
public sealed class DiscLayout
{
    internal const uint PrimaryDescriptorBlock = IsoConstants.SystemAreaBlocks;

    private DiscLayout(DiscTree tree, NamespaceLayout primary, NamespaceLayout joliet, uint[] fileExtents, uint firstFileBlock, long totalBlocks, BootLayout? boot)
    {
        Tree = tree;
        Primary = primary;
        Joliet = joliet;
        FileExtents = fileExtents;
        FirstFileBlock = firstFileBlock;
        TotalBlocks = totalBlocks;
        Boot = boot;
        JolietDescriptorBlock = PrimaryDescriptorBlock + (boot is null ? 1u : 2u);
        TerminatorBlock = JolietDescriptorBlock + 1;
        FirstPathTableBlock = TerminatorBlock + (boot is null ? 1u : 2u);
    }

    /// <summary>Joliet's supplementary volume descriptor: after the boot record when the disc boots.</summary>
    internal uint JolietDescriptorBlock { get; }

    /// <summary>The volume descriptor set terminator.</summary>
    internal uint TerminatorBlock { get; }

    /// <summary>The first path table: after the terminator, and after the boot catalog's block when the disc boots.</summary>
    internal uint FirstPathTableBlock { get; }

    /// <summary>El Torito's structures; null for a disc that does not boot.</summary>
    internal BootLayout? Boot { get; }

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
        uint catalogBlock = boot is null ? 0 : bootRecordBlock + 3;
        long cursor = boot is null ? PrimaryDescriptorBlock + 3 : catalogBlock + 1;
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

        BootLayout? bootLayout = null;
        if (boot is not null)
        {
            bootLayout = BootLayout.Create(tree, boot, bootRecordBlock, catalogBlock, fileExtents);

            // The backup GPT counts in the volume space size, as xorriso counts it: readers and recorders that
            // copy a volume by its recorded size (isosize, read-back verification) then keep the disk's last LBA.
            if (boot.Hybrid)
            {
                bootLayout.PlaceHybrid(options.VolumeLabel, (uint)Math.Min(cursor, uint.MaxValue), HybridDisk.BackupBlocks);
                cursor += HybridDisk.BackupBlocks;
            }
        }

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

        return new DiscLayout(tree, primary, joliet, fileExtents, firstFileBlock, cursor, bootLayout);
    }
}
