namespace DiscMastering.Imapi.Iso9660;

/// <summary>A folder on the disc.</summary>
public sealed class DiscDirectory : DiscNode
{
    private readonly List<DiscNode> _children = [];
    private readonly Dictionary<string, DiscNode> _byName = new(StringComparer.Ordinal);

    internal DiscDirectory(string name, DiscDirectory? parent, DateTimeOffset modified)
        : base(name, parent, modified)
    {
    }

    /// <summary>The folder's files and folders, sorted by <see cref="DiscNode.Name"/> (ordinal).</summary>
    public IReadOnlyList<DiscNode> Children => _children;

    /// <summary>Depth below the root (the root is 1, as path table levels count, ECMA-119 6.8.2.1).</summary>
    public int Level => Parent is null ? 1 : Parent.Level + 1;

    internal DiscNode? Find(string name) => _byName.GetValueOrDefault(name);

    internal void Add(DiscNode child)
    {
        _children.Add(child);
        _byName.Add(child.Name, child);
    }

    internal void SortChildren() => _children.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
}
