namespace DiscMastering.Imapi.Iso9660;

/// <summary>A file on the disc and the local file its bytes come from.</summary>
public sealed class DiscFile : DiscNode
{
    internal DiscFile(string name, DiscDirectory parent, DateTimeOffset modified, string localPath, long length)
        : base(name, parent, modified)
    {
        LocalPath = localPath;
        Length = length;
    }

    /// <summary>The local file, read when the image is written.</summary>
    public string LocalPath { get; }

    /// <summary>The size seen when the tree was built; the writer checks the file still has it.</summary>
    public long Length { get; }
}
