namespace DiscMastering.Imapi.Iso9660;

/// <summary>
/// Every file and folder of a disc, each named once in each namespace. Built by
/// <see cref="Sources.DiscTreeBuilder"/>; read by <see cref="DiscLayout"/>.
/// </summary>
public sealed class DiscTree
{
    internal DiscTree(DiscDirectory root, IReadOnlyList<DiscDirectory> directories, IReadOnlyList<DiscFile> files)
    {
        Root = root;
        Directories = directories;
        Files = files;
        TotalFileBytes = files.Sum(f => f.Length);
    }

    /// <summary>The root folder.</summary>
    public DiscDirectory Root { get; }

    /// <summary>All folders, the root first, depth-first in name order.</summary>
    public IReadOnlyList<DiscDirectory> Directories { get; }

    /// <summary>All files, depth-first in name order: the order their data is written.</summary>
    public IReadOnlyList<DiscFile> Files { get; }

    /// <summary>The sum of all file lengths.</summary>
    public long TotalFileBytes { get; }
}
