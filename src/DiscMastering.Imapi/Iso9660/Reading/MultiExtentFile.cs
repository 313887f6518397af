using DiscMastering.Imapi.Iso9660.Reading.RockRidge;

namespace DiscMastering.Imapi.Iso9660.Reading;

/// <summary>
/// Gathers the records of a file recorded in several extents (ECMA-119 6.5.1): every record but the last
/// carries the multi-extent flag, and all carry the same identifier.
/// </summary>
internal sealed class MultiExtentFile
{
    private readonly List<(long Offset, long Length)> _ranges = [];
    private byte[] _identifier = [];
    private string _name = "";
    private string _path = "";
    private DirectoryRecord _first;
    private IsoTree _tree;
    private RockRidgeRecord? _rockRidge;
    private long _length;

    public bool IsStarted => _ranges.Count > 0;

    /// <summary>True when a record with <paramref name="identifier"/> continues the file being gathered.</summary>
    public bool Continues(ReadOnlySpan<byte> identifier) => identifier.SequenceEqual(_identifier);

    public void Add(string name, string path, ReadOnlySpan<byte> identifier, DirectoryRecord record, long dataStart, IsoTree tree, RockRidgeRecord? rockRidge)
    {
        if (!IsStarted)
        {
            _identifier = identifier.ToArray();
            _name = name;
            _path = path;
            _first = record;
            _tree = tree;
            _rockRidge = rockRidge;
            _length = 0;
        }

        _ranges.Add((dataStart, record.DataLength));
        _length += record.DataLength;
    }

    /// <summary>The gathered file as one entry; the gatherer is then empty again.</summary>
    public IsoEntry Finish()
    {
        var entry = new IsoEntry(
            _name,
            _path,
            _identifier,
            isDirectory: false,
            isHidden: (_first.FileFlags & DirectoryRecord.Flags.Hidden) != 0,
            _tree,
            _first.Extent,
            _length,
            _first.Recorded,
            _ranges.ToArray())
        {
            Posix = _rockRidge?.Posix,
            Times = _rockRidge?.Times,
        };
        _ranges.Clear();
        return entry;
    }
}
