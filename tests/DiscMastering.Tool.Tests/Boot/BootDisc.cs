using DiscMastering.Tool.Tests.TestSupport;

namespace DiscMastering.Tool.Tests.Boot;

/// <summary>
/// A bootable disc: the files of its tree (disc path to local file), the disc paths of its boot images, and
/// whether the image is also a disk (protective MBR + GPT whose EFI System Partition is the EFI boot image).
/// </summary>
public sealed record BootDisc(IReadOnlyDictionary<string, string> Files, string BiosBoot, string EfiBoot, bool Hybrid)
{
    /// <summary>Masters the disc into <paramref name="folder"/>/disc.iso with this tool or with xorriso.</summary>
    public string Master(Mastering by, string folder)
    {
        var source = Path.Combine(folder, "source");
        foreach (var (discPath, file) in Files)
        {
            var target = Path.Combine([source, .. discPath.Split('/')]);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var image = Path.Combine(folder, "disc.iso");
        if (by == Mastering.Discmaster)
        {
            List<string> arguments = ["image", source, "-o", image, "--progress", "none", "--bios-boot", BiosBoot, "--efi-boot", EfiBoot];
            if (Hybrid)
            {
                arguments.Add("--hybrid");
            }

            Discmaster.Managed.Run(arguments, new Dictionary<string, string?> { ["SOURCE_DATE_EPOCH"] = "1700000000" }).AssertSucceeded();
        }
        else
        {
            // The same boot options as the tool's: a BIOS entry with a boot-info table, then an EFI entry in a
            // section of its own; the hybrid's GPT partition is the EFI image itself, inside the ISO 9660 tree.
            List<string> arguments =
            [
                "-as", "mkisofs", "-o", image, "-J", "-c", "boot.catalog",
                "-b", BiosBoot, "-no-emul-boot", "-boot-load-size", "4", "-boot-info-table",
                "-eltorito-alt-boot", "-e", EfiBoot, "-no-emul-boot",
            ];
            if (Hybrid)
            {
                arguments.AddRange(["--efi-boot-part", "--efi-boot-image", "--protective-msdos-label"]);
            }

            ExternalTool.Xorriso.RunChecked([.. arguments, source]);
        }

        return image;
    }
}
