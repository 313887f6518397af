using System.Diagnostics;
using System.Text;
using DiscMastering.Imapi.Iso9660;

namespace DiscMastering.Imapi.Udf;

/// <summary>
/// Renders the UDF structures of a <see cref="UdfLayout"/>, one method per region so the image's writer
/// calls each when its output reaches that region's first block. Dates come from the tree and the volume
/// time, unique IDs from the layout: the same tree gives the same bytes.
/// </summary>
internal sealed class UdfWriter
{
    private readonly UdfLayout _layout;
    private readonly UdfVolume _volume;

    public UdfWriter(UdfLayout layout, UdfVolume volume)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(volume);
        if (volume.PartitionEnd < layout.FileSystemEnd)
        {
            throw new ArgumentOutOfRangeException(nameof(volume), "the partition must hold the file system region");
        }

        _layout = layout;
        _volume = volume;
    }

    private uint PartitionLength => _volume.PartitionEnd - _layout.PartitionStart;

    private static LongAd FileSetDescriptorAddress => new(UdfLayout.FileSetBlocks * UdfConstants.BlockSize, 0, 0);

    /// <summary>Writes BEA01, NSR02, TEA01 into <see cref="UdfLayout.RecognitionBlocks"/> blocks.</summary>
    public void WriteVolumeRecognition(Span<byte> blocks) => VolumeStructureDescriptor.WriteRecognitionSequence(Exactly(blocks, UdfLayout.RecognitionBlocks));

    /// <summary>Writes the main and reserve volume descriptor sequences and the integrity sequence into <see cref="UdfLayout.VolumeDescriptorBlocks"/> blocks.</summary>
    public void WriteVolumeDescriptors(Span<byte> blocks)
    {
        blocks = Exactly(blocks, UdfLayout.VolumeDescriptorBlocks);
        blocks.Clear();
        WriteSequence(blocks[..(UdfConstants.SequenceBlocks * UdfConstants.BlockSize)], _layout.MainSequenceBlock);
        WriteSequence(blocks.Slice(UdfConstants.SequenceBlocks * UdfConstants.BlockSize, UdfConstants.SequenceBlocks * UdfConstants.BlockSize), _layout.ReserveSequenceBlock);

        var integrity = blocks[(2 * UdfConstants.SequenceBlocks * UdfConstants.BlockSize)..];
        new LogicalVolumeIntegrityDescriptor
        {
            RecordingTime = VolumeTime,
            NextUniqueId = _layout.NextUniqueId,
            PartitionLength = PartitionLength,
            Files = (uint)_layout.Tree.Files.Count,
            Directories = (uint)_layout.Tree.Directories.Count,
        }.WriteTo(Block(integrity, 0), _layout.IntegrityBlock);
        TerminatingDescriptor.WriteTo(Block(integrity, 1), _layout.IntegrityBlock + 1);
    }

    /// <summary>Writes an Anchor Volume Descriptor Pointer into <paramref name="block"/>, which the image records at <paramref name="location"/>: 256, or <see cref="UdfLayout.SecondAnchorBlock"/>.</summary>
    public void WriteAnchor(Span<byte> block, uint location)
    {
        block = Exactly(block, 1);
        block.Clear();
        new AnchorVolumeDescriptorPointer
        {
            MainSequence = new ExtentAd(UdfConstants.SequenceBlocks * UdfConstants.BlockSize, _layout.MainSequenceBlock),
            ReserveSequence = new ExtentAd(UdfConstants.SequenceBlocks * UdfConstants.BlockSize, _layout.ReserveSequenceBlock),
        }.WriteTo(block, location);
    }

    /// <summary>
    /// Writes the file system region, <see cref="UdfLayout.FileSystemBlocks"/> blocks, to <paramref name="output"/>
    /// in block order, one block per call: the File Set Descriptor and its terminator, then per directory its
    /// File Entry, its File Identifiers and its files' File Entries.
    /// </summary>
    public void WriteFileSystem(IMetadataOutput output)
    {
        var end = Render(output, 0, withFileSet: true, _layout.FileSystemBlocks);
        Debug.Assert(end == _layout.FileSystemBlocks, "the file system region must fill exactly the blocks the layout gave it");
    }

    /// <summary>
    /// Renders blocks <paramref name="first"/> on of the file system region (relative to its start) into
    /// <paramref name="destination"/>, a whole number of blocks: for a sink that serves any offset without
    /// holding the whole region, which takes a block per file. Starts at the directory holding <paramref name="first"/>.
    /// </summary>
    public void WriteFileSystemBlocks(uint first, Memory<byte> destination)
    {
        var count = (uint)(destination.Length / UdfConstants.BlockSize);
        if (destination.Length % UdfConstants.BlockSize != 0 || first + count > _layout.FileSystemBlocks)
        {
            throw new ArgumentOutOfRangeException(nameof(first), $"blocks {first} to {first + count} are not inside the file system region's {_layout.FileSystemBlocks}");
        }

        var directories = _layout.Tree.Directories;
        int low = 0, high = directories.Count - 1, start = 0;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            if (_layout.DirectoryEntryBlock(directories[middle]) <= first)
            {
                start = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        // Blocks before the first directory's File Entry belong to the File Set Descriptor: start from the beginning.
        var fromStart = first < UdfLayout.FileSetBlocks;
        var window = new BlockWindow(destination, first, fromStart ? 0 : _layout.DirectoryEntryBlock(directories[start]));
        Render(window, fromStart ? 0 : start, fromStart, first + count);
    }

    /// <summary>
    /// Writes from directory <paramref name="firstDirectory"/>, after the File Set Descriptor when <paramref name="withFileSet"/>, until
    /// block <paramref name="endBlock"/> is reached, a block per <see cref="IMetadataOutput.Blocks"/> call so
    /// no sink ever holds a whole directory; returns the block after the last one written.
    /// </summary>
    private uint Render(IMetadataOutput output, int firstDirectory, bool withFileSet, uint endBlock)
    {
        var tree = _layout.Tree;
        uint block;
        if (withFileSet)
        {
            // The File Set Descriptor and its terminator come first, at partition blocks 0 and 1.
            new FileSetDescriptor
            {
                RecordingTime = VolumeTime,
                LogicalVolumeIdentifier = _volume.Label,
                FileSetIdentifier = _volume.Label,
                RootDirectory = Icb(tree.Root),
            }.WriteTo(output.Blocks(1), 0);
            TerminatingDescriptor.WriteTo(output.Blocks(1), 1);
            block = UdfLayout.FileSetBlocks;
        }
        else
        {
            block = _layout.DirectoryEntryBlock(tree.Directories[firstDirectory]);
        }

        for (var i = firstDirectory; i < tree.Directories.Count && block < endBlock; i++)
        {
            var directory = tree.Directories[i];
            Debug.Assert(block == _layout.DirectoryEntryBlock(directory), "directories must be written where the layout put them");
            var streamLength = _layout.DirectoryStreamLength(directory);
            var streamBlock = block + 1;
            var subdirectories = directory.Children.Count(c => c is DiscDirectory);
            new FileEntry
            {
                FileType = IcbFileType.Directory,
                Permissions = FileEntry.ReadExecuteForAll,
                LinkCount = (ushort)Math.Min(ushort.MaxValue, 1 + subdirectories), // its own parent entry and each child's (4/14.9.6)
                InformationLength = streamLength,
                Modified = directory.Modified.ToUniversalTime(),
                UniqueId = _layout.UniqueId(directory),
                Extents = FileEntry.ContiguousExtents(streamLength, streamBlock),
            }.WriteTo(output.Blocks(1), block);

            block = WriteIdentifiers(directory, output, streamBlock);
            foreach (var child in directory.Children)
            {
                if (child is DiscFile file)
                {
                    Debug.Assert(block == _layout.FileEntryBlock(file), "file entries must be written where the layout put them");
                    WriteFileEntry(file, output.Blocks(1), block++);
                }
            }
        }

        return block;
    }

    /// <summary>Volume times are recorded in UTC, as the ISO 9660 descriptors are.</summary>
    private DateTimeOffset VolumeTime => _volume.Recorded.ToUniversalTime();

    private void WriteSequence(Span<byte> blocks, uint first)
    {
        var number = 0u;
        new PrimaryVolumeDescriptor
        {
            SequenceNumber = number,
            VolumeIdentifier = _volume.Label,
            VolumeSetIdentifier = VolumeSetIdentifier(),
            RecordingTime = VolumeTime,
        }.WriteTo(Block(blocks, number), first + number);
        number++;
        new ImplementationUseVolumeDescriptor { SequenceNumber = number, LogicalVolumeIdentifier = _volume.Label }.WriteTo(Block(blocks, number), first + number);
        number++;
        new PartitionDescriptor
        {
            SequenceNumber = number,
            PartitionNumber = 0,
            StartingLocation = _layout.PartitionStart,
            PartitionLength = PartitionLength,
        }.WriteTo(Block(blocks, number), first + number);
        number++;
        new LogicalVolumeDescriptor
        {
            SequenceNumber = number,
            LogicalVolumeIdentifier = _volume.Label,
            FileSetDescriptor = FileSetDescriptorAddress,
            IntegritySequence = new ExtentAd(UdfLayout.IntegrityBlocks * UdfConstants.BlockSize, _layout.IntegrityBlock),
            PartitionNumber = 0,
        }.WriteTo(Block(blocks, number), first + number);
        number++;
        UnallocatedSpaceDescriptor.WriteTo(Block(blocks, number), number, first + number);
        number++;
        TerminatingDescriptor.WriteTo(Block(blocks, number), first + number);
    }

    /// <summary>
    /// UDF 1.02 2.2.2.5: 16 unique characters, the first 8 hexadecimal digits from a time; here the volume
    /// time and a hash of the label and the tree's size, so the same sources give the same identifier.
    /// </summary>
    private string VolumeSetIdentifier()
    {
        var seconds = (uint)VolumeTime.ToUnixTimeSeconds();
        var hash = 2166136261u; // FNV-1a
        foreach (var b in Encoding.UTF8.GetBytes($"{_volume.Label}/{_layout.Tree.Files.Count}/{_layout.Tree.TotalFileBytes}"))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return $"{seconds:X8}{hash:X8}{_volume.Label}";
    }

    /// <summary>
    /// Writes a directory's File Identifiers from <paramref name="streamBlock"/> on, block by block: a descriptor
    /// that crosses a block boundary (as ECMA-167 4/14.4 allows) is rendered aside and split. Returns the block after the stream.
    /// </summary>
    private uint WriteIdentifiers(DiscDirectory directory, IMetadataOutput output, uint streamBlock)
    {
        Span<byte> descriptor = stackalloc byte[FileIdentifierDescriptor.CalcLength(byte.MaxValue)];
        var block = output.Blocks(1);
        var offset = 0L;
        var parent = directory.Parent ?? directory;
        var length = FileIdentifierDescriptor.WriteTo(descriptor, "", FileIdentifierDescriptor.Characteristics.Directory | FileIdentifierDescriptor.Characteristics.Parent, Icb(parent), streamBlock);
        Append(descriptor[..length], output, ref block, ref offset);
        foreach (var child in directory.Children)
        {
            var characteristics = child is DiscDirectory ? FileIdentifierDescriptor.Characteristics.Directory : FileIdentifierDescriptor.Characteristics.None;
            var location = streamBlock + (uint)(offset / UdfConstants.BlockSize);
            length = FileIdentifierDescriptor.WriteTo(descriptor, child.Name, characteristics, Icb(child), location);
            Append(descriptor[..length], output, ref block, ref offset);
        }

        Debug.Assert(offset == _layout.DirectoryStreamLength(directory), "a directory's identifiers must take the length the layout gave them");
        return streamBlock + (uint)UdfLayout.BlocksFor(offset);
    }

    /// <summary>Copies <paramref name="bytes"/> to the stream at <paramref name="offset"/>, taking the next block when the current one is full.</summary>
    private static void Append(scoped ReadOnlySpan<byte> bytes, IMetadataOutput output, ref Span<byte> block, ref long offset)
    {
        while (!bytes.IsEmpty)
        {
            var inBlock = (int)(offset % UdfConstants.BlockSize);
            if (inBlock == 0 && offset > 0)
            {
                block = output.Blocks(1);
            }

            var take = Math.Min(bytes.Length, UdfConstants.BlockSize - inBlock);
            bytes[..take].CopyTo(block[inBlock..]);
            bytes = bytes[take..];
            offset += take;
        }
    }

    private void WriteFileEntry(DiscFile file, Span<byte> block, uint location)
    {
        ShortAd[] extents = [];
        if (file.Length > 0)
        {
            var dataBlock = _volume.FileBlock(file);
            if (dataBlock < _layout.PartitionStart || dataBlock + UdfLayout.BlocksFor(file.Length) > _volume.PartitionEnd)
            {
                throw new InvalidOperationException($"the data of '{file.DiscPath}' (block {dataBlock}) lies outside the UDF partition ({_layout.PartitionStart} to {_volume.PartitionEnd})");
            }

            extents = FileEntry.ContiguousExtents(file.Length, dataBlock - _layout.PartitionStart, _layout.MaxExtentLength);
        }

        new FileEntry
        {
            FileType = IcbFileType.RegularFile,
            Permissions = FileEntry.ReadForAll,
            LinkCount = 1,
            InformationLength = (ulong)file.Length,
            Modified = file.Modified.ToUniversalTime(),
            UniqueId = _layout.UniqueId(file),
            Extents = extents,
        }.WriteTo(block, location);
    }

    /// <summary>A long_ad to a node's File Entry (one block in partition 0).</summary>
    private LongAd Icb(DiscNode node) => new(UdfConstants.BlockSize, _layout.EntryBlock(node), 0);

    private static Span<byte> Block(Span<byte> blocks, uint index) => blocks.Slice((int)index * UdfConstants.BlockSize, UdfConstants.BlockSize);

    private static Span<byte> Exactly(Span<byte> blocks, int count) =>
        blocks.Length == count * UdfConstants.BlockSize ? blocks : throw new ArgumentException($"expected {count} blocks, got {blocks.Length} bytes", nameof(blocks));
}
