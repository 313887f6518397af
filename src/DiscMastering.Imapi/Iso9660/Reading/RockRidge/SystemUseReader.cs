using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace DiscMastering.Imapi.Iso9660.Reading.RockRidge;

/// <summary>
/// Reads the System Use field of a directory record as SUSP 1.12 lays it out: entries of a 2-byte signature,
/// a length and a version, continued in CE areas elsewhere in the image. Continuation is bounded: at most
/// <see cref="MaxContinuations"/> areas per record, each inside one logical block and inside the volume, and
/// an area met twice is a loop; any of these is damage, never a hang.
/// </summary>
internal sealed class SystemUseReader
{
    /// <summary>More continuation areas than any writer needs for a name of 255 bytes and a long link.</summary>
    public const int MaxContinuations = 32;

    /// <summary>Every entry starts with a signature, a length and a version (SUSP 1.12 4.1).</summary>
    private const int EntryHeaderLength = 4;

    private readonly ImageRead _read;
    private readonly string _imagePath;
    private readonly long _volumeBytes;
    private readonly int _blockSize;

    /// <summary>A reader of the records of one volume, whose continuation areas <paramref name="read"/> fetches from the image.</summary>
    public SystemUseReader(ImageRead read, string imagePath, long volumeBytes, int blockSize)
    {
        _read = read;
        _imagePath = imagePath;
        _volumeBytes = volumeBytes;
        _blockSize = blockSize;
    }

    /// <summary>The start of a record's System Use field: after the identifier and its padding byte (ECMA-119 9.1.12, 9.1.13).</summary>
    public static int SystemUseStart(ReadOnlySpan<byte> record)
    {
        var identifierLength = record[DirectoryRecord.FieldLocations.IdentifierLength];
        return DirectoryRecord.FieldLocations.Identifier + identifierLength + (identifierLength % 2 == 0 ? 1 : 0);
    }

    /// <summary>
    /// The Rock Ridge fields of one record. <paramref name="skip"/> is the SP entry's LEN_SKP (0 for the
    /// root's "." record, which carries the SP entry itself); <paramref name="where"/> names the record in messages.
    /// </summary>
    public RockRidgeRecord Read(ReadOnlySpan<byte> record, int skip, string where)
    {
        var result = new RockRidgeRecord();
        var start = SystemUseStart(record) + skip;
        if (start >= record.Length)
        {
            return result;
        }

        var continuation = Parse(record[start..], result, where, "its System Use field");
        if (continuation is null)
        {
            return result;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(_blockSize);
        try
        {
            var visited = new HashSet<long>();
            var count = 0;
            while (continuation is { } area)
            {
                count++;
                if (count > MaxContinuations)
                {
                    throw IsoReadErrors.RockRidgeLoop(_imagePath, $"{where} chains more than {MaxContinuations} continuation areas");
                }

                var offset = (long)area.Block * _blockSize + area.Offset;
                if (!visited.Add(offset))
                {
                    throw IsoReadErrors.RockRidgeLoop(_imagePath, $"the continuation areas of {where} lead back to block {area.Block:N0}, byte {area.Offset:N0}, already read (a loop)");
                }

                if (area.Offset >= _blockSize || area.Length > _blockSize - area.Offset)
                {
                    throw IsoReadErrors.RockRidgeDamaged(_imagePath, $"{where} has a continuation area of {area.Length:N0} bytes at byte {area.Offset:N0} of block {area.Block:N0}, which does not fit in one block of {_blockSize:N0} bytes");
                }

                if (offset + area.Length > _volumeBytes)
                {
                    throw IsoReadErrors.RockRidgeDamaged(_imagePath, $"{where} has a continuation area in block {area.Block:N0}, beyond the volume's end");
                }

                var bytes = buffer.AsSpan(0, (int)area.Length);
                _read(bytes, offset);
                continuation = Parse(bytes, result, where, $"its continuation area in block {area.Block:N0}");
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return result;
    }

    /// <summary>Reads the entries of one area into <paramref name="result"/>; returns the CE entry's area, if any.</summary>
    private (uint Block, uint Offset, uint Length)? Parse(ReadOnlySpan<byte> area, RockRidgeRecord result, string where, string part)
    {
        (uint Block, uint Offset, uint Length)? continuation = null;
        var position = 0;
        while (area.Length - position >= EntryHeaderLength)
        {
            var signature = area.Slice(position, 2);
            var length = area[position + 2];

            // Zero bytes where an entry would start are padding to the record's even length.
            if (signature[0] == 0 && signature[1] == 0)
            {
                break;
            }

            if (length < EntryHeaderLength || position + length > area.Length)
            {
                throw IsoReadErrors.RockRidgeDamaged(_imagePath, $"the '{Signature(signature)}' entry at byte {position:N0} of {part} of {where} claims {length} bytes, past the {area.Length - position} left");
            }

            var entry = area.Slice(position, length);
            position += length;
            switch ((char)signature[0], (char)signature[1])
            {
                case ('S', 'T'):
                    return continuation; // SUSP 1.12 5.4: nothing after it is read.
                case ('C', 'E'):
                    // SUSP 1.12 5.1: block, offset and length, each in both byte orders.
                    Require(entry, 28, where);
                    continuation ??= (BinaryPrimitives.ReadUInt32LittleEndian(entry[4..]), BinaryPrimitives.ReadUInt32LittleEndian(entry[12..]), BinaryPrimitives.ReadUInt32LittleEndian(entry[20..]));
                    break;
                case ('S', 'P'):
                    // SUSP 1.12 5.3: check bytes BE EF, then LEN_SKP.
                    Require(entry, 7, where);
                    if (entry[4] == 0xBE && entry[5] == 0xEF)
                    {
                        result.HasSharingProtocol = true;
                        result.SkipLength = entry[6];
                    }

                    break;
                case ('E', 'R'):
                    ReadExtensionReference(entry, result, where);
                    break;
                case ('N', 'M'):
                    // RRIP 1.12 4.1.4: flags (CONTINUE 1, CURRENT 2, PARENT 4), then the name's bytes.
                    Require(entry, 5, where);
                    if ((entry[4] & 0x02) != 0)
                    {
                        result.SpecialName = ".";
                    }
                    else if ((entry[4] & 0x04) != 0)
                    {
                        result.SpecialName = "..";
                    }
                    else
                    {
                        result.AppendName(entry[5..]);
                    }

                    break;
                case ('P', 'X'):
                    // RRIP 1.12 4.1.1: mode, links, uid, gid (and, in the 44-byte form, the serial number), both byte orders.
                    Require(entry, 36, where);
                    result.Posix = new PosixAttributes(
                        BinaryPrimitives.ReadUInt32LittleEndian(entry[4..]),
                        BinaryPrimitives.ReadUInt32LittleEndian(entry[12..]),
                        BinaryPrimitives.ReadUInt32LittleEndian(entry[20..]),
                        BinaryPrimitives.ReadUInt32LittleEndian(entry[28..]),
                        entry.Length >= 44 ? BinaryPrimitives.ReadUInt32LittleEndian(entry[36..]) : null);
                    break;
                case ('T', 'F'):
                    result.Times = ReadTimes(entry, where);
                    break;
                case ('S', 'L'):
                    ReadSymbolicLink(entry, result, where);
                    break;
                case ('C', 'L'):
                    // RRIP 1.12 4.1.5.1: the relocated directory's block, both byte orders.
                    Require(entry, 12, where);
                    result.ChildLink = BinaryPrimitives.ReadUInt32LittleEndian(entry[4..]);
                    break;
                case ('P', 'L'):
                    Require(entry, 12, where);
                    result.ParentLink = BinaryPrimitives.ReadUInt32LittleEndian(entry[4..]);
                    break;
                case ('R', 'E'):
                    result.IsRelocated = true;
                    break;
            }
        }

        return continuation;
    }

    /// <summary>SUSP 1.12 5.5: LEN_ID, LEN_DES, LEN_SRC, EXT_VER, then the identifier.</summary>
    private void ReadExtensionReference(ReadOnlySpan<byte> entry, RockRidgeRecord result, string where)
    {
        Require(entry, 8, where);
        var identifierLength = entry[4];
        if (8 + identifierLength + entry[5] + entry[6] > entry.Length)
        {
            throw IsoReadErrors.RockRidgeDamaged(_imagePath, $"the ER entry of {where} claims texts longer than the entry's {entry.Length} bytes");
        }

        result.Extensions.Add(Encoding.ASCII.GetString(entry.Slice(8, identifierLength)));
    }

    /// <summary>
    /// RRIP 1.12 4.1.6: a flags byte, then one time stamp for each flag set in the order creation, modify,
    /// access, attributes, backup, expiration, effective; bit 7 (LONG_FORM) makes each 17 bytes (ECMA-119 8.4.26.1)
    /// instead of 7 (ECMA-119 9.1.5).
    /// </summary>
    private RockRidgeTimes ReadTimes(ReadOnlySpan<byte> entry, string where)
    {
        Require(entry, 5, where);
        var flags = entry[4];
        var size = (flags & 0x80) != 0 ? IsoDate.VolumeDateLength : IsoDate.RecordingDateLength;
        var stamps = new DateTimeOffset?[7];
        var position = 5;
        for (var bit = 0; bit < stamps.Length; bit++)
        {
            if ((flags & (1 << bit)) == 0)
            {
                continue;
            }

            if (position + size > entry.Length)
            {
                throw IsoReadErrors.RockRidgeDamaged(_imagePath, $"the TF entry of {where} announces more time stamps than its {entry.Length} bytes hold");
            }

            stamps[bit] = ReadStamp(entry.Slice(position, size));
            position += size;
        }

        return new RockRidgeTimes
        {
            Created = stamps[0],
            Modified = stamps[1],
            Accessed = stamps[2],
            AttributesChanged = stamps[3],
            Backup = stamps[4],
            Expiration = stamps[5],
            Effective = stamps[6],
        };
    }

    /// <summary>A stamp that cannot be a date reads as not recorded rather than failing the listing.</summary>
    private static DateTimeOffset? ReadStamp(ReadOnlySpan<byte> stamp)
    {
        try
        {
            return stamp.Length == IsoDate.VolumeDateLength ? IsoDate.ReadVolumeDate(stamp) : IsoDate.ReadRecordingDate(stamp);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>RRIP 1.12 4.1.3: a flags byte, then component records of flags, length and content.</summary>
    private void ReadSymbolicLink(ReadOnlySpan<byte> entry, RockRidgeRecord result, string where)
    {
        Require(entry, 5, where);
        var position = 5;
        while (position < entry.Length)
        {
            if (position + 2 > entry.Length || position + 2 + entry[position + 1] > entry.Length)
            {
                throw IsoReadErrors.RockRidgeDamaged(_imagePath, $"a component of the SL entry of {where} runs past the entry's {entry.Length} bytes");
            }

            var flags = entry[position];
            var length = entry[position + 1];
            result.AppendLinkComponent(flags, entry.Slice(position + 2, length));
            position += 2 + length;
        }
    }

    private void Require(ReadOnlySpan<byte> entry, int length, string where)
    {
        if (entry.Length < length)
        {
            throw IsoReadErrors.RockRidgeDamaged(_imagePath, $"the '{Signature(entry)}' entry of {where} is {entry.Length} bytes, shorter than its {length}");
        }
    }

    /// <summary>A signature for a message: printable ASCII as is, anything else as hex, so a hostile byte cannot reach the terminal.</summary>
    private static string Signature(ReadOnlySpan<byte> entry) =>
        entry[0] is >= 0x20 and < 0x7F && entry[1] is >= 0x20 and < 0x7F ? Encoding.ASCII.GetString(entry[..2]) : Convert.ToHexString(entry[..2]);
}
