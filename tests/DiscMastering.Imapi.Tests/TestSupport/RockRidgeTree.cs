using System.Text;

namespace DiscMastering.Imapi.Tests.TestSupport;

/// <summary>
/// The awkward tree plus what Rock Ridge must get right: programs told by their first bytes (ELF, Mach-O thin
/// and fat, a "#!" script) beside look-alikes that are not (a Java class, a one-byte file), names whose UTF-8
/// needs several NM entries and a continuation area, and a folder of such names whose continuation areas fill
/// several blocks.
/// </summary>
internal static class RockRidgeTree
{
    /// <summary>64 CJK characters, Joliet's limit: 192 bytes of UTF-8, more than a directory record holds beside PX and TF.</summary>
    public static readonly string LongCjkName = new('日', 64);

    /// <summary>A folder named by 64 two-byte characters.</summary>
    public static readonly string LongAccentedFolder = new('é', 64);

    /// <summary>Files in <c>many/</c>, each of whose records needs a continuation area.</summary>
    public const int ManyCount = 120;

    /// <summary>Disc paths of the files whose content makes them programs.</summary>
    public static readonly IReadOnlySet<string> Executables = new HashSet<string>(StringComparer.Ordinal)
    {
        "/bin/tool", "/scripts/build.sh", "/mac/universal", "/mac/thin",
    };

    public static IReadOnlyList<TreeEntry> Entries()
    {
        byte[] elf = [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, .. new byte[56]];
        byte[] javaClass = [0xCA, 0xFE, 0xBA, 0xBE, 0x00, 0x00, 0x00, 0x41, 0x00, 0x10];
        byte[] fatMachO = [0xCA, 0xFE, 0xBA, 0xBE, 0x00, 0x00, 0x00, 0x02, .. new byte[40]];
        byte[] thinMachO = [0xCF, 0xFA, 0xED, 0xFE, 0x07, 0x00, 0x00, 0x01, .. new byte[24]];
        var entries = new List<TreeEntry>(AwkwardTree.Entries())
        {
            new("bin/tool", elf),
            new("scripts/build.sh", Encoding.UTF8.GetBytes("#!/bin/sh\necho built\n")),
            new("scripts/notes.md", Encoding.UTF8.GetBytes("# not a script\n")),
            new("java/Main.class", javaClass),
            new("mac/universal", fatMachO),
            new("mac/thin", thinMachO),
            new("one-byte", Encoding.ASCII.GetBytes("#")),
            new(LongCjkName, Encoding.UTF8.GetBytes("long name\n")),
            new(LongAccentedFolder + "/" + LongCjkName, Encoding.UTF8.GetBytes("nested long name\n")),
        };
        for (var i = 0; i < ManyCount; i++)
        {
            entries.Add(new($"many/{new string('語', 60)}{i:D4}", Encoding.UTF8.GetBytes($"many {i}\n")));
        }

        return entries;
    }
}
