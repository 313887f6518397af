namespace DiscMastering.Imapi.Udf.Reading;

/// <summary>A file or directory read from an image's UDF file set.</summary>
public sealed class UdfEntry
{
    internal UdfEntry(string name, string path, bool isDirectory, long length, DateTimeOffset? modified, UdfData data, int depth, long icbBlock)
    {
        IcbBlock = icbBlock;
        Name = name;
        Path = path;
        IsDirectory = isDirectory;
        Length = length;
        Modified = modified;
        Data = data;
        Depth = depth;
    }

    /// <summary>The name as recorded; empty for the root.</summary>
    public string Name { get; }

    /// <summary>The path from the root, '/'-separated: "/" for the root, "/a/b" below it.</summary>
    public string Path { get; }

    /// <summary>True for a directory.</summary>
    public bool IsDirectory { get; }

    /// <summary>Bytes of data (the File Entry's information length): a file's size, or the length of a directory's identifiers.</summary>
    public long Length { get; }

    /// <summary>The modification time, or null when the File Entry's is not a valid date.</summary>
    public DateTimeOffset? Modified { get; }

    /// <summary>How many extents the data is recorded in (embedded data counts as one).</summary>
    public int ExtentCount => Data.Embedded is not null ? 1 : Data.Ranges.Length;

    internal UdfData Data { get; }

    /// <summary>The image block of the entry's File Entry; a directory met twice in a walk is a loop.</summary>
    internal long IcbBlock { get; }

    /// <summary>Directories above this entry; the root is 0.</summary>
    internal int Depth { get; }

    /// <inheritdoc/>
    public override string ToString() => IsDirectory && Path != "/" ? Path + "/" : Path;
}
