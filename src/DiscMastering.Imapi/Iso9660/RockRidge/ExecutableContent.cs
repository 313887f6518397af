using System.Buffers.Binary;
using DiscMastering.Imapi.Sources;
using Microsoft.Win32.SafeHandles;

namespace DiscMastering.Imapi.Iso9660.RockRidge;

/// <summary>
/// Tells a program from other files by its first bytes, so the same sources get the same modes on Windows (which
/// has no execute bit) and on Linux: ELF, Mach-O (thin or fat) and scripts starting with "#!".
/// </summary>
internal static class ExecutableContent
{
    /// <summary>Bytes looked at: a magic number and, for a fat Mach-O, its architecture count.</summary>
    public const int ProbeLength = 8;

    /// <summary>A fat Mach-O names a handful of architectures; a Java class has its version (45 and up) there.</summary>
    private const uint MaxFatArchitectures = 20;

    /// <summary>ELF: 7F 'E' 'L' 'F' (System V ABI, e_ident[EI_MAG0..3]).</summary>
    private const uint ElfMagic = 0x7F454C46;

    /// <summary>Mach-O 32 and 64-bit, each in both byte orders (mach-o/loader.h MH_MAGIC, MH_MAGIC_64, MH_CIGAM, MH_CIGAM_64).</summary>
    private const uint MachO32 = 0xFEEDFACE;
    private const uint MachO64 = 0xFEEDFACF;
    private const uint MachO32Swapped = 0xCEFAEDFE;
    private const uint MachO64Swapped = 0xCFFAEDFE;

    /// <summary>Fat (universal) Mach-O, mach-o/fat.h FAT_MAGIC, followed by nfat_arch big-endian; Java class files share it.</summary>
    private const uint FatMagic = 0xCAFEBABE;

    /// <summary>Whether a file starting with <paramref name="head"/> (its first bytes, or all of a shorter file) is a program.</summary>
    public static bool IsExecutable(ReadOnlySpan<byte> head)
    {
        if (head.Length < 2)
        {
            return false;
        }

        if (head[0] == (byte)'#' && head[1] == (byte)'!')
        {
            return true;
        }

        if (head.Length < 4)
        {
            return false;
        }

        var magic = BinaryPrimitives.ReadUInt32BigEndian(head);
        return magic switch
        {
            ElfMagic or MachO32 or MachO64 or MachO32Swapped or MachO64Swapped => true,
            FatMagic => head.Length >= 8 && BinaryPrimitives.ReadUInt32BigEndian(head[4..]) is > 0 and < MaxFatArchitectures,
            _ => false,
        };
    }

    /// <summary>
    /// Reads the first bytes of <paramref name="localPath"/> and tells: open (on Linux by its name in
    /// <paramref name="folders"/>' open folder), one positional read, close, and no other system call. A file
    /// that cannot be read fails as the writer would (DM2005, DM2006).
    /// </summary>
    public static bool Probe(string localPath, SourceFolderCache? folders = null)
    {
        Span<byte> head = stackalloc byte[ProbeLength];
        using var input = SourceFileReader.Open(localPath, folders);
        // A regular file gives all it has up to the length asked for in one read.
        var done = input.Read(head, 0);
        return IsExecutable(head[..done]);
    }

    /// <summary>Tells from the first bytes of a file already open: one positional read.</summary>
    public static bool Probe(SafeFileHandle input)
    {
        Span<byte> head = stackalloc byte[ProbeLength];
        return IsExecutable(head[..RandomAccess.Read(input, head, 0)]);
    }
}
