using System.Buffers;
using System.Buffers.Binary;
using DiscMastering.Imapi.Iso9660.Reading.ElTorito;
using DiscMastering.Imapi.Reading;
using Microsoft.Win32.SafeHandles;

namespace DiscMastering.Imapi.Iso9660.Reading;

/// <summary>
/// Reads an ISO 9660 image, with its Joliet hierarchy and its Rock Ridge entries when it has them, its El
/// Torito boot catalog and the partition table of a hybrid image. Every read is positional on one file
/// handle: nothing is loaded beyond the descriptors until asked for, and reads may run on several threads.
/// Damage (an extent beyond the volume, a record that crosses its block, a directory loop) fails with
/// <see cref="DiscMasteringError.InvalidImage"/> rather than with garbage.
/// </summary>
public sealed partial class IsoImageReader : IDisposable
{
    /// <summary>Volume descriptors and directory records are laid out in sectors of this size (ECMA-119 6.1.2).</summary>
    private const int SectorSize = IsoConstants.BlockSize;

    /// <summary>A damaged image must not keep the reader scanning for a terminator.</summary>
    private const int MaxDescriptors = 64;

    /// <summary>A path table numbers at most 65,535 directories, each at most 8 + 256 bytes.</summary>
    private const long MaxPathTableSize = IsoConstants.MaxDirectories * (PathTableRecord.FieldLocations.Identifier + 256L);

    private readonly SafeFileHandle _image;
    private readonly string _imagePath;
    private readonly long _fileLength;

    private IsoImageReader(SafeFileHandle image, string imagePath, long fileLength)
    {
        _image = image;
        _imagePath = imagePath;
        _fileLength = fileLength;
        (Primary, Joliet, BootRecord) = ReadVolumeDescriptors();
        if (Primary.VolumeBytes > _fileLength)
        {
            throw IsoReadErrors.Truncated(_imagePath, Primary.VolumeBytes, _fileLength);
        }

        _systemUse = new RockRidge.SystemUseReader(ReadExactly, _imagePath, Primary.VolumeBytes, Primary.LogicalBlockSize);
        HasRockRidge = DetectRockRidge();
    }

    /// <summary>
    /// The El Torito boot record (ECMA-119 8.2, El Torito 1.0 2.0), or null when the image has none: it says
    /// where the boot catalog lies; <see cref="ReadBootCatalog"/> reads it.
    /// </summary>
    public BootRecordInfo? BootRecord { get; }

    /// <summary>The primary volume descriptor.</summary>
    public IsoVolumeInfo Primary { get; }

    /// <summary>The Joliet supplementary volume descriptor (escape sequence %/@, %/C or %/E), or null when the image has none.</summary>
    public IsoVolumeInfo? Joliet { get; }

    /// <summary>The image's path, as given to <see cref="Open"/>.</summary>
    public string ImagePath => _imagePath;

    /// <summary>
    /// Opens an image and reads its volume descriptors. Fails with <see cref="DiscMasteringError.ImageNotFound"/>
    /// when the file does not exist, and with <see cref="DiscMasteringError.InvalidImage"/> when it is not an
    /// ISO 9660 image or is shorter than its volume.
    /// </summary>
    public static IsoImageReader Open(string path)
    {
        var image = ImageFileHandle.OpenRead(path);
        try
        {
            return new IsoImageReader(image, path, RandomAccess.GetLength(image));
        }
        catch
        {
            image.Dispose();
            throw;
        }
    }

    /// <summary>The root directory of the Joliet hierarchy (when <paramref name="joliet"/>) or of the primary one.</summary>
    /// <exception cref="InvalidOperationException">Joliet is asked for and the image has no Joliet volume.</exception>
    public IsoEntry GetRoot(bool joliet) => Volume(joliet).Root;

    /// <summary>The root directory of a hierarchy; for Rock Ridge it carries the root's POSIX attributes and times.</summary>
    /// <exception cref="InvalidOperationException">The image has no such hierarchy.</exception>
    public IsoEntry GetRoot(IsoTree tree) => tree switch
    {
        IsoTree.RockRidge => RockRidgeRoot(),
        _ => Volume(tree == IsoTree.Joliet).Root,
    };

    /// <summary>True when <paramref name="tree"/> is one this image holds.</summary>
    public bool Has(IsoTree tree) => tree switch
    {
        IsoTree.Joliet => Joliet is not null,
        IsoTree.RockRidge => HasRockRidge,
        _ => true,
    };

    /// <summary>The tree a person would want to see: Joliet's when present, else Rock Ridge's when present, else the primary tree.</summary>
    public IsoTree DefaultTree => Joliet is not null ? IsoTree.Joliet : HasRockRidge ? IsoTree.RockRidge : IsoTree.Primary;

    /// <summary>
    /// Reads one path table of a hierarchy, in the byte order asked for: its records say where each directory
    /// is, and the L and M tables of a sound image agree with each other and with the directories.
    /// </summary>
    public IReadOnlyList<IsoPathTableRecord> ReadPathTable(bool joliet, bool bigEndian)
    {
        ObjectDisposedException.ThrowIf(_image.IsClosed, this);
        var volume = Volume(joliet);
        var size = volume.PathTableSize;
        var location = bigEndian ? volume.TypeMPathTable : volume.TypeLPathTable;
        var table = bigEndian ? "M" : "L";
        if (size > MaxPathTableSize)
        {
            throw IsoReadErrors.Damaged(_imagePath, $"the path tables claim {size:N0} bytes, more than 65,535 directories can need");
        }

        var offset = (long)location * volume.LogicalBlockSize;
        CheckRange(volume, offset, size, $"the type {table} path table");
        var buffer = ArrayPool<byte>.Shared.Rent((int)size);
        try
        {
            var bytes = buffer.AsSpan(0, (int)size);
            ReadExactly(bytes, offset);
            var records = new List<IsoPathTableRecord>();
            var position = 0;
            while (position < bytes.Length)
            {
                var length = PathTableRecord.Read(bytes[position..], bigEndian, out var identifier, out var extent, out var parentNumber);
                var number = records.Count + 1;
                if (length == 0 || parentNumber == 0 || parentNumber > number)
                {
                    throw IsoReadErrors.Damaged(_imagePath, $"record {number:N0} of the type {table} path table (byte {position:N0}) is not a valid record");
                }

                var name = number == 1 ? "" : IsoText.DecodeName(identifier, volume.IsJoliet);
                records.Add(new IsoPathTableRecord(number, name, extent, parentNumber));
                position += length;
            }

            return records;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// A read-only, seekable stream over a file's data, read from the image as the caller reads it. The
    /// stream uses this reader's file handle, so it must be read before the reader is disposed.
    /// </summary>
    public Stream OpenRead(IsoEntry file)
    {
        ArgumentNullException.ThrowIfNull(file);
        ObjectDisposedException.ThrowIf(_image.IsClosed, this);
        if (file.IsDirectory)
        {
            throw new ArgumentException($"'{file.Path}' is a directory; list it with {nameof(ListDirectory)}.", nameof(file));
        }

        return new ImageExtentStream(_image, _imagePath, file.DataRanges, file.Length, IsoReadErrors.Damaged);
    }

    /// <summary>Closes the image.</summary>
    public void Dispose() => _image.Dispose();

    private IsoVolumeInfo Volume(bool joliet) =>
        !joliet ? Primary : Joliet ?? throw new InvalidOperationException($"'{_imagePath}' has no Joliet volume; read its primary hierarchy instead.");

    private IsoVolumeInfo Volume(IsoTree tree) => Volume(tree == IsoTree.Joliet);

    /// <summary>
    /// Reads the descriptor set from block 16 to its terminator, keeping the first primary, the first Joliet
    /// and the first El Torito boot record descriptor.
    /// </summary>
    private (IsoVolumeInfo Primary, IsoVolumeInfo? Joliet, BootRecordInfo? BootRecord) ReadVolumeDescriptors()
    {
        var first = (long)IsoConstants.SystemAreaBlocks * SectorSize;
        if (_fileLength < first + SectorSize)
        {
            throw IsoReadErrors.TooShort(_imagePath, _fileLength);
        }

        IsoVolumeInfo? primary = null;
        IsoVolumeInfo? joliet = null;
        BootRecordInfo? bootRecord = null;
        Span<byte> block = stackalloc byte[SectorSize];
        for (var i = 0; i < MaxDescriptors; i++)
        {
            var blockNumber = IsoConstants.SystemAreaBlocks + i;
            var offset = (long)blockNumber * SectorSize;
            if (offset + SectorSize > _fileLength)
            {
                break;
            }

            ReadExactly(block, offset);
            if (!block.Slice(VolumeDescriptor.FieldLocations.StandardIdentifier, IsoConstants.StandardIdentifier.Length).SequenceEqual(IsoConstants.StandardIdentifier))
            {
                if (i == 0)
                {
                    throw IsoReadErrors.NoDescriptor(_imagePath);
                }

                break;
            }

            var type = (VolumeDescriptor.DescriptorType)block[VolumeDescriptor.FieldLocations.Type];
            if (type == VolumeDescriptor.DescriptorType.SetTerminator)
            {
                break;
            }

            if (type == VolumeDescriptor.DescriptorType.Primary && primary is null)
            {
                primary = ReadVolume(block, blockNumber, isJoliet: false);
            }
            else if (type == VolumeDescriptor.DescriptorType.Supplementary && joliet is null && HasJolietEscape(block))
            {
                joliet = ReadVolume(block, blockNumber, isJoliet: true);
            }
            else if (bootRecord is null)
            {
                bootRecord = BootRecordInfo.TryRead(block, blockNumber);
            }
        }

        return (primary ?? throw IsoReadErrors.NoPrimary(_imagePath), joliet, bootRecord);
    }

    private static bool HasJolietEscape(ReadOnlySpan<byte> block)
    {
        var escape = block.Slice(VolumeDescriptor.FieldLocations.EscapeSequences, IsoConstants.JolietLevel3Escape.Length);
        return escape.SequenceEqual(IsoConstants.JolietLevel1Escape)
            || escape.SequenceEqual(IsoConstants.JolietLevel2Escape)
            || escape.SequenceEqual(IsoConstants.JolietLevel3Escape);
    }

    private IsoVolumeInfo ReadVolume(ReadOnlySpan<byte> block, int blockNumber, bool isJoliet)
    {
        var kind = isJoliet ? "Joliet" : "primary";
        var logicalBlockSize = BothByteOrder.ReadUInt16(block[VolumeDescriptor.FieldLocations.LogicalBlockSize..]);
        if (logicalBlockSize is not (512 or 1024 or 2048))
        {
            throw IsoReadErrors.Damaged(_imagePath, $"the {kind} volume descriptor (block {blockNumber}) gives a logical block size of {logicalBlockSize:N0} bytes, not 512, 1,024 or 2,048");
        }

        var rootRecord = block.Slice(VolumeDescriptor.FieldLocations.RootDirectoryRecord, VolumeDescriptor.FieldLengths.RootDirectoryRecord);
        if (rootRecord[DirectoryRecord.FieldLocations.Length] < DirectoryRecord.CalcLength(1))
        {
            throw IsoReadErrors.Damaged(_imagePath, $"the {kind} volume descriptor (block {blockNumber}) has no root directory record");
        }

        var root = DirectoryRecord.Read(rootRecord);
        var rootExtent = root.Extent + rootRecord[DirectoryRecord.FieldLocations.ExtendedAttributeLength];
        var rootEntry = new IsoEntry(
            "",
            "/",
            DirectoryRecord.SelfIdentifier.ToArray(),
            isDirectory: true,
            isHidden: false,
            isJoliet ? IsoTree.Joliet : IsoTree.Primary,
            root.Extent,
            root.DataLength,
            root.Recorded,
            [((long)rootExtent * logicalBlockSize, root.DataLength)]);

        return new IsoVolumeInfo
        {
            IsJoliet = isJoliet,
            DescriptorBlock = blockNumber,
            SystemIdentifier = IsoText.DecodeField(block.Slice(VolumeDescriptor.FieldLocations.SystemIdentifier, VolumeDescriptor.FieldLengths.SystemIdentifier), isJoliet),
            VolumeIdentifier = IsoText.DecodeField(block.Slice(VolumeDescriptor.FieldLocations.VolumeIdentifier, VolumeDescriptor.FieldLengths.VolumeIdentifier), isJoliet),
            VolumeSetIdentifier = IsoText.DecodeField(block.Slice(VolumeDescriptor.FieldLocations.VolumeSetIdentifier, VolumeDescriptor.FieldLengths.LongIdentifier), isJoliet),
            PublisherIdentifier = IsoText.DecodeField(block.Slice(VolumeDescriptor.FieldLocations.PublisherIdentifier, VolumeDescriptor.FieldLengths.LongIdentifier), isJoliet),
            DataPreparerIdentifier = IsoText.DecodeField(block.Slice(VolumeDescriptor.FieldLocations.DataPreparerIdentifier, VolumeDescriptor.FieldLengths.LongIdentifier), isJoliet),
            ApplicationIdentifier = IsoText.DecodeField(block.Slice(VolumeDescriptor.FieldLocations.ApplicationIdentifier, VolumeDescriptor.FieldLengths.LongIdentifier), isJoliet),
            VolumeSpaceSize = BothByteOrder.ReadUInt32(block[VolumeDescriptor.FieldLocations.VolumeSpaceSize..]),
            LogicalBlockSize = logicalBlockSize,
            PathTableSize = BothByteOrder.ReadUInt32(block[VolumeDescriptor.FieldLocations.PathTableSize..]),
            TypeLPathTable = BinaryPrimitives.ReadUInt32LittleEndian(block[VolumeDescriptor.FieldLocations.TypeLPathTable..]),
            TypeMPathTable = BinaryPrimitives.ReadUInt32BigEndian(block[VolumeDescriptor.FieldLocations.TypeMPathTable..]),
            Created = ReadVolumeDate(block[VolumeDescriptor.FieldLocations.CreationDate..]),
            Modified = ReadVolumeDate(block[VolumeDescriptor.FieldLocations.ModificationDate..]),
            Root = rootEntry,
        };
    }

    /// <summary>A volume date, or null when it is "not specified" or cannot be a date.</summary>
    private static DateTimeOffset? ReadVolumeDate(ReadOnlySpan<byte> field)
    {
        try
        {
            return IsoDate.ReadVolumeDate(field);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// Checks that <paramref name="length"/> bytes from byte <paramref name="offset"/> lie inside the volume.
    /// Empty data may point anywhere, as writers record various blocks for empty files.
    /// </summary>
    private void CheckRange(IsoVolumeInfo volume, long offset, long length, string what)
    {
        if (length > 0 && offset + length > volume.VolumeBytes)
        {
            var firstBlock = offset / volume.LogicalBlockSize;
            var lastBlock = (offset + length - 1) / volume.LogicalBlockSize;
            throw IsoReadErrors.Damaged(_imagePath, $"{what} lies in blocks {firstBlock:N0} to {lastBlock:N0}, beyond the volume's {volume.VolumeSpaceSize:N0} blocks");
        }
    }

    /// <summary>Fills <paramref name="buffer"/> from <paramref name="offset"/>; the image ending first means it is truncated.</summary>
    private void ReadExactly(Span<byte> buffer, long offset)
    {
        while (!buffer.IsEmpty)
        {
            var read = RandomAccess.Read(_image, buffer, offset);
            if (read == 0)
            {
                throw IsoReadErrors.Damaged(_imagePath, $"the file ends at byte {offset:N0}, inside data the volume describes");
            }

            buffer = buffer[read..];
            offset += read;
        }
    }
}
