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
        bool isJoliet,
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
        IsJoliet = isJoliet;
        Extent = extent;
        Length = length;
        Recorded = recorded;
        DataRanges = dataRanges;
    }

    /// <summary>
    /// The name: for the primary hierarchy without the version (";1") and without the trailing '.' of a
    /// name that has no extension; for Joliet as recorded, without a version if one is present. Empty for the root.
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

    /// <summary>True when the entry comes from the Joliet hierarchy.</summary>
    public bool IsJoliet { get; }

    /// <summary>First logical block of the entry's (first) extent.</summary>
    public uint Extent { get; }

    /// <summary>Bytes of data: a file's length, or a directory's extent size.</summary>
    public long Length { get; }

    /// <summary>The recording date and time of the entry.</summary>
    public DateTimeOffset Recorded { get; }

    /// <summary>Where the data lies in the image, in bytes: one range per extent.</summary>
    internal (long Offset, long Length)[] DataRanges { get; }

    /// <inheritdoc/>
    public override string ToString() => IsDirectory ? Path + (Path.EndsWith('/') ? "" : "/") : Path;
}
