using DiscMastering.Imapi.Iso9660.Reading;

namespace DiscMastering.Imapi.Extraction;

/// <summary>The checks made before anything is written: names, selection, collisions, and the target folder.</summary>
public static partial class ImageExtractor
{
    /// <summary>A target full of existing files should not print thousands of lines: the first ones say enough.</summary>
    private const int MaxReportedProblems = 20;

    /// <summary>
    /// The entries to write, parents before children, once every check has passed. Every problem found is
    /// reported at once, so a user fixes them in one go.
    /// </summary>
    private static List<ExtractionEntry> Plan(IsoImageReader reader, ExtractionTree tree, string target, ExtractionOptions options, CancellationToken cancellationToken)
    {
        var all = ReadTree(reader, tree, cancellationToken);
        var selected = Select(reader.ImagePath, all, tree, options.Paths);
        selected.Sort((a, b) => a.Segments.Length.CompareTo(b.Segments.Length));

        var problems = new List<DiscMasteringException>();
        foreach (var entry in selected)
        {
            if (ExtractionNames.Problem(entry.Name) is { } problem)
            {
                problems.Add(ExtractionErrors.UnsafeName(reader.ImagePath, entry, problem));
            }
        }

        // Paths are only meaningful once every name is safe: stop here rather than look at the file system.
        DiscMasteringException.ThrowIfAny(problems);
        CheckCollisions(reader.ImagePath, selected, problems);
        DiscMasteringException.ThrowIfAny(problems);
        CheckTarget(target, selected, options.Overwrite, problems);
        DiscMasteringException.ThrowIfAny(problems);
        return selected;
    }

    /// <summary>Every entry below the root, each linked to its parent; a directory that leads back to one already read is damage.</summary>
    private static List<ExtractionEntry> ReadTree(IsoImageReader reader, ExtractionTree tree, CancellationToken cancellationToken)
    {
        var root = reader.GetRoot(ToIsoTree(tree));
        var seen = new HashSet<uint> { root.Extent };
        var entries = new List<ExtractionEntry>();
        var pending = new Stack<(IsoEntry Directory, ExtractionEntry? Entry)>();
        pending.Push((root, null));
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (directory, parent) = pending.Pop();
            foreach (var child in reader.ListDirectory(directory))
            {
                var entry = new ExtractionEntry(child, parent);
                entries.Add(entry);
                if (child.IsDirectory)
                {
                    if (!seen.Add(child.Extent))
                    {
                        throw new DiscMasteringException(DiscMasteringError.InvalidImage, $"'{reader.ImagePath}' is damaged: the directory '{entry.DisplayPath}' points to block {child.Extent:N0}, a directory already read (a loop); it cannot be read as an ISO 9660 image.");
                    }

                    pending.Push((child, entry));
                }
            }
        }

        return entries;
    }

    /// <summary>
    /// The entries below the given disc paths, with the folders above them; all entries when no path is given.
    /// Primary names are matched ignoring case, as they are recorded in upper case; Joliet names exactly.
    /// </summary>
    private static List<ExtractionEntry> Select(string imagePath, List<ExtractionEntry> all, ExtractionTree tree, IReadOnlyList<string> paths)
    {
        var wanted = paths
            .Select(p => p.Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        if (wanted.Count == 0 || wanted.Any(w => w.Length == 0))
        {
            return [.. all];
        }

        var comparer = tree == ExtractionTree.Primary ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        var selected = new HashSet<ExtractionEntry>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < wanted.Count; i++)
        {
            var segments = wanted[i];
            var found = false;
            foreach (var entry in all)
            {
                if (entry.Segments.Length >= segments.Length && segments.Select((s, n) => comparer.Equals(s, entry.Segments[n])).All(equal => equal))
                {
                    found = true;
                    for (var e = entry; e is not null && selected.Add(e); e = e.Parent)
                    {
                    }
                }
            }

            if (!found)
            {
                throw ExtractionErrors.PathNotInImage(imagePath, paths[i], tree);
            }
        }

        // Keep the image's order, so messages and writing follow it.
        return all.Where(selected.Contains).ToList();
    }

    /// <summary>Two entries that the file system would store as one: on Windows and macOS names differ by more than case.</summary>
    private static void CheckCollisions(string imagePath, List<ExtractionEntry> selected, List<DiscMasteringException> problems)
    {
        var ignoreCase = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS();
        var paths = new Dictionary<string, ExtractionEntry>(ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        foreach (var entry in selected)
        {
            // Every name is a single safe component by now, so '/' cannot be part of one.
            var key = string.Join('/', entry.Segments);
            if (!paths.TryAdd(key, entry) && problems.Count < MaxReportedProblems)
            {
                problems.Add(ExtractionErrors.Collision(imagePath, paths[key], entry));
            }
        }
    }

    /// <summary>
    /// What already stands in the target folder: a link anywhere on the way is refused, an existing file is
    /// replaced only with <paramref name="overwrite"/>, and a file never gives way to a folder or the reverse.
    /// </summary>
    private static void CheckTarget(string target, List<ExtractionEntry> selected, bool overwrite, List<DiscMasteringException> problems)
    {
        if (File.Exists(target))
        {
            throw ExtractionErrors.TargetIsFile(target);
        }

        if (!Directory.Exists(target))
        {
            return;
        }

        // Below a missing folder nothing exists; below a refused path nothing is looked at (it could be a link).
        var missingOrRefused = new HashSet<ExtractionEntry>(ReferenceEqualityComparer.Instance);
        foreach (var entry in selected)
        {
            if (problems.Count >= MaxReportedProblems)
            {
                return;
            }

            if (entry.Parent is { } parent && missingOrRefused.Contains(parent))
            {
                missingOrRefused.Add(entry);
                continue;
            }

            var path = entry.TargetPath(target);
            if (IsLink(path))
            {
                problems.Add(ExtractionErrors.Link(path, entry, written: false));
                missingOrRefused.Add(entry);
            }
            else if (Directory.Exists(path))
            {
                if (!entry.IsDirectory)
                {
                    problems.Add(ExtractionErrors.KindClash(path, entry));
                    missingOrRefused.Add(entry);
                }
            }
            else if (File.Exists(path))
            {
                if (entry.IsDirectory)
                {
                    problems.Add(ExtractionErrors.KindClash(path, entry));
                    missingOrRefused.Add(entry);
                }
                else if (!overwrite)
                {
                    problems.Add(ExtractionErrors.Exists(path, entry, written: false));
                }
            }
            else
            {
                missingOrRefused.Add(entry);
            }
        }
    }
}
