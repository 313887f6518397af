using System.Buffers.Binary;
using System.Text;

namespace DiscMastering.Imapi.Tests.TestSupport;

/// <summary>
/// A deliberately small ECMA-119 reader written from the standard, independent of the engine's code, so
/// the layout tests can look at the bytes an image really holds.
/// </summary>
internal sealed class IsoImage
{
    public const int BlockSize = 2048;

    public IsoImage(string path)
    {
        Bytes = File.ReadAllBytes(path);
    }

    public byte[] Bytes { get; }

    public long BlockCount => Bytes.LongLength / BlockSize;

    public ReadOnlySpan<byte> Block(long number) => Bytes.AsSpan(checked((int)(number * BlockSize)), BlockSize);

    public IsoDescriptor Descriptor(long block) => new(Bytes.AsSpan(checked((int)(block * BlockSize)), BlockSize).ToArray());

    /// <summary>The records of one directory extent, "." and ".." included, each with where it sits.</summary>
    public IReadOnlyList<IsoRecord> ReadDirectory(uint extent, uint dataLength, bool joliet, string directoryPath = "/")
    {
        var records = new List<IsoRecord>();
        var blocks = (dataLength + BlockSize - 1) / BlockSize;
        for (var b = 0; b < blocks; b++)
        {
            var blockStart = (long)(extent + b) * BlockSize;
            var offset = 0;
            while (offset < BlockSize)
            {
                var length = Bytes[blockStart + offset];
                if (length == 0)
                {
                    break;
                }

                var start = blockStart + offset;
                var identifierLength = Bytes[start + 32];
                var identifier = Bytes.AsSpan((int)start + 33, Math.Min(identifierLength, Math.Max(0, (int)(Bytes.Length - start - 33)))).ToArray();
                var name = identifierLength == 1 && identifier[0] is 0 or 1
                    ? (identifier[0] == 0 ? "." : "..")
                    : (joliet ? Encoding.BigEndianUnicode.GetString(identifier) : Encoding.ASCII.GetString(identifier));
                records.Add(new IsoRecord(
                    Path: name is "." or ".." ? directoryPath : Join(directoryPath, name),
                    Identifier: name,
                    Extent: BinaryPrimitives.ReadUInt32LittleEndian(Bytes.AsSpan((int)start + 2)),
                    ExtentBigEndian: BinaryPrimitives.ReadUInt32BigEndian(Bytes.AsSpan((int)start + 6)),
                    DataLength: BinaryPrimitives.ReadUInt32LittleEndian(Bytes.AsSpan((int)start + 10)),
                    DataLengthBigEndian: BinaryPrimitives.ReadUInt32BigEndian(Bytes.AsSpan((int)start + 14)),
                    Recorded: ReadRecordingDate(Bytes.AsSpan((int)start + 18, 7)),
                    Flags: Bytes[start + 25],
                    BlockOffset: offset,
                    Length: length,
                    CrossesBlock: offset + length > BlockSize));
                offset += length;
            }
        }

        return records;
    }

    /// <summary>Every file and folder below the descriptor's root, depth-first, without "." and "..".</summary>
    public IReadOnlyList<IsoRecord> Walk(IsoDescriptor descriptor)
    {
        var result = new List<IsoRecord>();
        var pending = new Stack<(uint Extent, uint Length, string Path)>();
        pending.Push((descriptor.RootExtent, descriptor.RootDataLength, "/"));
        while (pending.Count > 0)
        {
            var (extent, length, path) = pending.Pop();
            foreach (var record in ReadDirectory(extent, length, descriptor.IsJoliet, path).Skip(2))
            {
                result.Add(record);
                if (record.IsDirectory)
                {
                    pending.Push((record.Extent, record.DataLength, record.Path));
                }
            }
        }

        return result;
    }

    /// <summary>A path table's records in order (ECMA-119 9.4).</summary>
    public IReadOnlyList<PathTableEntry> ReadPathTable(uint location, uint size, bool bigEndian, bool joliet)
    {
        var entries = new List<PathTableEntry>();
        var table = Bytes.AsSpan(checked((int)(location * BlockSize)), (int)size);
        var offset = 0;
        while (offset < table.Length)
        {
            var identifierLength = table[offset];
            var identifier = table.Slice(offset + 8, identifierLength);
            var extent = bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(table[(offset + 2)..]) : BinaryPrimitives.ReadUInt32LittleEndian(table[(offset + 2)..]);
            var parent = bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(table[(offset + 6)..]) : BinaryPrimitives.ReadUInt16LittleEndian(table[(offset + 6)..]);
            var name = identifierLength == 1 && identifier[0] == 0 ? "" : joliet ? Encoding.BigEndianUnicode.GetString(identifier) : Encoding.ASCII.GetString(identifier);
            entries.Add(new PathTableEntry(name, extent, parent));
            offset += 8 + identifierLength + (identifierLength % 2);
        }

        return entries;
    }

    /// <summary>ECMA-119 9.1.5: years since 1900, month, day, hour, minute, second, offset in 15-minute steps.</summary>
    public static DateTimeOffset ReadRecordingDate(ReadOnlySpan<byte> date) =>
        new(1900 + date[0], date[1], date[2], date[3], date[4], date[5], TimeSpan.FromMinutes(15 * (sbyte)date[6]));

    private static string Join(string directory, string name) => directory == "/" ? "/" + name : directory + "/" + name;
}

/// <summary>One directory record as found in an image.</summary>
internal sealed record IsoRecord(
    string Path,
    string Identifier,
    uint Extent,
    uint ExtentBigEndian,
    uint DataLength,
    uint DataLengthBigEndian,
    DateTimeOffset Recorded,
    byte Flags,
    int BlockOffset,
    int Length,
    bool CrossesBlock)
{
    public bool IsDirectory => (Flags & 0x02) != 0;
}

/// <summary>One path table record.</summary>
internal sealed record PathTableEntry(string Identifier, uint Extent, ushort ParentNumber);

/// <summary>A volume descriptor's fields at their ECMA-119 8.4 / 8.5 byte positions.</summary>
internal sealed class IsoDescriptor(byte[] block)
{
    public byte[] Raw { get; } = block;

    public byte Type => Raw[0];

    public string StandardIdentifier => Encoding.ASCII.GetString(Raw, 1, 5);

    public byte Version => Raw[6];

    public bool IsJoliet => Type == 2 && Raw[88] == (byte)'%' && Raw[89] == (byte)'/' && Raw[90] is (byte)'@' or (byte)'C' or (byte)'E';

    public string EscapeSequences => Encoding.ASCII.GetString(Raw, 88, 3);

    public string VolumeIdentifier => (IsJoliet ? Encoding.BigEndianUnicode.GetString(Raw, 40, 32) : Encoding.ASCII.GetString(Raw, 40, 32)).TrimEnd(' ');

    public uint VolumeSpaceSize => BinaryPrimitives.ReadUInt32LittleEndian(Raw.AsSpan(80));

    public uint VolumeSpaceSizeBigEndian => BinaryPrimitives.ReadUInt32BigEndian(Raw.AsSpan(84));

    public ushort LogicalBlockSize => BinaryPrimitives.ReadUInt16LittleEndian(Raw.AsSpan(128));

    public uint PathTableSize => BinaryPrimitives.ReadUInt32LittleEndian(Raw.AsSpan(132));

    public uint TypeLPathTable => BinaryPrimitives.ReadUInt32LittleEndian(Raw.AsSpan(140));

    public uint TypeMPathTable => BinaryPrimitives.ReadUInt32BigEndian(Raw.AsSpan(148));

    public uint RootExtent => BinaryPrimitives.ReadUInt32LittleEndian(Raw.AsSpan(156 + 2));

    public uint RootDataLength => BinaryPrimitives.ReadUInt32LittleEndian(Raw.AsSpan(156 + 10));

    public DateTimeOffset RootRecorded => IsoImage.ReadRecordingDate(Raw.AsSpan(156 + 18, 7));

    /// <summary>The 16 digits of a volume date field (8.4.26.1) at <paramref name="offset"/>.</summary>
    public string DateDigits(int offset) => Encoding.ASCII.GetString(Raw, offset, 16);

    /// <summary>The date's offset from GMT, in 15-minute steps.</summary>
    public sbyte DateOffset(int offset) => (sbyte)Raw[offset + 16];

    public const int CreationDate = 813;
    public const int ModificationDate = 830;
    public const int ExpirationDate = 847;
    public const int EffectiveDate = 864;
}
