using System.Buffers.Binary;
using DiscMastering.Imapi.Reading;
using Microsoft.Win32.SafeHandles;

namespace DiscMastering.Imapi.Udf.Reading;

/// <summary>
/// Reads the UDF file set of an image: a UDF-only image or the UDF side of a bridge image, as this engine
/// or another writer (genisoimage -udf, mkudffs) made it. Every read is positional on one handle and
/// nothing is loaded before it is asked for. Every count, length and position read from the image is
/// bounded: damage fails with <see cref="DiscMasteringError.DamagedUdfImage"/>, never with a hang.
/// </summary>
public sealed partial class UdfImageReader : IDisposable
{
    private const int BlockSize = UdfConstants.BlockSize;

    /// <summary>Descriptors read across the volume descriptor sequence and its continuations.</summary>
    private const int MaxVolumeDescriptors = 256;

    /// <summary>Volume Descriptor Pointers followed before giving up on a sequence.</summary>
    private const int MaxSequenceExtents = 16;

    /// <summary>Allocation descriptors of one entry, Allocation Extent Descriptors included.</summary>
    internal const int MaxAllocationDescriptors = 65_536;

    /// <summary>A directory's File Identifiers are read whole; this bounds them (1.6 million short names).</summary>
    internal const int MaxDirectoryBytes = 64 << 20;

    /// <summary>Entries of one directory.</summary>
    internal const int MaxDirectoryEntries = 1_000_000;

    /// <summary>Directories nested below the root.</summary>
    internal const int MaxDepth = 256;

    /// <summary>Files and directories of one walk.</summary>
    internal const int MaxNodes = 4_000_000;

    private readonly SafeFileHandle _image;
    private readonly string _imagePath;
    private readonly long _blocks;
    private readonly List<(uint Start, uint Length)> _partitions = [];

    private UdfImageReader(SafeFileHandle image, string imagePath, long length)
    {
        _image = image;
        _imagePath = imagePath;
        _blocks = length / BlockSize;
        (Volume, Root) = ReadVolume();
    }

    /// <summary>The volume's identifiers, revision and partition.</summary>
    public UdfVolumeInfo Volume { get; }

    /// <summary>The root directory of the file set.</summary>
    public UdfEntry Root { get; }

    /// <summary>The image's path, as given to <see cref="Open"/>.</summary>
    public string ImagePath => _imagePath;

    /// <summary>
    /// Opens an image and reads its anchor, volume descriptors, File Set Descriptor and root File Entry.
    /// Fails with <see cref="DiscMasteringError.NoUdfVolume"/> when it has no UDF anchor, with
    /// <see cref="DiscMasteringError.DamagedUdfImage"/> or <see cref="DiscMasteringError.UnsupportedUdfImage"/>.
    /// </summary>
    public static UdfImageReader Open(string path)
    {
        var image = ImageFileHandle.OpenRead(path);
        try
        {
            return new UdfImageReader(image, path, RandomAccess.GetLength(image));
        }
        catch
        {
            image.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A read-only, seekable stream over a file's data, read from the image as the caller reads it; it uses
    /// this reader's handle, so read it before the reader is disposed.
    /// </summary>
    public Stream OpenRead(UdfEntry file)
    {
        ArgumentNullException.ThrowIfNull(file);
        ObjectDisposedException.ThrowIf(_image.IsClosed, this);
        if (file.IsDirectory)
        {
            throw new ArgumentException($"'{file.Path}' is a directory; list it with {nameof(ListDirectory)}.", nameof(file));
        }

        return file.Data.Embedded is { } embedded
            ? new MemoryStream(embedded, 0, (int)file.Length, writable: false)
            : new ImageExtentStream(_image, _imagePath, file.Data.Ranges, file.Length, UdfReadErrors.Damaged);
    }

    /// <summary>Closes the image.</summary>
    public void Dispose() => _image.Dispose();

    private (UdfVolumeInfo Volume, UdfEntry Root) ReadVolume()
    {
        Span<byte> block = stackalloc byte[BlockSize];
        var (anchorBlock, anchor) = FindAnchor(block);
        var sequence = ReadSequence(anchor.MainSequence) ?? ReadSequence(anchor.ReserveSequence)
            ?? throw UdfReadErrors.Damaged(_imagePath, "neither the main nor the reserve volume descriptor sequence holds a Logical Volume Descriptor and its Partition Descriptor");

        var lvd = sequence.LogicalVolume;
        var blockSize = BinaryPrimitives.ReadUInt32LittleEndian(lvd.AsSpan(LogicalVolumeDescriptor.FieldLocations.LogicalBlockSize));
        if (blockSize != BlockSize)
        {
            throw UdfReadErrors.Unsupported(_imagePath, $"a logical block size of {blockSize:N0} bytes (not 2,048)");
        }

        ReadPartitionMaps(lvd, sequence.Partitions);
        var fileSet = LongAd.Read(lvd.AsSpan(LogicalVolumeDescriptor.FieldLocations.ContentsUse));
        ReadBlock(block, Resolve(fileSet.Partition, fileSet.Block, "the File Set Descriptor"));
        CheckTag(block, TagIdentifier.FileSetDescriptor, "the File Set Descriptor");
        var rootIcb = FileSetDescriptor.ReadRootDirectory(block);
        var fileSetIdentifier = OstaUnicode.ReadDString(block.Slice(FileSetDescriptor.FieldLocations.FileSetIdentifier, 32)) ?? "";
        var root = ReadEntry(rootIcb, "", "/", 0, "the root directory");
        if (!root.IsDirectory)
        {
            throw UdfReadErrors.Damaged(_imagePath, "the File Set Descriptor's root is not a directory");
        }

        var revision = EntityIdentifier.ReadRevision(lvd.AsSpan(LogicalVolumeDescriptor.FieldLocations.DomainIdentifier));
        var partition = _partitions[fileSet.Partition];
        var info = new UdfVolumeInfo
        {
            LogicalVolumeIdentifier = OstaUnicode.ReadDString(lvd.AsSpan(LogicalVolumeDescriptor.FieldLocations.LogicalVolumeIdentifier, LogicalVolumeDescriptor.LogicalVolumeIdentifierLength)) ?? "",
            VolumeIdentifier = sequence.Primary is { } pvd ? PrimaryVolumeDescriptor.ReadVolumeIdentifier(pvd) ?? "" : "",
            FileSetIdentifier = fileSetIdentifier,
            Revision = $"{revision >> 8:X}.{revision & 0xFF:X2}",
            Recorded = sequence.Primary is { } primary ? PrimaryVolumeDescriptor.ReadRecordingTime(primary) : null,
            AnchorBlock = anchorBlock,
            PartitionStart = partition.Start,
            PartitionLength = partition.Length,
        };
        return (info, root);
    }

    /// <summary>The anchor at 256, else at the last block, else at the last block less 256 (ECMA-167 3/8.4.2.1).</summary>
    private (long Block, AnchorVolumeDescriptorPointer Anchor) FindAnchor(Span<byte> block)
    {
        foreach (var candidate in (long[])[UdfConstants.AnchorBlock, _blocks - 1, _blocks - 1 - UdfConstants.AnchorBlock])
        {
            if (candidate < UdfConstants.AnchorBlock || candidate >= _blocks)
            {
                continue;
            }

            ReadBlock(block, candidate);
            if (DescriptorTag.TryRead(block, out var tag) && tag.Identifier == TagIdentifier.AnchorVolumeDescriptorPointer)
            {
                return (candidate, AnchorVolumeDescriptorPointer.Read(block));
            }
        }

        throw UdfReadErrors.NoAnchor(_imagePath);
    }

    /// <summary>The descriptors that matter of one sequence, or null when it is unreadable or lacks them.</summary>
    private VolumeSequence? ReadSequence(ExtentAd extent)
    {
        var block = new byte[BlockSize];
        byte[]? primary = null, logicalVolume = null;
        var partitions = new Dictionary<ushort, PartitionDescriptor>();
        var read = 0;
        for (var extents = 0; extents < MaxSequenceExtents; extents++)
        {
            var next = (ExtentAd?)null;
            var count = extent.Length / BlockSize;
            for (var i = 0u; i < count && read < MaxVolumeDescriptors; i++, read++)
            {
                var location = (long)extent.Location + i;
                if (location >= _blocks)
                {
                    return null;
                }

                ReadBlock(block, location);
                if (!DescriptorTag.TryRead(block, out var tag) || tag.Identifier == TagIdentifier.TerminatingDescriptor)
                {
                    break;
                }

                switch (tag.Identifier)
                {
                    case TagIdentifier.PrimaryVolumeDescriptor:
                        primary ??= (byte[])block.Clone();
                        break;
                    case TagIdentifier.LogicalVolumeDescriptor:
                        logicalVolume ??= (byte[])block.Clone();
                        break;
                    case TagIdentifier.PartitionDescriptor:
                        var partition = PartitionDescriptor.Read(block);
                        partitions.TryAdd(partition.PartitionNumber, partition);
                        break;
                    case TagIdentifier.VolumeDescriptorPointer:
                        next = ExtentAd.Read(block.AsSpan(20));
                        break;
                }

                if (next is not null)
                {
                    break;
                }
            }

            if (next is null)
            {
                break;
            }

            extent = next.Value;
        }

        return logicalVolume is null || partitions.Count == 0 ? null : new VolumeSequence(primary, logicalVolume, partitions);
    }

    /// <summary>Maps partition reference numbers to partitions: Type 1 maps only (ECMA-167 3/10.7.2).</summary>
    private void ReadPartitionMaps(byte[] lvd, Dictionary<ushort, PartitionDescriptor> partitions)
    {
        var tableLength = BinaryPrimitives.ReadUInt32LittleEndian(lvd.AsSpan(LogicalVolumeDescriptor.FieldLocations.MapTableLength));
        var count = BinaryPrimitives.ReadUInt32LittleEndian(lvd.AsSpan(LogicalVolumeDescriptor.FieldLocations.PartitionMapCount));
        if (tableLength > BlockSize - LogicalVolumeDescriptor.FieldLocations.PartitionMaps || count == 0 || count > tableLength / 2)
        {
            throw UdfReadErrors.Damaged(_imagePath, $"the Logical Volume Descriptor gives {count:N0} partition maps in {tableLength:N0} bytes");
        }

        var maps = lvd.AsSpan(LogicalVolumeDescriptor.FieldLocations.PartitionMaps, (int)tableLength);
        var offset = 0;
        for (var i = 0; i < count; i++)
        {
            if (offset + 2 > maps.Length || maps[offset + 1] < 2 || offset + maps[offset + 1] > maps.Length)
            {
                throw UdfReadErrors.Damaged(_imagePath, $"partition map {i} runs past the Logical Volume Descriptor's map table");
            }

            var type = maps[offset];
            var length = maps[offset + 1];
            if (type != 1)
            {
                throw UdfReadErrors.Unsupported(_imagePath, "a virtual, sparable or metadata partition (a Type 2 partition map)");
            }

            if (length != LogicalVolumeDescriptor.Type1MapLength)
            {
                throw UdfReadErrors.Damaged(_imagePath, $"partition map {i} is {length} bytes, not 6");
            }

            var number = BinaryPrimitives.ReadUInt16LittleEndian(maps[(offset + 4)..]);
            if (!partitions.TryGetValue(number, out var partition))
            {
                throw UdfReadErrors.Damaged(_imagePath, $"partition map {i} names partition {number}, which no Partition Descriptor describes");
            }

            if ((long)partition.StartingLocation + partition.PartitionLength > _blocks)
            {
                throw UdfReadErrors.Damaged(_imagePath, $"partition {number} lies in blocks {partition.StartingLocation:N0} to {(long)partition.StartingLocation + partition.PartitionLength - 1:N0}, beyond the image's {_blocks:N0} blocks");
            }

            _partitions.Add((partition.StartingLocation, partition.PartitionLength));
            offset += length;
        }
    }

    /// <summary>The image block of logical block <paramref name="block"/> of partition reference <paramref name="partition"/>.</summary>
    private long Resolve(ushort partition, uint block, string what)
    {
        if (partition >= _partitions.Count)
        {
            throw UdfReadErrors.Damaged(_imagePath, $"{what} is in partition {partition}, which the volume does not have");
        }

        var (start, length) = _partitions[partition];
        if (block >= length)
        {
            throw UdfReadErrors.Damaged(_imagePath, $"{what} is at block {block:N0} of a partition of {length:N0} blocks");
        }

        return (long)start + block;
    }

    private void CheckTag(ReadOnlySpan<byte> block, TagIdentifier expected, string what)
    {
        if (!DescriptorTag.TryRead(block, out var tag) || tag.Identifier != expected)
        {
            throw UdfReadErrors.Damaged(_imagePath, $"{what} has no valid {expected} tag (wrong identifier, checksum or CRC)");
        }
    }

    /// <summary>Fills <paramref name="buffer"/> from image block <paramref name="block"/> on.</summary>
    private void ReadBlock(Span<byte> buffer, long block)
    {
        if (block < 0 || block + ((buffer.Length + BlockSize - 1) / BlockSize) > _blocks)
        {
            throw UdfReadErrors.Damaged(_imagePath, $"block {block:N0} lies beyond the image's {_blocks:N0} blocks");
        }

        ReadExactly(buffer, block * BlockSize);
    }

    private void ReadExactly(Span<byte> buffer, long offset)
    {
        while (!buffer.IsEmpty)
        {
            var read = RandomAccess.Read(_image, buffer, offset);
            if (read == 0)
            {
                throw UdfReadErrors.Damaged(_imagePath, $"the file ends at byte {offset:N0}, inside data the volume describes");
            }

            buffer = buffer[read..];
            offset += read;
        }
    }

    private sealed record VolumeSequence(byte[]? Primary, byte[] LogicalVolume, Dictionary<ushort, PartitionDescriptor> Partitions);
}
