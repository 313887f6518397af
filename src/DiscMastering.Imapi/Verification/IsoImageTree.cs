using DiscMastering.Imapi.Iso9660;
using DiscMastering.Imapi.Iso9660.Reading;

namespace DiscMastering.Imapi.Verification;

/// <summary>The Joliet, Rock Ridge or primary hierarchy of an image read by <see cref="IsoImageReader"/>.</summary>
public sealed class IsoImageTree : IImageTree
{
    private readonly IsoImageReader _reader;
    private readonly IsoTree _tree;

    private IsoImageTree(IsoImageReader reader, IsoTree tree)
    {
        _reader = reader;
        _tree = tree;
        Root = ToEntry(reader.GetRoot(tree));
    }

    /// <inheritdoc/>
    public string Name => _tree switch
    {
        IsoTree.Joliet => "joliet",
        IsoTree.RockRidge => "rock-ridge",
        _ => "primary",
    };

    /// <inheritdoc/>
    public ImageTreeEntry Root { get; }

    /// <summary>The Joliet tree, or null when the image has none.</summary>
    public static IsoImageTree? Joliet(IsoImageReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.Joliet is null ? null : new IsoImageTree(reader, IsoTree.Joliet);
    }

    /// <summary>The Rock Ridge tree, or null when the image has no Rock Ridge entries.</summary>
    public static IsoImageTree? RockRidge(IsoImageReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.HasRockRidge ? new IsoImageTree(reader, IsoTree.RockRidge) : null;
    }

    /// <summary>The primary ISO 9660 tree.</summary>
    public static IsoImageTree Primary(IsoImageReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new IsoImageTree(reader, IsoTree.Primary);
    }

    /// <inheritdoc/>
    public string NameOf(DiscNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return _tree == IsoTree.Primary ? node.IsoName : node.Name;
    }

    /// <inheritdoc/>
    public IEnumerable<ImageTreeEntry> List(ImageTreeEntry directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return _reader.ListDirectory(Unwrap(directory)).Select(ToEntry);
    }

    /// <inheritdoc/>
    public Stream OpenRead(ImageTreeEntry file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return _reader.OpenRead(Unwrap(file));
    }

    private static ImageTreeEntry ToEntry(IsoEntry entry) => new(
        entry.Name,
        entry.Path,
        entry.IsDirectory,
        entry.IsDirectory ? 0 : entry.Length,
        entry.IsDirectory || entry.DataRanges.Length == 0 ? -1 : entry.DataRanges[0].Offset,
        entry);

    private static IsoEntry Unwrap(ImageTreeEntry entry) =>
        entry.Handle as IsoEntry ?? throw new ArgumentException($"'{entry.Path}' does not come from an ISO 9660 image tree.", nameof(entry));
}
