namespace DiscMastering.Imapi.Iso9660.RockRidge;

/// <summary>
/// The PX attributes of every file and folder of a tree: modes from the files' content and the
/// <see cref="MasteringOptions.FileModes"/> rules, link counts, and serial numbers from the nodes' places in
/// the tree (never the sources' inodes, which differ between machines).
/// </summary>
internal sealed class PosixModes
{
    /// <summary>S_IFDIR and S_IFREG, the file type bits of st_mode (POSIX sys/stat.h, as RRIP 1.12 4.1.1 records them).</summary>
    public const uint DirectoryType = 0x4000;
    public const uint RegularFileType = 0x8000;

    /// <summary>r-xr-xr-x (0555): folders and programs.</summary>
    public const uint ReadExecute = 0x16D;

    /// <summary>r--r--r-- (0444): every other file.</summary>
    public const uint ReadOnly = 0x124;

    private readonly DiscTree _tree;
    private readonly uint[] _fileModes;
    private readonly uint[] _directoryModes;
    private readonly uint[] _directoryLinks;

    private PosixModes(DiscTree tree, uint[] fileModes, uint[] directoryModes, uint[] directoryLinks)
    {
        _tree = tree;
        _fileModes = fileModes;
        _directoryModes = directoryModes;
        _directoryLinks = directoryLinks;
    }

    /// <summary>
    /// Decides every mode: the last matching rule, else r-xr-xr-x for folders and programs (read from each file's
    /// first bytes, once, only where no rule decides) and r--r--r-- for the rest, the boot catalog included.
    /// </summary>
    public static PosixModes Resolve(DiscTree tree, IReadOnlyList<FileModeRule> rules, CancellationToken cancellationToken = default) =>
        Create(tree, rules, ProbeFileModes(tree, rules, cancellationToken));

    /// <summary>
    /// Decides every mode as <see cref="Resolve(DiscTree, IReadOnlyList{FileModeRule}, CancellationToken)"/> does, with
    /// the programs already told by whoever read the files (<paramref name="executable"/>, by file index): no file is opened.
    /// </summary>
    public static PosixModes Resolve(DiscTree tree, IReadOnlyList<FileModeRule> rules, bool[] executable)
    {
        var fileModes = new uint[tree.Files.Count];
        foreach (var file in tree.Files)
        {
            fileModes[file.Index] = FileMode(rules, file, static (file, executable) => executable[file.Index], executable);
        }

        return Create(tree, rules, fileModes);
    }

    private static PosixModes Create(DiscTree tree, IReadOnlyList<FileModeRule> rules, uint[] fileModes)
    {
        var directoryModes = new uint[tree.Directories.Count];
        var directoryLinks = new uint[tree.Directories.Count];
        foreach (var directory in tree.Directories)
        {
            directoryModes[directory.Index] = DirectoryType | (RulePermissions(rules, directory, isDirectory: true) ?? ReadExecute);

            // "." and each subfolder's ".." link to a folder, besides its entry in its parent.
            directoryLinks[directory.Index] = 2 + (uint)directory.Children.Count(c => c is DiscDirectory);
        }

        return new PosixModes(tree, fileModes, directoryModes, directoryLinks);
    }

    /// <summary>
    /// Every file's mode. Reading first bytes is one open per file, so files are probed in parallel, each worker
    /// with its own open folder; the first failure in file order is the one raised, as one thread would.
    /// </summary>
    private static uint[] ProbeFileModes(DiscTree tree, IReadOnlyList<FileModeRule> rules, CancellationToken cancellationToken)
    {
        var files = tree.Files;
        var fileModes = new uint[files.Count];
        var failures = new DiscMasteringException?[files.Count];
        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = MasteringParallelism.Workers };
        var result = Parallel.For(
            0,
            files.Count,
            parallel,
            () => OperatingSystem.IsLinux() ? new Sources.SourceFolderCache() : null,
            (index, loop, folders) =>
            {
                var file = files[index];
                try
                {
                    fileModes[index] = FileMode(rules, file, static (file, folders) => ExecutableContent.Probe(file.LocalPath, folders), folders);
                }
                catch (DiscMasteringException e)
                {
                    // Break, unlike Stop, still runs every lower index, so the lowest failing one is the same each run.
                    failures[index] = e;
                    loop.Break();
                }

                return folders;
            },
            folders => folders?.Dispose());
        if (result.LowestBreakIteration is { } first)
        {
            throw failures[first]!;
        }

        return fileModes;
    }

    /// <summary>A file's mode: the last matching rule's, else r-xr-xr-x for a program (asking <paramref name="isProgram"/> only then) and r--r--r-- for the rest.</summary>
    private static uint FileMode<TState>(IReadOnlyList<FileModeRule> rules, DiscFile file, Func<DiscFile, TState, bool> isProgram, TState state)
    {
        var permissions = RulePermissions(rules, file, isDirectory: false)
            ?? (!file.IsMetadata && file.Length >= 2 && isProgram(file, state) ? ReadExecute : ReadOnly);
        return RegularFileType | permissions;
    }

    /// <summary>The PX and TF values of <paramref name="node"/>'s records.</summary>
    public PosixAttributes For(DiscNode node) => node switch
    {
        DiscDirectory directory => new(_directoryModes[directory.Index], _directoryLinks[directory.Index], (uint)directory.Index + 1, directory.Modified),
        DiscFile file => new(_fileModes[file.Index], 1, (uint)(_tree.Directories.Count + file.Index + 1), file.Modified),
        _ => throw new ArgumentException("a node is a file or a folder", nameof(node)),
    };

    private static uint? RulePermissions(IReadOnlyList<FileModeRule> rules, DiscNode node, bool isDirectory)
    {
        if (rules.Count == 0 || node.Parent is null)
        {
            return null;
        }

        var discPath = node.DiscPath[1..];
        for (var i = rules.Count - 1; i >= 0; i--)
        {
            if (rules[i].Glob.IsMatch(discPath, isDirectory))
            {
                return (uint)rules[i].Permissions;
            }
        }

        return null;
    }
}
