namespace DiscMastering.Tasks;

/// <summary>
/// Paths on the disc, as <c>DiscFile</c> items give them in their <c>TargetPath</c> metadata: relative, with
/// <c>/</c> between folders whatever the build machine's separator is.
/// </summary>
internal static class DiscPath
{
    /// <summary>
    /// Turns <paramref name="targetPath"/> into a disc path for a source named <paramref name="sourceName"/>:
    /// backslashes become slashes, empty and <c>.</c> segments go, and a path that ends with a separator names a
    /// folder, so the source's own name is appended. Returns <see langword="null"/> for a path that climbs
    /// (<c>..</c>), names a drive, or names nothing.
    /// </summary>
    public static string? Normalize(string targetPath, string sourceName)
    {
        string unified = targetPath.Replace('\\', '/');
        if (unified.IndexOf(':') >= 0)
        {
            return null;
        }

        var segments = new List<string>();
        foreach (string segment in unified.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                return null;
            }

            segments.Add(segment);
        }

        if (unified.EndsWith("/", StringComparison.Ordinal) || segments.Count == 0)
        {
            if (sourceName.Length == 0)
            {
                return null;
            }

            segments.Add(sourceName);
        }

        return string.Join("/", segments);
    }
}
