using DiscMastering.Imapi.Iso9660.Reading.RockRidge;

namespace DiscMastering.Imapi.Iso9660.Reading;

/// <summary>
/// A file or directory read from one of an image's directory hierarchies. A file recorded in several
/// extents (ECMA-119 6.5.1, files of 4 GiB and more) is one entry whose <see cref="Length"/> is the sum.
/// </summary>
public sealed class IsoEntry
{
    internal IsoEntry(
        string name,
        string path,
        byte[] rawIdentifier,
        bool isDirectory,
        bool isHidden,
        IsoTree tree,
        uint extent,
        long length,
        DateTimeOffset recorded,
        (long Offset, long Length)[] dataRanges)
    {
        Name = name;
        Path = path;
        RawIdentifier = rawIdentifier;
        IsDirectory = isDirectory;
        IsHidden = isHidden;
        Tree = tree;
        Extent = extent;
        Length = length;
        Recorded = recorded;
        DataRanges = dataRanges;
    }

    /// <summary>
    /// The name: for the primary hierarchy without the version (";1") and without the trailing '.' of a
    /// name that has no extension; for Joliet as recorded, without a version if one is present; for Rock
    /// Ridge the NM entry's name exactly. Empty for the root.
    /// </summary>
    public string Name { get; }

    /// <summary>The path from the root, '/'-separated: "/" for the root, "/a/b" below it.</summary>
    public string Path { get; }

    /// <summary>The identifier's bytes as recorded: d-characters for the primary hierarchy, UCS-2 big-endian for Joliet.</summary>
    public ReadOnlyMemory<byte> RawIdentifier { get; }

    /// <summary>True for a directory.</summary>
    public bool IsDirectory { get; }

    /// <summary>True when the record's existence bit asks readers not to show the entry (ECMA-119 9.1.6).</summary>
    public bool IsHidden { get; }

    /// <summary>The hierarchy the entry comes from.</summary>
    public IsoTree Tree { get; }

    /// <summary>True when the entry comes from the Joliet hierarchy.</summary>
    public bool IsJoliet => Tree == IsoTree.Joliet;

    /// <summary>First logical block of the entry's (first) extent.</summary>
    public uint Extent { get; }

    /// <summary>Bytes of data: a file's length, or a directory's extent size.</summary>
    public long Length { get; }

    /// <summary>The recording date and time of the entry.</summary>
    public DateTimeOffset Recorded { get; }

    /// <summary>The POSIX attributes of a Rock Ridge entry (its PX entry); null in other trees or when not recorded.</summary>
    public PosixAttributes? Posix { get; internal init; }

    /// <summary>The time stamps of a Rock Ridge entry (its TF entry); null in other trees or when not recorded.</summary>
    public RockRidgeTimes? Times { get; internal init; }

    /// <summary>Where a Rock Ridge symbolic link points (its SL entries), as recorded; null for anything else.</summary>
    public string? LinkTarget { get; internal init; }

    /// <summary>True for a Rock Ridge symbolic link: a file of no data whose <see cref="LinkTarget"/> is set.</summary>
    public bool IsSymbolicLink => LinkTarget is not null;

    /// <summary>When the data was last modified: Rock Ridge's time when recorded, else the record's date.</summary>
    public DateTimeOffset Modified => Times?.Modified ?? Recorded;

    /// <summary>Where the data lies in the image, in bytes: one range per extent.</summary>
    internal (long Offset, long Length)[] DataRanges { get; }

    /// <inheritdoc/>
    public override string ToString() => IsSymbolicLink ? $"{Path} -> {LinkTarget}" : IsDirectory ? Path + (Path.EndsWith('/') ? "" : "/") : Path;
}
