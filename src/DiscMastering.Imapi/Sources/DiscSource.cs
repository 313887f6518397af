namespace DiscMastering.Imapi.Sources;

/// <summary>
/// A local file or folder and where it goes on the disc. An empty <see cref="DiscPath"/> puts a folder's
/// contents at the root, or a file at the root under its own name.
/// </summary>
/// <param name="DiscPath">Path on the disc, '/'-separated, without leading or trailing separators.</param>
/// <param name="LocalPath">Path of the local file or folder.</param>
public sealed record DiscSource(string DiscPath, string LocalPath)
{
    /// <summary>
    /// Parses <c>local/path</c> or a graft point <c>disc/path=local/path</c> (as mkisofs' -graft-points);
    /// <c>\=</c> is a literal '=' in the disc path.
    /// </summary>
    public static DiscSource Parse(string argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        for (var i = 0; i < argument.Length; i++)
        {
            if (argument[i] == '\\' && i + 1 < argument.Length && argument[i + 1] == '=')
            {
                i++;
                continue;
            }

            if (argument[i] == '=')
            {
                var discPath = argument[..i].Replace("\\=", "=", StringComparison.Ordinal);
                var localPath = argument[(i + 1)..];
                if (localPath.Length == 0)
                {
                    throw new DiscMasteringException(
                        DiscMasteringError.InvalidGraftPoint,
                        $"the graft point '{argument}' names no local path after '='; write it as disc/path=local/path.");
                }

                return new DiscSource(NormalizeDiscPath(discPath), localPath);
            }
        }

        return new DiscSource("", argument);
    }

    /// <summary>The disc path's segments; both separators are accepted so a Windows-style graft works anywhere.</summary>
    public IReadOnlyList<string> DiscSegments => DiscPath.Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries);

    private static string NormalizeDiscPath(string discPath) =>
        string.Join('/', discPath.Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries));
}
