using System.Text;

namespace DiscMastering.Imapi.Tests.TestSupport;

/// <summary>One file (with its bytes) or empty folder of a test tree, by '/'-separated relative path.</summary>
internal sealed record TreeEntry(string RelativePath, byte[]? Content)
{
    public bool IsDirectory => Content is null;
}

/// <summary>
/// A source tree made of the names and sizes that trip mastering tools up: case-only differences, long
/// names sharing an 8.3 form, Unicode, spaces, several dots, no extension, a deep chain, empty and
/// block-sized files, a multi-megabyte file, and names whose order differs between ISO 9660 and Joliet,
/// a leading dot, and a file and a folder that map to the same ISO 9660 name.
/// </summary>
internal static class AwkwardTree
{
    /// <summary>A name of exactly 64 characters, Joliet's limit.</summary>
    public static readonly string SixtyFourCharacterName = "sixty-four-" + new string('x', 64 - "sixty-four-".Length - ".txt".Length) + ".txt";

    /// <summary>The deepest folder: ten levels below the root.</summary>
    public const string DeepFolder = "level01/level02/level03/level04/level05/level06/level07/level08/level09/level10";

    public static IReadOnlyList<TreeEntry> Entries()
    {
        var random = new Random(9660);
        var large = new byte[(3 << 20) + 17];
        random.NextBytes(large);
        var block = new byte[2048];
        new Random(2048).NextBytes(block);
        var blockAndOne = new byte[2049];
        new Random(2049).NextBytes(blockAndOne);

        return
        [
            Text("Readme.TXT"),
            Text("readme.txt"),
            Text("verylongname-one.txt"),
            Text("verylongname-two.txt"),
            Text(SixtyFourCharacterName),
            Text("Ünïcödé.txt"),
            Text("日本語.txt"),
            Text("name with  several spaces.txt"),
            Text("a.b.c.d"),
            Text("noextension"),
            Text("Z.txt"),
            Text("_underscore.txt"),
            Text("b-c.txt"),
            Text("b_c.txt"),
            Text(DeepFolder + "/bottom of the chain.txt"),
            Text("folder.with.dots/inside.txt"),
            Text(".hidden-config"),
            Text("DATA"),
            Text("data/inside data.txt"),
            new("empty.txt", []),
            new("empty folder", null),
            new("exactly-2048.bin", block),
            new("exactly-2049.bin", blockAndOne),
            new("large/random-3MiB.bin", large),
        ];
    }

    /// <summary>Writes the entries under <paramref name="root"/> in the order given.</summary>
    public static void Create(string root, IEnumerable<TreeEntry>? entries = null)
    {
        Directory.CreateDirectory(root);
        foreach (var entry in entries ?? Entries())
        {
            var path = Path.Combine([root, .. entry.RelativePath.Split('/')]);
            if (entry.Content is null)
            {
                Directory.CreateDirectory(path);
            }
            else
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, entry.Content);
            }
        }
    }

    /// <summary>A small text file whose bytes name it, so two files swapped on the disc are caught.</summary>
    private static TreeEntry Text(string relativePath) => new(relativePath, Encoding.UTF8.GetBytes($"this is {relativePath}\n"));
}
