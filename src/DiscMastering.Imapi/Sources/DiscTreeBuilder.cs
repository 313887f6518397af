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
    private readonly IReadOnlyList<DiscPathGlob> _exclude;
    private readonly FolderPrefetch _prefetch;

    private DiscTreeBuilder(MasteringOptions options, CancellationToken cancellationToken)
    {
        _options = options;
        _cancellationToken = cancellationToken;
        _root = new DiscDirectory("", null, options.VolumeDate);
        _exclude = options.Exclude.Select(DiscPathGlob.Parse).ToList();

        // One thread lists alone, as the builder's own lookups do; more list ahead of it.
        var workers = MasteringParallelism.Workers;
        _prefetch = new FolderPrefetch(workers > 1 ? workers : 0, _exclude, cancellationToken);
    }

    /// <summary>Scans the sources and names every node; throws a <see cref="DiscMasteringException"/> listing every problem found.</summary>
    public static DiscTree Build(IEnumerable<DiscSource> sources, MasteringOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(options);
        var builder = new DiscTreeBuilder(options, cancellationToken);
        try
        {
            foreach (var source in sources)
            {
                builder.AddSource(source);
            }

            return builder.Finish();
        }
        finally
        {
            builder._prefetch.Dispose();
        }
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
            if (segments.Count > 0 && DiscPathGlob.Excludes(_exclude, string.Join('/', segments), isDirectory: true))
            {
                return;
            }

            var directory = GetOrCreateDirectory(segments, segments.Count, source.LocalPath, entry.Modified);
            if (directory is not null)
            {
                AddDirectoryContents(directory, Path.GetFullPath(source.LocalPath), new FolderAncestry(entry.Identity, null));
            }

            return;
        }

        var name = segments.Count > 0 ? segments[^1] : Path.GetFileName(Path.TrimEndingDirectorySeparator(source.LocalPath));
        var discPath = string.Join('/', segments.Take(segments.Count - 1).Append(name));
        if (DiscPathGlob.Excludes(_exclude, discPath, isDirectory: false))
        {
            return;
        }

        var parent = GetOrCreateDirectory(segments, Math.Max(0, segments.Count - 1), source.LocalPath, null);
        if (parent is not null)
        {
            AddEntry(parent, name, Path.GetFullPath(source.LocalPath), entry, null);
        }
    }

    private void AddDirectoryContents(DiscDirectory directory, string localPath, FolderAncestry ancestors)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        List<string> paths;
        SourceEntry[] entries;
        try
        {
            var discPath = directory == _root ? "" : directory.DiscPath.TrimStart('/');
            (paths, entries) = _prefetch.List(localPath, discPath, ancestors);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            Problem(DiscMasteringError.Unreadable, $"the folder '{localPath}' cannot be read ({e.Message}); give the build user read access or leave it out.");
            return;
        }

        for (var i = 0; i < paths.Count; i++)
        {
            AddEntry(directory, Path.GetFileName(paths[i]), paths[i], entries[i], ancestors);
        }
    }

    private void AddEntry(DiscDirectory parent, string name, string localPath, SourceEntry entry, FolderAncestry? ancestors)
    {
        // Before any check: an excluded entry never fails a name or size rule. Its folders were checked on the way down.
        if (_exclude.Count > 0 && IsExcluded(parent, name, entry))
        {
            return;
        }

        switch (entry.Kind)
        {
            case SourceEntryKind.File:
                // UDF holds such a file whole and the ISO 9660 trees in several extents; a plain ISO 9660 image refuses it.
                if (entry.Length > IsoConstants.MaxFileLength && !_options.Udf)
                {
                    Problem(DiscMasteringError.FileTooLarge, $"the file '{localPath}' is {entry.Length:N0} bytes; one ISO 9660 extent holds at most {IsoConstants.MaxFileLength:N0} bytes (4 GiB - 1). Pass --udf to add UDF, which holds it whole (ISO 9660 then records it in several extents), or split or compress it below that size.");
                    return;
                }

                if (CheckNewName(parent, name, localPath))
                {
                    parent.Add(new DiscFile(name, parent, _options.Clamp(entry.Modified), localPath, entry.Length));
                }

                return;

            case SourceEntryKind.Directory:
                if (FolderAncestry.Contains(ancestors, entry.Identity))
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
                AddDirectoryContents(directory, localPath, new FolderAncestry(entry.Identity, ancestors));
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

    /// <summary>Whether an entry about to go into <paramref name="parent"/> matches an exclude pattern.</summary>
    private bool IsExcluded(DiscDirectory parent, string name, SourceEntry entry)
    {
        var discPath = parent == _root ? name : parent.DiscPath.TrimStart('/') + "/" + name;

        // What cannot be told from a folder (unreadable, a loop) also matches "name/", so excluding it silences its problem.
        var couldBeFolder = entry.Kind != SourceEntryKind.File;
        foreach (var glob in _exclude)
        {
            if (glob.IsMatch(discPath, couldBeFolder))
            {
                return true;
            }
        }

        return false;
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

    /// <summary>NoCloud reads user-data and meta-data from the seed's root and fails to boot the instance's configuration without them.</summary>
    private void CheckCloudInitSeed()
    {
        foreach (var required in CloudInitSeed.RequiredFiles)
        {
            switch (_root.Find(required))
            {
                case DiscFile:
                    break;
                case DiscDirectory:
                    Problem(DiscMasteringError.CloudInitSeedIncomplete, $"the cloud-init seed's '{required}' is a folder; cloud-init reads it as a file at the disc's root. Pass a file named {required} (or {required}=path/to/file) instead.");
                    break;
                default:
                    Problem(DiscMasteringError.CloudInitSeedIncomplete, $"the cloud-init seed has no '{required}' file at the disc's root, which cloud-init's NoCloud source requires; add it as a source (a file named {required}, or {required}=path/to/file), even if empty.");
                    break;
            }
        }
    }

    /// <summary>A bootable disc shows its El Torito catalog as a file at the root, as mkisofs and xorriso do; its bytes come from the layout.</summary>
    private void AddBootCatalog()
    {
        if (_options.Boot is not { IsBootable: true } boot)
        {
            return;
        }

        if (_root.Find(boot.CatalogName) is { } taken)
        {
            var what = taken is DiscFile file ? $"the file '{file.LocalPath}'" : "a folder";
            Problem(DiscMasteringError.BootCatalogCollision, $"the boot catalog '/{boot.CatalogName}' would take the place of {what} at the disc's root; name the catalog otherwise with --boot-catalog, or move that source.");
            return;
        }

        _root.Add(new DiscFile(boot.CatalogName, _root, _options.VolumeDate, "", IsoConstants.BlockSize, isMetadata: true));
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
        if (_options.Preset == MasteringPreset.CloudInit)
        {
            CheckCloudInitSeed();
        }

        AddBootCatalog();
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
