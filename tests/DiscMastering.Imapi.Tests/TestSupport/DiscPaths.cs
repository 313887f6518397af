using DiscMastering.Imapi.Iso9660;

namespace DiscMastering.Imapi.Tests.TestSupport;

/// <summary>How readers spell the paths of a <see cref="DiscTree"/>'s nodes.</summary>
internal static class DiscPaths
{
    /// <summary>The primary path as recorded in the directory records: files end in ";1", with the '.' even when there is no extension.</summary>
    public static string RecordedIsoPath(DiscNode node)
    {
        if (node is not DiscFile file)
        {
            return node.IsoPath;
        }

        var parent = file.Parent!.IsoPath;
        var identifier = (file.IsoName.Contains('.') ? file.IsoName : file.IsoName + ".") + ";1";
        return parent == "/" ? "/" + identifier : parent + "/" + identifier;
    }

    /// <summary>A path relative to a root, with '/' separators.</summary>
    public static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>Sorted ordinally, for set comparisons with readable failures.</summary>
    public static List<string> Sorted(IEnumerable<string> paths)
    {
        var list = paths.ToList();
        list.Sort(StringComparer.Ordinal);
        return list;
    }
}
