using DiscMastering.Imapi.Iso9660;
using Xunit.Sdk;

namespace DiscMastering.Imapi.Tests.TestSupport;

/// <summary>Compares a folder a reader extracted an image into with the tree that was mastered.</summary>
internal static class ExtractedTree
{
    /// <summary>
    /// The extracted folder must hold exactly the tree's files and folders, named by <paramref name="pathOf"/>
    /// (a node's path on the disc as the reader shows it, starting with '/'), each file with its source's bytes.
    /// </summary>
    public static void AssertMatches(string extractedRoot, DiscTree tree, Func<DiscNode, string> pathOf)
    {
        var expectedFiles = tree.Files.ToDictionary(f => pathOf(f).TrimStart('/'), f => f, StringComparer.Ordinal);
        var expectedFolders = tree.Directories.Where(d => d.Parent is not null).Select(d => pathOf(d).TrimStart('/'));

        var actualFiles = Directory.EnumerateFiles(extractedRoot, "*", SearchOption.AllDirectories).Select(p => DiscPaths.Relative(extractedRoot, p));
        var actualFolders = Directory.EnumerateDirectories(extractedRoot, "*", SearchOption.AllDirectories).Select(p => DiscPaths.Relative(extractedRoot, p));

        Assert.Equal(DiscPaths.Sorted(expectedFiles.Keys), DiscPaths.Sorted(actualFiles));
        Assert.Equal(DiscPaths.Sorted(expectedFolders), DiscPaths.Sorted(actualFolders));
        foreach (var (relative, file) in expectedFiles)
        {
            AssertSameBytes(file.LocalPath, Path.Combine(extractedRoot, relative), relative);
        }
    }

    /// <summary>Fails unless the two files hold the same bytes, naming the first difference.</summary>
    public static void AssertSameBytes(string expectedPath, string actualPath, string discPath)
    {
        AssertSameBytes(File.ReadAllBytes(expectedPath), File.ReadAllBytes(actualPath), discPath);
    }

    public static void AssertSameBytes(byte[] expected, byte[] actual, string discPath)
    {
        if (expected.AsSpan().SequenceEqual(actual))
        {
            return;
        }

        var first = expected.AsSpan().CommonPrefixLength(actual);
        throw new XunitException($"'{discPath}' read back differs from its source: {actual.Length:N0} bytes instead of {expected.Length:N0}, first difference at byte {first:N0}");
    }
}
