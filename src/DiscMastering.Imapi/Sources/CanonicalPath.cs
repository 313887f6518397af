namespace DiscMastering.Imapi.Sources;

/// <summary>Paths with symbolic links resolved, to compare where things really are.</summary>
internal static class CanonicalPath
{
    /// <summary>
    /// The path with every link resolved; for a path that does not exist yet (an image to be written), its
    /// nearest existing ancestor is resolved and the rest appended.
    /// </summary>
    public static string Of(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var existing = full;
        var rest = "";
        while (true)
        {
            var resolved = Resolve(existing);
            if (resolved is not null)
            {
                return rest.Length == 0 ? resolved : Path.Join(resolved, rest);
            }

            var parent = Path.GetDirectoryName(existing);
            if (parent is null)
            {
                return full;
            }

            rest = rest.Length == 0 ? Path.GetFileName(existing) : Path.Join(Path.GetFileName(existing), rest);
            existing = parent;
        }
    }

    private static string? Resolve(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            return Interop.Linux.RealPathInterop.Resolve(path);
        }

        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        return !info.Exists ? null : (info.LinkTarget is null ? info.FullName : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName);
    }
}
