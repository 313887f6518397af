using System.Buffers.Binary;

namespace DiscMastering.Imapi.Tests.TestSupport;

/// <summary>
/// Images made by genisoimage and xorriso, with Rock Ridge, El Torito and hybrid partition tables, so the
/// reader is checked against writers nobody here wrote; and the byte patches that damage them.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal static class ReferenceImages
{
    public static readonly ExternalTool Genisoimage = new("genisoimage", "apt-get install genisoimage");
    public static readonly ExternalTool MFormat = new("mformat", "apt-get install mtools");
    public static readonly ExternalTool Sfdisk = new("sfdisk", "apt-get install fdisk");

    /// <summary>A name of 200 bytes: with its PX and TF entries it cannot fit a directory record, so genisoimage continues it in a CE area.</summary>
    public static readonly string LongName = "A long Name " + new string('x', 184) + ".txt";

    /// <summary>Ten folders deep: genisoimage -R relocates the ninth level and below into rr_moved (ECMA-119 6.8.2.1 allows 8 levels).</summary>
    public const string DeepFolder = "d1/d2/d3/d4/d5/d6/d7/d8/d9/d10";

    /// <summary>
    /// Writes the Rock Ridge test tree into <paramref name="folder"/>: a mixed-case name, a 200-byte name, an
    /// executable, a read-only file, a symbolic link and a folder ten levels deep with a file in it.
    /// </summary>
    public static void WriteRockRidgeTree(string folder)
    {
        Directory.CreateDirectory(Path.Combine(folder, DeepFolder));
        File.WriteAllText(Path.Combine(folder, "MixedCase Name.Txt"), "mixed");
        File.WriteAllText(Path.Combine(folder, LongName), "long");
        File.WriteAllText(Path.Combine(folder, "run.sh"), "#!/bin/sh\necho run\n");
        File.SetUnixFileMode(Path.Combine(folder, "run.sh"), (UnixFileMode)0b111_101_101);
        File.WriteAllText(Path.Combine(folder, "readonly.txt"), "read only");
        File.SetUnixFileMode(Path.Combine(folder, "readonly.txt"), (UnixFileMode)0b100_100_100);
        File.WriteAllText(Path.Combine(folder, DeepFolder, "deep.txt"), "deep down");
        File.CreateSymbolicLink(Path.Combine(folder, "link"), "d1/d2/../d2/d3");
    }

    /// <summary>genisoimage -R (Rock Ridge with the files' own modes, no Joliet) of <paramref name="source"/>.</summary>
    public static string MakeGenisoimageRockRidge(string source, string image)
    {
        Genisoimage.RunChecked(["-quiet", "-R", "-input-charset", "utf-8", "-o", image, source]);
        return image;
    }

    /// <summary>xorriso -as mkisofs -R -J: both Joliet and Rock Ridge.</summary>
    public static string MakeXorrisoRockRidgeJoliet(string source, string image)
    {
        ExternalTool.Xorriso.RunChecked(["-as", "mkisofs", "-R", "-J", "-o", image, source]);
        return image;
    }

    /// <summary>
    /// A BIOS and EFI bootable hybrid image: boot.img (2,048 bytes, no emulation, boot-info table) as the
    /// default entry, efi.img (a FAT floppy image made by mformat) in an EFI section, an isohybrid MBR and a GPT.
    /// </summary>
    public static string MakeElToritoHybrid(string folder, string image)
    {
        var source = Directory.CreateDirectory(Path.Combine(folder, "boot-source")).FullName;
        File.WriteAllBytes(Path.Combine(source, "boot.img"), Enumerable.Range(0, 2048).Select(i => (byte)(i * 7)).ToArray());
        MFormat.RunChecked(["-C", "-f", "1440", "-i", Path.Combine(source, "efi.img"), "::"]);
        File.WriteAllText(Path.Combine(source, "readme.txt"), "bootable");
        var mbr = Path.Combine(folder, "isohybrid-mbr.bin");
        File.WriteAllBytes(mbr, new byte[432]);
        ExternalTool.Xorriso.RunChecked([
            "-as", "mkisofs", "-R", "-J", "-o", image, "-isohybrid-mbr", mbr,
            "-b", "boot.img", "-no-emul-boot", "-boot-load-size", "4", "-boot-info-table",
            "-eltorito-alt-boot", "-e", "efi.img", "-no-emul-boot", "-isohybrid-gpt-basdat", source]);
        return image;
    }

    /// <summary>An EFI-only image whose boot image is appended as a GPT partition of type EFI System (xorriso -append_partition 0xef).</summary>
    public static string MakeAppendedEfi(string folder, string image)
    {
        var source = Directory.CreateDirectory(Path.Combine(folder, "efi-source")).FullName;
        File.WriteAllText(Path.Combine(source, "readme.txt"), "efi");
        var efi = Path.Combine(folder, "efi.img");
        MFormat.RunChecked(["-C", "-f", "1440", "-i", efi, "::"]);
        ExternalTool.Xorriso.RunChecked([
            "-as", "mkisofs", "-R", "-o", image, "-append_partition", "2", "0xef", efi, "-appended_part_as_gpt",
            "-e", "--interval:appended_partition_2:all::", "-no-emul-boot", source]);
        return image;
    }

    /// <summary>Every offset where <paramref name="pattern"/> occurs in the file.</summary>
    public static List<long> FindAll(string image, ReadOnlySpan<byte> pattern)
    {
        var bytes = File.ReadAllBytes(image);
        var found = new List<long>();
        var span = bytes.AsSpan();
        for (var start = 0; ;)
        {
            var at = span[start..].IndexOf(pattern);
            if (at < 0)
            {
                return found;
            }

            found.Add(start + at);
            start += at + 1;
        }
    }

    public static void Patch(string image, long offset, ReadOnlySpan<byte> bytes)
    {
        using var file = File.OpenHandle(image, FileMode.Open, FileAccess.ReadWrite);
        RandomAccess.Write(file, bytes, offset);
    }

    public static byte[] Read(string image, long offset, int length)
    {
        using var file = File.OpenHandle(image);
        var bytes = new byte[length];
        RandomAccess.Read(file, bytes, offset);
        return bytes;
    }

    /// <summary>A value in both byte orders (ECMA-119 7.3.3), as CE and CL entries carry their numbers.</summary>
    public static byte[] BothOrders(uint value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(4), value);
        return bytes;
    }

    /// <summary>Runs <paramref name="action"/> and fails if it takes longer than a damaged image ever should.</summary>
    public static T WithinSeconds<T>(int seconds, Func<T> action)
    {
        var task = Task.Run(action);
        Assert.True(task.Wait(TimeSpan.FromSeconds(seconds)), $"reading did not finish within {seconds} s: a hang on damaged input");
        return task.Result;
    }
}
