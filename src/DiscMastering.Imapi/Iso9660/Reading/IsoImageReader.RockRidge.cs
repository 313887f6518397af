using System.Buffers;
using DiscMastering.Imapi.Iso9660.Reading.RockRidge;

namespace DiscMastering.Imapi.Iso9660.Reading;

/// <summary>Rock Ridge: finding it on the root, and reading each record's System Use field.</summary>
public sealed partial class IsoImageReader
{
    /// <summary>Names genisoimage and xorriso give the folder that holds relocated deep folders.</summary>
    private static readonly string[] s_relocationFolders = ["rr_moved", ".rr_moved"];

    private readonly SystemUseReader _systemUse;
    private int _rockRidgeSkip;
    private IsoEntry? _rockRidgeRoot;
    private IReadOnlyList<string>? _rockRidgeExtensions;

    /// <summary>
    /// True when the primary root's "." record starts its System Use field with an SP entry (SUSP 1.12 5.3),
    /// as Rock Ridge images do: the primary tree then also reads as <see cref="IsoTree.RockRidge"/>.
    /// </summary>
    public bool HasRockRidge { get; }

    /// <summary>
    /// The extensions the root's ER entries name (SUSP 1.12 5.5), such as "RRIP_1991A" or "IEEE_P1282";
    /// empty when the image has no Rock Ridge, or has it without ER entries as some older writers make it.
    /// Reading them follows the root's continuation areas, so damage there fails with
    /// <see cref="DiscMasteringError.DamagedRockRidge"/> or <see cref="DiscMasteringError.RockRidgeContinuationLoop"/>.
    /// </summary>
    public IReadOnlyList<string> RockRidgeExtensions
    {
        get
        {
            if (!HasRockRidge)
            {
                return [];
            }

            RockRidgeRoot();
            return _rockRidgeExtensions ?? [];
        }
    }

    /// <summary>Looks for the SP entry in the first record of the primary root, without following any continuation.</summary>
    private bool DetectRockRidge()
    {
        var (start, length) = Primary.Root.DataRanges[0];
        if (length < DirectoryRecord.CalcLength(1) || start + SectorSize > Primary.VolumeBytes)
        {
            return false;
        }

        Span<byte> sector = stackalloc byte[SectorSize];
        ReadExactly(sector, start);
        var recordLength = sector[0];
        if (recordLength < DirectoryRecord.CalcLength(1) || sector[DirectoryRecord.FieldLocations.IdentifierLength] != 1 || sector[DirectoryRecord.FieldLocations.Identifier] != 0)
        {
            return false;
        }

        // SUSP 1.12 5.3: the SP entry is the first in the root's "." record: "SP", 7, version 1, BE EF, LEN_SKP.
        var systemUse = sector[SystemUseReader.SystemUseStart(sector)..recordLength];
        if (systemUse.Length < 7 || systemUse[0] != 'S' || systemUse[1] != 'P' || systemUse[2] < 7 || systemUse[4] != 0xBE || systemUse[5] != 0xEF)
        {
            return false;
        }

        _rockRidgeSkip = systemUse[6];
        return true;
    }

    /// <summary>The Rock Ridge root, read once: the primary root with the attributes of its "." record.</summary>
    private IsoEntry RockRidgeRoot()
    {
        if (!HasRockRidge)
        {
            throw new InvalidOperationException($"'{_imagePath}' has no Rock Ridge entries; read its Joliet or primary hierarchy instead.");
        }

        if (_rockRidgeRoot is not null)
        {
            return _rockRidgeRoot;
        }

        var root = Primary.Root;
        Span<byte> sector = stackalloc byte[SectorSize];
        ReadExactly(sector, root.DataRanges[0].Offset);
        var fields = _systemUse.Read(sector[..sector[0]], skip: 0, "the root's \".\" record");
        _rockRidgeExtensions = fields.Extensions;
        _rockRidgeRoot = new IsoEntry("", "/", root.RawIdentifier.ToArray(), isDirectory: true, isHidden: false, IsoTree.RockRidge, root.Extent, root.Length, root.Recorded, root.DataRanges)
        {
            Posix = fields.Posix,
            Times = fields.Times,
        };
        return _rockRidgeRoot;
    }

    /// <summary>The Rock Ridge fields of a record other than the root's "." record.</summary>
    private RockRidgeRecord ReadRockRidge(ReadOnlySpan<byte> record, string where) => _systemUse.Read(record, _rockRidgeSkip, where);

    /// <summary>
    /// The directory a CL entry points to (RRIP 1.12 4.1.5.1), shown where the CL record stands: its extent
    /// and length come from the relocated directory's own "." record, as do its attributes.
    /// </summary>
    private IsoEntry RelocatedDirectory(string name, string path, ReadOnlySpan<byte> identifier, uint block, RockRidgeRecord placeholder, bool isHidden)
    {
        var volume = Primary;
        var offset = (long)block * volume.LogicalBlockSize;
        if (block <= IsoConstants.SystemAreaBlocks || offset + DirectoryRecord.CalcLength(1) > volume.VolumeBytes)
        {
            throw IsoReadErrors.RockRidgeDamaged(_imagePath, $"the CL entry of '{path}' points to block {block:N0}, outside the volume's directories");
        }

        var buffer = ArrayPool<byte>.Shared.Rent(SectorSize);
        try
        {
            var sector = buffer.AsSpan(0, (int)Math.Min(SectorSize, volume.VolumeBytes - offset));
            ReadExactly(sector, offset);
            var length = sector[0];
            var fields = length >= DirectoryRecord.CalcLength(1) && length <= sector.Length ? DirectoryRecord.Read(sector) : default;
            if (length < DirectoryRecord.CalcLength(1) || length > sector.Length
                || sector[DirectoryRecord.FieldLocations.IdentifierLength] != 1 || sector[DirectoryRecord.FieldLocations.Identifier] != 0
                || (fields.FileFlags & DirectoryRecord.Flags.Directory) == 0)
            {
                throw IsoReadErrors.RockRidgeDamaged(_imagePath, $"the CL entry of '{path}' points to block {block:N0}, which does not start a directory");
            }

            var self = ReadRockRidge(sector[..length], $"the \".\" record of the relocated directory '{path}'");
            var dataStart = ((long)fields.Extent + sector[DirectoryRecord.FieldLocations.ExtendedAttributeLength]) * volume.LogicalBlockSize;
            CheckRange(volume, dataStart, fields.DataLength, $"'{path}'");
            return new IsoEntry(name, path, identifier.ToArray(), isDirectory: true, isHidden, IsoTree.RockRidge, fields.Extent, fields.DataLength, fields.Recorded, [(dataStart, fields.DataLength)])
            {
                Posix = self.Posix ?? placeholder.Posix,
                Times = self.Times ?? placeholder.Times,
            };
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// True for the root folder that only holds relocated folders (each with an RE entry): readers that
    /// follow the relocation show those folders in their place and do not show this one.
    /// </summary>
    private bool IsRelocationFolder(IsoEntry entry)
    {
        if (!entry.IsDirectory || !s_relocationFolders.Contains(entry.Name, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        var visible = ListRecords(entry, out var relocated);
        return visible.Count == 0 && relocated > 0;
    }
}
