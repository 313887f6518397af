namespace DiscMastering.Imapi.Iso9660.Reading.RockRidge;

/// <summary>
/// What the SUSP and RRIP entries of one directory record say, gathered across its continuation areas.
/// Names and link targets are kept as bytes until every piece is in, since a piece may end mid-character.
/// </summary>
internal sealed class RockRidgeRecord
{
    private List<byte>? _name;
    private List<byte>? _link;
    private bool _linkComponentContinues;
    private bool _linkNeedsSeparator;

    /// <summary>True when the record carries an SP entry (SUSP 1.12 5.3): only the root's "." record may.</summary>
    public bool HasSharingProtocol { get; set; }

    /// <summary>The SP entry's LEN_SKP: bytes to skip at the start of every other record's System Use field.</summary>
    public int SkipLength { get; set; }

    /// <summary>The identifiers of the record's ER entries (SUSP 1.12 5.5), such as "RRIP_1991A".</summary>
    public List<string> Extensions { get; } = [];

    /// <summary>The NM entry's CURRENT or PARENT flag (RRIP 1.12 4.1.4), which names the entry "." or "..".</summary>
    public string? SpecialName { get; set; }

    public PosixAttributes? Posix { get; set; }

    public RockRidgeTimes? Times { get; set; }

    /// <summary>The CL entry's block (RRIP 1.12 4.1.5.1): where the relocated directory this record stands for lies.</summary>
    public uint? ChildLink { get; set; }

    /// <summary>The PL entry's block (RRIP 1.12 4.1.5.2): the real parent of a relocated directory.</summary>
    public uint? ParentLink { get; set; }

    /// <summary>The RE entry (RRIP 1.12 4.1.5.3): this is a relocated directory, shown only where its CL points from.</summary>
    public bool IsRelocated { get; set; }

    /// <summary>The NM entries' name, decoded once all are in; null when the record has none.</summary>
    public string? Name => SpecialName ?? (_name is null ? null : IsoText.DecodeSingleByteText(_name.ToArray()));

    /// <summary>The SL entries' target, decoded once all are in; null when the record has none.</summary>
    public string? LinkTarget => _link is null ? null : IsoText.DecodeSingleByteText(_link.ToArray());

    public void AppendName(ReadOnlySpan<byte> piece)
    {
        _name ??= [];
        _name.AddRange(piece);
    }

    /// <summary>
    /// Adds one SL component record (RRIP 1.12 4.1.3.1): ROOT starts the target with '/', CURRENT and
    /// PARENT are "." and "..", and a component whose CONTINUE flag is set goes on in the next record without
    /// a '/' between them.
    /// </summary>
    public void AppendLinkComponent(byte flags, ReadOnlySpan<byte> content)
    {
        _link ??= [];
        const byte Continue = 0x01, Current = 0x02, Parent = 0x04, Root = 0x08, VolumeRoot = 0x10;
        if ((flags & (Root | VolumeRoot)) != 0)
        {
            _link.Add((byte)'/');
            _linkNeedsSeparator = false;
            _linkComponentContinues = false;
            return;
        }

        if (_linkNeedsSeparator && !_linkComponentContinues)
        {
            _link.Add((byte)'/');
        }

        if ((flags & Current) != 0)
        {
            _link.Add((byte)'.');
        }
        else if ((flags & Parent) != 0)
        {
            _link.AddRange(".."u8);
        }
        else
        {
            _link.AddRange(content);
        }

        _linkNeedsSeparator = true;
        _linkComponentContinues = (flags & Continue) != 0;
    }

    /// <summary>True when the record carries any entry of the RRIP's own (not only SUSP's).</summary>
    public bool HasRockRidgeEntries => _name is not null || SpecialName is not null || Posix is not null || Times is not null || _link is not null || ChildLink is not null || IsRelocated;
}
