using System.Buffers.Binary;
using DiscMastering.Imapi.Reading;

namespace DiscMastering.Imapi.Udf.Reading;

/// <summary>File Entries, allocation descriptors and directories.</summary>
public sealed partial class UdfImageReader
{
    /// <summary>The entries of <paramref name="directory"/>, in recorded order, without the parent entry and deleted ones.</summary>
    public IReadOnlyList<UdfEntry> ListDirectory(UdfEntry directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ObjectDisposedException.ThrowIf(_image.IsClosed, this);
        if (!directory.IsDirectory)
        {
            throw new ArgumentException($"'{directory.Path}' is a file; read it with {nameof(OpenRead)}.", nameof(directory));
        }

        if (directory.Length > MaxDirectoryBytes)
        {
            throw UdfReadErrors.Damaged(_imagePath, $"the directory '{directory.Path}' claims {directory.Length:N0} bytes of File Identifiers, more than {MaxDirectoryBytes:N0}");
        }

        var stream = new byte[directory.Length];
        if (directory.Data.Embedded is { } embedded)
        {
            embedded.AsSpan(0, stream.Length).CopyTo(stream);
        }
        else
        {
            using var data = new ImageExtentStream(_image, _imagePath, directory.Data.Ranges, directory.Length, UdfReadErrors.Damaged);
            data.ReadExactly(stream);
        }

        var entries = new List<UdfEntry>();
        var position = 0;
        while (position + FileIdentifierDescriptor.HeaderLength <= stream.Length)
        {
            var rest = stream.AsSpan(position);
            if (!DescriptorTag.TryRead(rest, out var tag) || tag.Identifier != TagIdentifier.FileIdentifierDescriptor)
            {
                if (!rest.ContainsAnyExcept((byte)0))
                {
                    break; // zero padding after the last identifier
                }

                throw UdfReadErrors.Damaged(_imagePath, $"the directory '{directory.Path}' has no valid File Identifier Descriptor at byte {position:N0}");
            }

            var identifierLength = rest[FileIdentifierDescriptor.FieldLocations.IdentifierLength];
            var useLength = BinaryPrimitives.ReadUInt16LittleEndian(rest[FileIdentifierDescriptor.FieldLocations.ImplementationUseLength..]);
            var nameStart = FileIdentifierDescriptor.HeaderLength + useLength;
            if (nameStart + identifierLength > rest.Length)
            {
                throw UdfReadErrors.Damaged(_imagePath, $"a File Identifier Descriptor of '{directory.Path}' at byte {position:N0} runs past the directory's end");
            }

            var characteristics = (FileIdentifierDescriptor.Characteristics)rest[FileIdentifierDescriptor.FieldLocations.FileCharacteristics];
            position += FileIdentifierDescriptor.CalcLength(useLength + identifierLength);
            if ((characteristics & (FileIdentifierDescriptor.Characteristics.Parent | FileIdentifierDescriptor.Characteristics.Deleted)) != 0)
            {
                continue;
            }

            var name = OstaUnicode.Decode(rest.Slice(nameStart, identifierLength));
            if (string.IsNullOrEmpty(name))
            {
                throw UdfReadErrors.Damaged(_imagePath, $"a File Identifier Descriptor of '{directory.Path}' at byte {position:N0} has no valid name (compression ID {(identifierLength > 0 ? rest[nameStart] : 0)})");
            }

            if (entries.Count >= MaxDirectoryEntries)
            {
                throw UdfReadErrors.Damaged(_imagePath, $"the directory '{directory.Path}' has more than {MaxDirectoryEntries:N0} entries");
            }

            var icb = LongAd.Read(rest[FileIdentifierDescriptor.FieldLocations.Icb..]);
            var path = directory.Path == "/" ? "/" + name : directory.Path + "/" + name;
            entries.Add(ReadEntry(icb, name, path, directory.Depth + 1, $"the File Entry of '{path}'"));
        }

        return entries;
    }

    /// <summary>The entry at <paramref name="path"/> ('/'-separated, from the root; names compared exactly), or null.</summary>
    public UdfEntry? Find(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var entry = Root;
        foreach (var name in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!entry.IsDirectory)
            {
                return null;
            }

            var next = ListDirectory(entry).FirstOrDefault(e => e.Name == name);
            if (next is null)
            {
                return null;
            }

            entry = next;
        }

        return entry;
    }

    /// <summary>
    /// Every file and directory below the root, depth-first in recorded order. A directory met twice (a
    /// loop), nesting deeper than <see cref="MaxDepth"/> or more than <see cref="MaxNodes"/> entries fail
    /// with <see cref="DiscMasteringError.DamagedUdfImage"/>.
    /// </summary>
    public IReadOnlyList<UdfEntry> Walk()
    {
        var result = new List<UdfEntry>();
        var seen = new HashSet<long> { Root.IcbBlock };
        var pending = new Stack<(IReadOnlyList<UdfEntry> Children, int Next)>();
        pending.Push((ListDirectory(Root), 0));
        while (pending.TryPop(out var level))
        {
            if (level.Next >= level.Children.Count)
            {
                continue;
            }

            pending.Push((level.Children, level.Next + 1));
            var child = level.Children[level.Next];
            if (result.Count >= MaxNodes)
            {
                throw UdfReadErrors.Damaged(_imagePath, $"the tree has more than {MaxNodes:N0} entries");
            }

            result.Add(child);
            if (child.IsDirectory)
            {
                if (!seen.Add(child.IcbBlock))
                {
                    throw UdfReadErrors.Damaged(_imagePath, $"the directory '{child.Path}' is also recorded elsewhere in the tree (a directory loop)");
                }

                pending.Push((ListDirectory(child), 0));
            }
        }

        return result;
    }

    /// <summary>Reads the File Entry (or Extended File Entry) <paramref name="icb"/> points at.</summary>
    private UdfEntry ReadEntry(LongAd icb, string name, string path, int depth, string what)
    {
        if (depth > MaxDepth)
        {
            throw UdfReadErrors.Damaged(_imagePath, $"'{path}' lies more than {MaxDepth} directories deep");
        }

        var block = new byte[BlockSize];
        var icbBlock = Resolve(icb.Partition, icb.Block, what);
        ReadBlock(block, icbBlock);
        if (!DescriptorTag.TryRead(block, out var tag) || tag.Identifier is not (TagIdentifier.FileEntry or TagIdentifier.ExtendedFileEntry))
        {
            throw UdfReadErrors.Damaged(_imagePath, $"{what} (block {icbBlock:N0}) is not a valid File Entry");
        }

        var entry = FileEntry.Read(block, tag.Identifier == TagIdentifier.ExtendedFileEntry);
        if (entry.DescriptorsOffset + entry.DescriptorsLength > BlockSize)
        {
            throw UdfReadErrors.Damaged(_imagePath, $"{what} (block {icbBlock:N0}) records {entry.DescriptorsLength:N0} bytes of allocation descriptors past its block");
        }

        if (entry.InformationLength > long.MaxValue)
        {
            throw UdfReadErrors.Damaged(_imagePath, $"{what} (block {icbBlock:N0}) claims {entry.InformationLength:N0} bytes");
        }

        var length = (long)entry.InformationLength;
        var descriptors = block.AsSpan((int)entry.DescriptorsOffset, (int)entry.DescriptorsLength);
        var data = entry.Icb.Allocation switch
        {
            AllocationKind.Embedded when length <= descriptors.Length => new UdfData([], descriptors.ToArray()),
            AllocationKind.Embedded => throw UdfReadErrors.Damaged(_imagePath, $"{what} (block {icbBlock:N0}) claims {length:N0} bytes but embeds {descriptors.Length:N0}"),
            AllocationKind.Short or AllocationKind.Long => new UdfData(ReadAllocation(descriptors, entry.Icb.Allocation == AllocationKind.Long, icb.Partition, length, what), null),
            _ => throw UdfReadErrors.Unsupported(_imagePath, $"extended allocation descriptors ({what})"),
        };
        var isDirectory = entry.Icb.FileType == IcbFileType.Directory;
        return new UdfEntry(name, path, isDirectory, length, entry.Modified, data, depth, icbBlock);
    }

    /// <summary>
    /// Follows short_ads or long_ads, and Allocation Extent Descriptors where they continue (ECMA-167
    /// 4/14.5), until <paramref name="length"/> bytes are placed; every extent must lie inside its partition.
    /// </summary>
    private (long Offset, long Length)[] ReadAllocation(ReadOnlySpan<byte> descriptors, bool isLong, ushort partition, long length, string what)
    {
        var size = isLong ? LongAd.Size : ShortAd.Size;
        var ranges = new List<(long Offset, long Length)>();
        long placed = 0;
        var count = 0;
        byte[]? continuation = null;
        while (placed < length)
        {
            ReadOnlySpan<byte> next = default;
            var followed = false;
            for (var position = 0; position + size <= descriptors.Length && placed < length; position += size)
            {
                if (++count > MaxAllocationDescriptors)
                {
                    throw UdfReadErrors.Damaged(_imagePath, $"{what} has more than {MaxAllocationDescriptors:N0} allocation descriptors");
                }

                var ad = isLong ? LongAd.Read(descriptors[position..]) : ToLong(ShortAd.Read(descriptors[position..]), partition);
                if (ad.Length == 0)
                {
                    break;
                }

                if (ad.Type == ExtentType.NextExtentOfDescriptors)
                {
                    continuation = new byte[BlockSize];
                    var at = Resolve(ad.Partition, ad.Block, $"an allocation extent of {what}");
                    ReadBlock(continuation, at);
                    CheckTag(continuation, TagIdentifier.AllocationExtentDescriptor, $"the allocation extent of {what} at block {at:N0}");
                    var used = BinaryPrimitives.ReadUInt32LittleEndian(continuation.AsSpan(20));
                    if (used > BlockSize - 24)
                    {
                        throw UdfReadErrors.Damaged(_imagePath, $"the allocation extent of {what} at block {at:N0} claims {used:N0} bytes");
                    }

                    next = continuation.AsSpan(24, (int)used);
                    followed = true;
                    break;
                }

                var take = Math.Min(ad.Length, length - placed);
                if (ad.Type == ExtentType.RecordedAndAllocated)
                {
                    var first = Resolve(ad.Partition, ad.Block, $"the data of {what}");
                    var blocks = (ad.Length + BlockSize - 1) / BlockSize;
                    if (ad.Block + blocks > _partitions[ad.Partition].Length)
                    {
                        throw UdfReadErrors.Damaged(_imagePath, $"the data of {what} runs past the end of its partition (block {ad.Block:N0}, {ad.Length:N0} bytes)");
                    }

                    ranges.Add((first * BlockSize, take));
                }
                else
                {
                    ranges.Add((-1, take));
                }

                placed += take;
            }

            if (!followed)
            {
                break;
            }

            descriptors = next;
        }

        if (placed < length)
        {
            throw UdfReadErrors.Damaged(_imagePath, $"{what} claims {length:N0} bytes but its allocation descriptors place {placed:N0}");
        }

        return [.. ranges];
    }

    private static LongAd ToLong(ShortAd ad, ushort partition) => new(ad.Length, ad.Position, partition, ad.Type);
}
