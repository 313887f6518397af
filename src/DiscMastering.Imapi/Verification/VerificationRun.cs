using DiscMastering.Imapi.ElTorito;
using DiscMastering.Imapi.Iso9660;

namespace DiscMastering.Imapi.Verification;

/// <summary>
/// The state of one verification across trees: what was found, and which files' content was already
/// compared, so trees that share a file's data read it once.
/// </summary>
/// <param name="expected">The tree the sources give.</param>
/// <param name="cancellationToken">Stops the walk and the comparisons.</param>
/// <param name="bootInfoTableFile">The BIOS boot image whose disc copy carries a boot-info table in bytes 8-63, left out of the comparison.</param>
internal sealed class VerificationRun(DiscTree expected, CancellationToken cancellationToken, DiscFile? bootInfoTableFile = null)
{
    private readonly Dictionary<DiscNode, VerificationEntry> _missing = [];
    private readonly Dictionary<DiscFile, VerificationDifference> _different = [];
    private readonly Dictionary<DiscFile, (long DataLocation, long Length)> _compared = [];
    private readonly List<VerificationEntry> _extra = [];
    private readonly HashSet<ExtraKey> _extraKeys = [];
    private long _filesCompared;
    private long _bytesCompared;

    /// <summary>Walks one tree alongside the expected one; only folders present in both are entered, so a damaged image's loop cannot keep it going.</summary>
    public void Compare(IImageTree tree)
    {
        var treeExtraKeys = new HashSet<ExtraKey>();
        var pending = new Stack<(DiscDirectory Expected, ImageTreeEntry Actual)>();
        pending.Push((expected.Root, tree.Root));
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (directory, actualDirectory) = pending.Pop();
            var byName = new Dictionary<string, DiscNode>(StringComparer.Ordinal);
            foreach (var child in directory.Children)
            {
                byName.TryAdd(tree.NameOf(child), child);
            }

            var matched = new HashSet<DiscNode>();
            var extraSeen = new Dictionary<(bool IsDirectory, long DataLocation, long Length), int>();
            foreach (var actual in tree.List(actualDirectory))
            {
                if (byName.TryGetValue(actual.Name, out var node) && matched.Add(node))
                {
                    if (node is DiscDirectory folder && actual.IsDirectory)
                    {
                        pending.Push((folder, actual));
                        continue;
                    }

                    if (node is DiscFile file && !actual.IsDirectory)
                    {
                        CompareFile(tree, file, actual);
                        continue;
                    }

                    // A file where a folder should be, or the other way round: the one is missing, the other extra.
                    _missing.TryAdd(node, new VerificationEntry(PathOf(node, tree), tree.Name, node is DiscDirectory));
                }

                AddExtra(tree, directory, actual, extraSeen, treeExtraKeys);
            }

            foreach (var child in directory.Children)
            {
                if (!matched.Contains(child))
                {
                    _missing.TryAdd(child, new VerificationEntry(PathOf(child, tree), tree.Name, child is DiscDirectory));
                }
            }
        }

        _extraKeys.UnionWith(treeExtraKeys);
    }

    public VerificationReport Report(IReadOnlyList<string> trees) => new(
        trees,
        [.. _missing.Values.OrderBy(e => e.Path, StringComparer.Ordinal)],
        [.. _extra.OrderBy(e => e.Path, StringComparer.Ordinal)],
        [.. _different.Values.OrderBy(d => d.Path, StringComparer.Ordinal)],
        _filesCompared,
        _bytesCompared);

    private void CompareFile(IImageTree tree, DiscFile file, ImageTreeEntry actual)
    {
        if (actual.DataLocation >= 0 && _compared.TryGetValue(file, out var done) && done == (actual.DataLocation, actual.Length))
        {
            return;
        }

        _compared[file] = (actual.DataLocation, actual.Length);
        if (file.IsMetadata)
        {
            // The boot catalog: its bytes come from the layout, not a source; El Torito readers check them.
            return;
        }

        (long SourceLength, long? Offset, long BytesCompared) result;
        using (var image = tree.OpenRead(actual))
        {
            var ignored = ReferenceEquals(file, bootInfoTableFile) ? (BootInfoTable.Offset, BootInfoTable.Length) : ((long, int)?)null;
            result = ContentComparer.Compare(image, actual.Length, file.LocalPath, cancellationToken, ignored);
        }

        _filesCompared++;
        _bytesCompared += result.BytesCompared;
        if (result.Offset is { } offset)
        {
            _different.TryAdd(file, new VerificationDifference(PathOf(file, tree), tree.Name, offset, result.SourceLength, actual.Length));
        }
    }

    /// <summary>
    /// Records an entry the sources do not have, unless an earlier tree reported the same one: a file by
    /// where its data lies (trees share it), a folder by its place among its parent's extra folders.
    /// </summary>
    private void AddExtra(IImageTree tree, DiscDirectory parent, ImageTreeEntry actual, Dictionary<(bool, long, long), int> extraSeen, HashSet<ExtraKey> treeExtraKeys)
    {
        var location = actual.IsDirectory ? -1 : actual.DataLocation;
        var what = (actual.IsDirectory, location, actual.Length);
        var ordinal = extraSeen.GetValueOrDefault(what);
        extraSeen[what] = ordinal + 1;
        var key = new ExtraKey(parent, actual.IsDirectory, location, actual.Length, ordinal);
        treeExtraKeys.Add(key);
        if (!_extraKeys.Contains(key))
        {
            _extra.Add(new VerificationEntry(actual.Path, tree.Name, actual.IsDirectory));
        }
    }

    /// <summary>The path <paramref name="tree"/> gives a node: its names from the root down.</summary>
    private static string PathOf(DiscNode node, IImageTree tree)
    {
        var names = new List<string>();
        for (var current = node; current.Parent is not null; current = current.Parent)
        {
            names.Add(tree.NameOf(current));
        }

        names.Reverse();
        return "/" + string.Join('/', names);
    }
}
