namespace DiscMastering.Imapi.Iso9660;

/// <summary>A file or folder on the disc, with its name in each namespace.</summary>
public abstract class DiscNode
{
    private protected DiscNode(string name, DiscDirectory? parent, DateTimeOffset modified)
    {
        Name = name;
        Parent = parent;
        Modified = modified;
    }

    /// <summary>The name as the source has it; the Joliet tree records it unchanged.</summary>
    public string Name { get; }

    /// <summary>The name in the primary ISO 9660 tree (d-characters, 8.3, without ";1").</summary>
    public string IsoName { get; internal set; } = "";

    /// <summary>The folder holding this node; null for the root.</summary>
    public DiscDirectory? Parent { get; }

    /// <summary>The date recorded for this node.</summary>
    public DateTimeOffset Modified { get; internal set; }

    /// <summary>Position in its tree's list of files or of directories; the layout's arrays use it.</summary>
    internal int Index { get; set; }

    /// <summary>The path on the disc in the Joliet tree, starting with '/'.</summary>
    public string DiscPath => Parent is null ? "/" : Join(Parent.DiscPath, Name);

    /// <summary>The path on the disc in the primary tree, starting with '/'.</summary>
    public string IsoPath => Parent is null ? "/" : Join(Parent.IsoPath, IsoName);

    private static string Join(string parent, string name) => parent == "/" ? "/" + name : parent + "/" + name;
}
