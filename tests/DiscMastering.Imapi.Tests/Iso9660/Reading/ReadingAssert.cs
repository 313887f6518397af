using DiscMastering.Imapi.Iso9660.Reading;

namespace DiscMastering.Imapi.Tests.Iso9660.Reading;

/// <summary>Checks shared by the reader's tests.</summary>
internal static class ReadingAssert
{
    /// <summary>The Joliet tree holds exactly the source tree: same paths, kinds, sizes and bytes.</summary>
    public static void JolietMatchesSource(IsoImageReader reader, string source)
    {
        var expected = Directory.EnumerateFileSystemEntries(source, "*", SearchOption.AllDirectories)
            .Select(p => "/" + Path.GetRelativePath(source, p).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        var entries = reader.Walk(joliet: true).ToList();
        Assert.Equal(expected, entries.Select(e => e.Path).Order(StringComparer.Ordinal).ToList());
        foreach (var entry in entries)
        {
            var local = Path.Combine(source, entry.Path.TrimStart('/').Replace('/', Path.DirectorySeparatorChar));
            Assert.Equal(Directory.Exists(local), entry.IsDirectory);
            Assert.True(entry.IsJoliet);
            if (!entry.IsDirectory)
            {
                Assert.Equal(new FileInfo(local).Length, entry.Length);
                Assert.Equal(File.ReadAllBytes(local), ReadAll(reader, entry));
            }
        }
    }

    /// <summary>The primary tree has the Joliet tree's shape: the same files at the same extents, under the same folders.</summary>
    public static void PrimaryMatchesJoliet(IsoImageReader reader)
    {
        static List<(int Depth, bool IsDirectory, long Length, uint Extent)> Shape(IsoImageReader r, bool joliet) =>
            r.Walk(joliet)
                .Select(e => (e.Path.Count(c => c == '/'), e.IsDirectory, e.IsDirectory ? 0 : e.Length, e.IsDirectory ? 0 : e.Extent))
                .Order()
                .ToList();

        Assert.Equal(Shape(reader, joliet: true), Shape(reader, joliet: false));
        foreach (var entry in reader.Walk(joliet: false))
        {
            Assert.False(entry.IsJoliet);
            Assert.DoesNotContain(";", entry.Name);
            Assert.False(entry.Name.EndsWith('.'), $"'{entry.Name}' keeps the '.' of an empty extension");
        }
    }

    /// <summary>
    /// The L and M path tables of a hierarchy agree record for record, and each record names a directory
    /// at the extent the directory records give it.
    /// </summary>
    public static void PathTablesMatchDirectories(IsoImageReader reader, bool joliet)
    {
        var little = reader.ReadPathTable(joliet, bigEndian: false);
        var big = reader.ReadPathTable(joliet, bigEndian: true);
        Assert.Equal(little, big);

        var paths = new string[little.Count + 1];
        var fromTable = new Dictionary<string, uint>(StringComparer.Ordinal);
        foreach (var record in little)
        {
            paths[record.Number] = record.Number == 1 ? "/" : (paths[record.ParentNumber] == "/" ? "" : paths[record.ParentNumber]) + "/" + record.Name;
            fromTable.Add(paths[record.Number], record.Extent);
        }

        var fromDirectories = reader.Walk(joliet).Where(e => e.IsDirectory).ToDictionary(e => e.Path, e => e.Extent, StringComparer.Ordinal);
        fromDirectories.Add("/", reader.GetRoot(joliet).Extent);
        Assert.Equal(fromDirectories.OrderBy(p => p.Key, StringComparer.Ordinal), fromTable.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    public static byte[] ReadAll(IsoImageReader reader, IsoEntry file)
    {
        using var stream = reader.OpenRead(file);
        using var copy = new MemoryStream();
        stream.CopyTo(copy, 7919);
        return copy.ToArray();
    }
}
