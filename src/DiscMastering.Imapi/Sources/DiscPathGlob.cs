namespace DiscMastering.Imapi.Sources;

/// <summary>
/// A pattern matched against disc paths ('/'-separated, relative to the root, such as <c>docs/x.pdb</c>),
/// compiled once. <c>*</c> matches any run of characters within a name, <c>?</c> one character, and a
/// <c>**</c> segment any number of folders, none included (<c>**/*.pdb</c> matches <c>a.pdb</c> and
/// <c>x/y/a.pdb</c>). A pattern is anchored at the root; one ending in '/' matches folders only.
/// Matching is case-sensitive (ordinal), as names on the disc keep their case. '\' is read as '/'.
/// </summary>
/// <remarks>
/// The matcher walks the path once per pattern with at most one backtracking point per level (the classic
/// wildcard algorithm), so its cost is bounded by the product of the lengths: no pattern can blow it up.
/// </remarks>
public sealed class DiscPathGlob
{
    private const string AnyDepth = "**";

    private readonly string[] _segments;

    private DiscPathGlob(string pattern, string[] segments, bool foldersOnly)
    {
        Pattern = pattern;
        _segments = segments;
        FoldersOnly = foldersOnly;
    }

    /// <summary>The pattern as given.</summary>
    public string Pattern { get; }

    /// <summary>True when the pattern ends in '/': it matches folders only.</summary>
    public bool FoldersOnly { get; }

    /// <summary>Compiles <paramref name="pattern"/>; throws a <see cref="DiscMasteringException"/> (DM1000) when it names nothing.</summary>
    public static DiscPathGlob Parse(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var normalized = pattern.Replace('\\', '/');
        var segments = normalized.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
        {
            throw new DiscMasteringException(
                DiscMasteringError.InvalidArguments,
                $"the exclude pattern '{pattern}' names nothing; give a disc path or pattern such as docs/*.pdb or **/*.pdb.");
        }

        // Consecutive "**" segments match what one does; collapsing them keeps the match linear.
        var compact = new List<string>(segments.Length);
        foreach (var segment in segments)
        {
            if (!(segment == AnyDepth && compact.Count > 0 && compact[^1] == AnyDepth))
            {
                compact.Add(segment);
            }
        }

        return new DiscPathGlob(pattern, [.. compact], normalized.EndsWith('/'));
    }

    /// <summary>True when the disc path <paramref name="discPath"/> ('/'-separated, relative to the root) matches.</summary>
    public bool IsMatch(string discPath, bool isDirectory)
    {
        ArgumentNullException.ThrowIfNull(discPath);
        if (FoldersOnly && !isDirectory)
        {
            return false;
        }

        var names = discPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return names.Length > 0 && MatchSegments(names);
    }

    /// <summary>Matches names against segments, where "**" stands for any number of names.</summary>
    private bool MatchSegments(string[] names)
    {
        int p = 0, n = 0, starP = -1, starN = 0;
        while (n < names.Length)
        {
            if (p < _segments.Length && _segments[p] == AnyDepth)
            {
                starP = p++;
                starN = n;
            }
            else if (p < _segments.Length && MatchName(_segments[p], names[n]))
            {
                p++;
                n++;
            }
            else if (starP >= 0)
            {
                // Let the last "**" swallow one more name and retry from there.
                p = starP + 1;
                n = ++starN;
            }
            else
            {
                return false;
            }
        }

        while (p < _segments.Length && _segments[p] == AnyDepth)
        {
            p++;
        }

        return p == _segments.Length;
    }

    /// <summary>Matches one name against one segment's '*' and '?'.</summary>
    private static bool MatchName(string pattern, string name)
    {
        int p = 0, n = 0, starP = -1, starN = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                starP = p++;
                starN = n;
            }
            else if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == name[n]))
            {
                p++;
                n++;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                n = ++starN;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    /// <summary>
    /// True when one of <paramref name="globs"/> matches <paramref name="discPath"/> or one of the folders
    /// it lies in: an excluded folder takes everything in it along.
    /// </summary>
    public static bool Excludes(IReadOnlyList<DiscPathGlob> globs, string discPath, bool isDirectory)
    {
        ArgumentNullException.ThrowIfNull(globs);
        ArgumentNullException.ThrowIfNull(discPath);
        if (globs.Count == 0)
        {
            return false;
        }

        for (var slash = discPath.IndexOf('/'); slash >= 0; slash = discPath.IndexOf('/', slash + 1))
        {
            if (slash > 0 && AnyMatch(globs, discPath[..slash], isDirectory: true))
            {
                return true;
            }
        }

        return AnyMatch(globs, discPath, isDirectory);
    }

    /// <inheritdoc/>
    public override string ToString() => Pattern;

    private static bool AnyMatch(IReadOnlyList<DiscPathGlob> globs, string discPath, bool isDirectory)
    {
        foreach (var glob in globs)
        {
            if (glob.IsMatch(discPath, isDirectory))
            {
                return true;
            }
        }

        return false;
    }
}
