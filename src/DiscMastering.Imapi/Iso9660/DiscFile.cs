namespace DiscMastering.Imapi.Iso9660;

/// <summary>A file on the disc and the local file its bytes come from.</summary>
public sealed class DiscFile : DiscNode
{
    internal DiscFile(string name, DiscDirectory parent, DateTimeOffset modified, string localPath, long length, bool isMetadata = false)
        : base(name, parent, modified)
    {
        LocalPath = localPath;
        Length = length;
        IsMetadata = isMetadata;
    }

    /// <summary>The local file, read when the image is written.</summary>
    public string LocalPath { get; }

    /// <summary>The size seen when the tree was built; the writer checks the file still has it.</summary>
    public long Length { get; }

    /// <summary>
    /// The file's bytes are made by the layout and written with the metadata (the El Torito boot catalog), not
    /// read from a local file; <see cref="LocalPath"/> is empty.
    /// </summary>
    public bool IsMetadata { get; }
}
