using DiscMastering.Imapi.Iso9660;

namespace DiscMastering.Imapi.Udf;

/// <summary>
/// Gives every UDF structure of a bridge image its block: a pure function of the tree and of where the
/// caller puts UDF's three regions. Memory grows with the tree's node count, never with file sizes.
/// </summary>
/// <remarks>
/// <para>
/// The regions: the Volume Recognition Sequence (3 blocks, right after the ISO 9660 descriptor set
/// terminator, ECMA-167 2/8.3); the volume descriptors (<see cref="VolumeDescriptorBlocks"/> blocks:
/// main sequence, reserve sequence, integrity sequence), which must end at or before block 256; the anchor
/// at block 256 (<see cref="UdfConstants.AnchorBlock"/>) and a second one at the last block; and the file
/// system (<see cref="FileSystemBlocks"/> blocks: File Set Descriptor and its terminator, then each directory's File Entry and
/// File Identifiers followed by its files' File Entries), which starts after block 256.
/// </para>
/// <para>
/// The partition starts at the file system's first block and runs to the end of the file data, so the
/// anchors and descriptor sequences lie outside it as in genisoimage's bridge images, and the file data the
/// ISO 9660 tree records is shared: a file's UDF extent is its ISO 9660 extent less the partition start.
/// </para>
/// </remarks>
internal sealed class UdfLayout
{
    /// <summary>Main and reserve volume descriptor sequences (16 blocks each) and the integrity sequence (LVID and its terminator).</summary>
    public const int VolumeDescriptorBlocks = (2 * UdfConstants.SequenceBlocks) + IntegrityBlocks;

    public const int RecognitionBlocks = VolumeStructureDescriptor.RecognitionSequenceBlocks;

    /// <summary>The integrity sequence: the Logical Volume Integrity Descriptor and its terminator.</summary>
    public const int IntegrityBlocks = 2;

    /// <summary>
    /// The File Set Descriptor and the Terminating Descriptor that ends its sequence (ECMA-167 4/8.3.1), at
    /// partition blocks 0 and 1, as genisoimage records them.
    /// </summary>
    public const int FileSetBlocks = 2;

    /// <summary>The root directory's unique ID is 0; UDF 2.00 3.2.1.1 reserves 1-15, so new IDs start at 16 here too.</summary>
    private const ulong FirstUniqueId = 16;

    private readonly uint[] _directoryEntries;
    private readonly uint[] _directoryStreamLengths;
    private readonly uint[] _fileEntries;

    private UdfLayout(DiscTree tree, uint recognitionBlock, uint descriptorBlock, uint fileSystemBlock, uint fileSystemBlocks, uint maxExtentLength, uint[] directoryEntries, uint[] directoryStreamLengths, uint[] fileEntries)
    {
        Tree = tree;
        RecognitionBlock = recognitionBlock;
        DescriptorBlock = descriptorBlock;
        FileSystemBlock = fileSystemBlock;
        FileSystemBlocks = fileSystemBlocks;
        MaxExtentLength = maxExtentLength;
        _directoryEntries = directoryEntries;
        _directoryStreamLengths = directoryStreamLengths;
        _fileEntries = fileEntries;
    }

    public DiscTree Tree { get; }

    /// <summary>First block of BEA01, NSR02, TEA01.</summary>
    public uint RecognitionBlock { get; }

    /// <summary>First block of the main volume descriptor sequence.</summary>
    public uint DescriptorBlock { get; }

    public uint MainSequenceBlock => DescriptorBlock;

    public uint ReserveSequenceBlock => DescriptorBlock + UdfConstants.SequenceBlocks;

    public uint IntegrityBlock => DescriptorBlock + (2 * UdfConstants.SequenceBlocks);

    /// <summary>First block of the file system region, and of the partition.</summary>
    public uint FileSystemBlock { get; }

    public uint PartitionStart => FileSystemBlock;

    /// <summary>Blocks of the file system region.</summary>
    public uint FileSystemBlocks { get; }

    /// <summary>The block after the file system region: where the caller's next structure may go.</summary>
    public uint FileSystemEnd => FileSystemBlock + FileSystemBlocks;

    /// <summary>The longest extent one short_ad gives a file; smaller only in tests, to make small files take several.</summary>
    public uint MaxExtentLength { get; }

    /// <summary>The unique ID UDF's next new file would take (the LVID's Logical Volume Header, ECMA-167 4/14.15).</summary>
    public ulong NextUniqueId => FirstUniqueId + FileSystemBlocks;

    /// <summary>
    /// Lays out the UDF structures of <paramref name="tree"/>. Fails with <see cref="DiscMasteringError.UdfNameTooLong"/>
    /// or <see cref="DiscMasteringError.UdfFileTooLarge"/> before anything is written.
    /// </summary>
    /// <param name="tree">The tree to lay out.</param>
    /// <param name="recognitionBlock">Where BEA01 goes: the block after the ISO 9660 volume descriptor set terminator.</param>
    /// <param name="descriptorBlock">Where the <see cref="VolumeDescriptorBlocks"/> blocks of volume descriptors go; they end at or before block 256.</param>
    /// <param name="fileSystemBlock">Where the file system region (and the partition) starts: after block 256.</param>
    /// <param name="maxExtentLength">The longest extent of one short_ad; tests make it small.</param>
    public static UdfLayout Create(DiscTree tree, uint recognitionBlock, uint descriptorBlock, uint fileSystemBlock, uint maxExtentLength = UdfConstants.MaxExtentLength)
    {
        ArgumentNullException.ThrowIfNull(tree);
        if (descriptorBlock + VolumeDescriptorBlocks > UdfConstants.AnchorBlock || fileSystemBlock <= UdfConstants.AnchorBlock)
        {
            throw new ArgumentOutOfRangeException(nameof(descriptorBlock), $"the volume descriptors ({descriptorBlock}) must end by block {UdfConstants.AnchorBlock} and the file system ({fileSystemBlock}) start after it");
        }

        if (maxExtentLength == 0 || maxExtentLength % UdfConstants.BlockSize != 0 || maxExtentLength > UdfConstants.MaxExtentLength)
        {
            throw new ArgumentOutOfRangeException(nameof(maxExtentLength));
        }

        CheckNames(tree);
        CheckFileSizes(tree, maxExtentLength);

        var directoryEntries = new uint[tree.Directories.Count];
        var streamLengths = new uint[tree.Directories.Count];
        var fileEntries = new uint[tree.Files.Count];
        long cursor = FileSetBlocks;
        foreach (var directory in tree.Directories)
        {
            var streamLength = FileIdentifierDescriptor.CalcLength("");
            foreach (var child in directory.Children)
            {
                streamLength += FileIdentifierDescriptor.CalcLength(child.Name);
            }

            directoryEntries[directory.Index] = (uint)cursor;
            streamLengths[directory.Index] = (uint)streamLength;
            cursor += 1 + BlocksFor(streamLength);
            foreach (var child in directory.Children)
            {
                if (child is DiscFile file)
                {
                    fileEntries[file.Index] = (uint)cursor++;
                }
            }
        }

        return new UdfLayout(tree, recognitionBlock, descriptorBlock, fileSystemBlock, checked((uint)cursor), maxExtentLength, directoryEntries, streamLengths, fileEntries);
    }

    /// <summary>The partition block of a directory's File Entry; its File Identifiers follow in the next blocks.</summary>
    public uint DirectoryEntryBlock(DiscDirectory directory) => _directoryEntries[directory.Index];

    /// <summary>Bytes of a directory's File Identifier Descriptors.</summary>
    public uint DirectoryStreamLength(DiscDirectory directory) => _directoryStreamLengths[directory.Index];

    /// <summary>The partition block of a file's File Entry.</summary>
    public uint FileEntryBlock(DiscFile file) => _fileEntries[file.Index];

    /// <summary>The partition block of a node's File Entry.</summary>
    public uint EntryBlock(DiscNode node) => node is DiscDirectory directory ? DirectoryEntryBlock(directory) : FileEntryBlock((DiscFile)node);

    /// <summary>The unique ID of a node's File Entry: 0 for the root, then one per File Entry block, from 16 (see <see cref="FirstUniqueId"/>).</summary>
    public ulong UniqueId(DiscNode node) => node.Parent is null ? 0 : FirstUniqueId + EntryBlock(node);

    /// <summary>
    /// Blocks UDF needs at the image's end, after the partition: one for the second anchor at the last block;
    /// or, when the caller's own structure takes the last block (a GPT backup header), the anchor at the last
    /// block less 256, the other anchor point of ECMA-167 3/8.4.2.1, and the 256 blocks after it, which the
    /// caller fills (its structure at their end, zeros before it).
    /// </summary>
    public static int TrailerBlocks(bool lastBlockTaken) => lastBlockTaken ? 1 + (int)UdfConstants.AnchorBlock : 1;

    /// <summary>Where the second anchor goes in an image of <paramref name="totalBlocks"/> blocks: the first block of the trailer.</summary>
    public static uint SecondAnchorBlock(long totalBlocks, bool lastBlockTaken) => checked((uint)(totalBlocks - TrailerBlocks(lastBlockTaken)));

    public static long BlocksFor(long bytes) => (bytes + UdfConstants.BlockSize - 1) / UdfConstants.BlockSize;

    /// <summary>A File Identifier holds at most 255 bytes, its length being one byte (ECMA-167 4/14.4.4): 254 Latin-1 characters, or 127 UTF-16 units.</summary>
    private static void CheckNames(DiscTree tree)
    {
        var problems = new List<DiscMasteringException>();
        foreach (var directory in tree.Directories)
        {
            foreach (var child in directory.Children)
            {
                if (OstaUnicode.EncodedLength(child.Name) > byte.MaxValue)
                {
                    problems.Add(new DiscMasteringException(
                        DiscMasteringError.UdfNameTooLong,
                        $"the name of '{child.DiscPath}' takes {OstaUnicode.EncodedLength(child.Name) - 1:N0} bytes in UDF, which allows 254 bytes (254 Latin-1 or 127 other characters); shorten it."));
                }
            }
        }

        DiscMasteringException.ThrowIfAny(problems);
    }

    /// <summary>One File Entry block holds <see cref="FileEntry.MaxShortAds"/> extents.</summary>
    private static void CheckFileSizes(DiscTree tree, uint maxExtentLength)
    {
        var limit = (long)FileEntry.MaxShortAds * maxExtentLength;
        var problems = new List<DiscMasteringException>();
        foreach (var file in tree.Files)
        {
            if (file.Length > limit)
            {
                problems.Add(new DiscMasteringException(
                    DiscMasteringError.UdfFileTooLarge,
                    $"the file '{file.LocalPath}' ({file.Length:N0} bytes) is larger than one UDF File Entry can place ({limit:N0} bytes in {FileEntry.MaxShortAds} extents); split or compress it."));
            }
        }

        DiscMasteringException.ThrowIfAny(problems);
    }
}
