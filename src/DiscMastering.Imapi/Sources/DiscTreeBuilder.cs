using DiscMastering.Imapi.Iso9660;

namespace DiscMastering.Imapi.Sources;

/// <summary>
/// Builds a <see cref="DiscTree"/> from sources: follows symbolic links (the disc holds the target's
/// content), refuses what cannot go on a disc, and collects every such problem before failing so the
/// user sees them all at once.
/// </summary>
public sealed class DiscTreeBuilder
{
    /// <summary>Stop collecting after this many problems: the first ones are what a user fixes first.</summary>
    private const int MaxProblems = 20;

    private readonly MasteringOptions _options;
    private readonly CancellationToken _cancellationToken;
    private readonly List<DiscMasteringException> _problems = [];
    private readonly DiscDirectory _root;

    private DiscTreeBuilder(MasteringOptions options, CancellationToken cancellationToken)
    {
        _options = options;
        _cancellationToken = cancellationToken;
        _root = new DiscDirectory("", null, options.VolumeDate);
    }

    /// <summary>Scans the sources and names every node; throws a <see cref="DiscMasteringException"/> listing every problem found.</summary>
    public static DiscTree Build(IEnumerable<DiscSource> sources, MasteringOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(options);
        var builder = new DiscTreeBuilder(options, cancellationToken);
        foreach (var source in sources)
        {
            builder.AddSource(source);
        }

        return builder.Finish();
    }

    private void AddSource(DiscSource source)
    {
        var entry = SourceEntry.Probe(source.LocalPath);
        if (entry.Kind == SourceEntryKind.Missing)
        {
            throw new DiscMasteringException(
                DiscMasteringError.SourceNotFound,
                $"the source '{source.LocalPath}' does not exist; check the path (relative paths start at '{Environment.CurrentDirectory}').");
        }

        var segments = source.DiscSegments;
        if (entry.Kind == SourceEntryKind.Directory)
        {
            var directory = GetOrCreateDirectory(segments, segments.Count, source.LocalPath, entry.Modified);
            if (directory is not null)
            {
                AddDirectoryContents(directory, Path.GetFullPath(source.LocalPath), [entry.Identity]);
            }

            return;
        }

        var name = segments.Count > 0 ? segments[^1] : Path.GetFileName(Path.TrimEndingDirectorySeparator(source.LocalPath));
        var parent = GetOrCreateDirectory(segments, Math.Max(0, segments.Count - 1), source.LocalPath, null);
        if (parent is not null)
        {
            AddEntry(parent, name, Path.GetFullPath(source.LocalPath), entry, []);
        }
    }

    private void AddDirectoryContents(DiscDirectory directory, string localPath, HashSet<(long, long)> ancestors)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        IEnumerable<string> entries;
        try
        {
            entries = Directory.EnumerateFileSystemEntries(localPath).ToList();
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            Problem(DiscMasteringError.Unreadable, $"the folder '{localPath}' cannot be read ({e.Message}); give the build user read access or leave it out.");
            return;
        }

        foreach (var path in entries)
        {
            AddEntry(directory, Path.GetFileName(path), path, SourceEntry.Probe(path), ancestors);
        }
    }

    private void AddEntry(DiscDirectory parent, string name, string localPath, SourceEntry entry, HashSet<(long, long)> ancestors)
    {
        switch (entry.Kind)
        {
            case SourceEntryKind.File:
                if (entry.Length > IsoConstants.MaxFileLength)
                {
                    Problem(DiscMasteringError.FileTooLarge, $"the file '{localPath}' is {entry.Length:N0} bytes; ISO 9660 holds at most {IsoConstants.MaxFileLength:N0} bytes (4 GiB - 1) in one file. Split it, or compress it below that size.");
                    return;
                }

                if (CheckNewName(parent, name, localPath))
                {
                    parent.Add(new DiscFile(name, parent, _options.Clamp(entry.Modified), localPath, entry.Length));
                }

                return;

            case SourceEntryKind.Directory:
                if (ancestors.Contains(entry.Identity))
                {
                    Problem(DiscMasteringError.SymbolicLinkLoop, $"the symbolic link '{localPath}' leads back into a folder that contains it, so the tree would never end; remove the link or point it elsewhere.");
                    return;
                }

                var directory = GetOrAddDirectory(parent, name, localPath);
                if (directory is null)
                {
                    return;
                }

                directory.Modified = _options.SourceDateEpoch ?? entry.Modified;
                AddDirectoryContents(directory, localPath, [.. ancestors, entry.Identity]);
                return;

            case SourceEntryKind.Special:
                Problem(DiscMasteringError.SpecialFile, $"'{localPath}' is a FIFO, socket or device, not a file; a disc can only hold files and folders. Remove it from the source folder.");
                return;

            case SourceEntryKind.LinkLoop:
                Problem(DiscMasteringError.SymbolicLinkLoop, $"the symbolic link '{localPath}' is part of a loop of links that never reaches a file; fix or remove the link.");
                return;

            case SourceEntryKind.Unreadable:
                Problem(DiscMasteringError.Unreadable, $"'{localPath}' cannot be read (permission denied); give the build user read access or leave it out.");
                return;

            default:
                Problem(DiscMasteringError.SourceNotFound, $"'{localPath}' disappeared or is a symbolic link to nothing; fix the link or remove it.");
                return;
        }
    }

    /// <summary>Checks a new child's name against Joliet's rules and the folder's other names.</summary>
    private bool CheckNewName(DiscDirectory parent, string name, string localPath)
    {
        if (JolietNaming.FirstForbidden(name) is { } forbidden)
        {
            Problem(DiscMasteringError.JolietForbiddenCharacter, $"the name of '{localPath}' contains {JolietNaming.Describe(forbidden)}, which Joliet (the names Windows shows) cannot hold; rename it without * / : ; ? \\ or control characters.");
            return false;
        }

        var limit = _options.JolietLongNames ? IsoConstants.JolietLongMaxNameLength : IsoConstants.JolietMaxNameLength;
        if (name.Length > limit)
        {
            var hint = _options.JolietLongNames ? "" : $" (or pass --joliet-long to allow up to {IsoConstants.JolietLongMaxNameLength}, which most readers accept)";
            Problem(DiscMasteringError.JolietNameTooLong, $"the name of '{localPath}' is {name.Length} characters; Joliet holds at most {limit}. Shorten it{hint}.");
            return false;
        }

        if (parent.Find(name) is { } existing)
        {
            Problem(DiscMasteringError.DuplicateDiscPath, $"'{localPath}' would go to '{existing.DiscPath}', which another source already fills; give one of them another disc path.");
            return false;
        }

        return true;
    }

    /// <summary>The folder <paramref name="name"/> in <paramref name="parent"/>, made if missing; null (and a problem) where a file has that name.</summary>
    private DiscDirectory? GetOrAddDirectory(DiscDirectory parent, string name, string localPath)
    {
        switch (parent.Find(name))
        {
            case DiscDirectory existing:
                return existing;
            case DiscFile file:
                Problem(DiscMasteringError.DuplicateDiscPath, $"'{localPath}' needs the folder '{file.DiscPath}', which is already a file on the disc; give one of them another disc path.");
                return null;
            default:
                if (!CheckNewName(parent, name, localPath))
                {
                    return null;
                }

                var directory = new DiscDirectory(name, parent, _options.VolumeDate);
                parent.Add(directory);
                return directory;
        }
    }

    /// <summary>Walks to (and makes) the folder at the first <paramref name="count"/> disc path segments.</summary>
    private DiscDirectory? GetOrCreateDirectory(IReadOnlyList<string> segments, int count, string localPath, DateTimeOffset? modified)
    {
        var directory = _root;
        for (var i = 0; i < count && directory is not null; i++)
        {
            directory = GetOrAddDirectory(directory, segments[i], localPath);
        }

        if (directory is null)
        {
            return null;
        }

        if (modified is { } date && count > 0)
        {
            directory.Modified = _options.SourceDateEpoch ?? date;
        }

        return directory;
    }

    private void Problem(DiscMasteringError error, string message)
    {
        _problems.Add(new DiscMasteringException(error, message));
        if (_problems.Count >= MaxProblems)
        {
            DiscMasteringException.ThrowIfAny(_problems);
        }
    }

    /// <summary>Sorts, numbers and names every node, depth-first in name order.</summary>
    private DiscTree Finish()
    {
        DiscMasteringException.ThrowIfAny(_problems);
        var directories = new List<DiscDirectory>();
        var files = new List<DiscFile>();
        var pending = new Stack<DiscDirectory>();
        pending.Push(_root);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            directory.Index = directories.Count;
            directories.Add(directory);
            directory.SortChildren();
            var isoNames = IsoNaming.AssignNames(directory.Children.Select(c => (c.Name, c is DiscDirectory)).ToList());
            for (var i = 0; i < directory.Children.Count; i++)
            {
                directory.Children[i].IsoName = isoNames[i];
                if (directory.Children[i] is DiscFile file)
                {
                    file.Index = files.Count;
                    files.Add(file);
                }
            }

            for (var i = directory.Children.Count - 1; i >= 0; i--)
            {
                if (directory.Children[i] is DiscDirectory child)
                {
                    pending.Push(child);
                }
            }
        }

        if (directories.Count > IsoConstants.MaxDirectories)
        {
            throw new DiscMasteringException(
                DiscMasteringError.TooManyDirectories,
                $"the tree has {directories.Count:N0} folders; an ISO 9660 path table numbers at most {IsoConstants.MaxDirectories:N0}. Pack some folders into archives.");
        }

        return new DiscTree(_root, directories, files);
    }
}
