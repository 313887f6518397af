using Xunit.Sdk;

namespace DiscMastering.Tool.Tests.Boot;

/// <summary>
/// The programs the boot tests build their payloads with and boot the images in, each from a Debian package.
/// A missing one fails the test with the package to install.
/// </summary>
internal static class BootTools
{
    public static readonly ExternalTool Nasm = new("nasm", "apt-get install nasm");
    public static readonly ExternalTool Qemu = new("qemu-system-x86_64", "apt-get install qemu-system-x86");
    public static readonly ExternalTool GrubMkimage = new("grub-mkimage", "apt-get install grub-common");
    public static readonly ExternalTool Mformat = new("mformat", "apt-get install mtools");
    public static readonly ExternalTool Mmd = new("mmd", "apt-get install mtools");
    public static readonly ExternalTool Mcopy = new("mcopy", "apt-get install mtools");
    public static readonly ExternalTool Mdir = new("mdir", "apt-get install mtools");
    public static readonly ExternalTool Sfdisk = new("/usr/sbin/sfdisk", "apt-get install fdisk");

    /// <summary>GRUB's modules for one platform (i386-pc, x86_64-efi): grub-mkimage builds its images from them.</summary>
    public static string GrubPlatform(string platform, string package)
    {
        var folder = Path.Combine("/usr/lib/grub", platform);
        return File.Exists(Path.Combine(folder, "kernel.img")) ? folder : throw new XunitException($"GRUB's {platform} modules not found in {folder}: apt-get install {package}");
    }

    /// <summary>OVMF's code and variable store templates (Debian's ovmf: the 4 MiB pair, or the older 2 MiB one).</summary>
    public static (string Code, string Variables) Ovmf()
    {
        foreach (var (code, variables) in new[] { ("OVMF_CODE_4M.fd", "OVMF_VARS_4M.fd"), ("OVMF_CODE.fd", "OVMF_VARS.fd") })
        {
            var codePath = Path.Combine("/usr/share/OVMF", code);
            var variablesPath = Path.Combine("/usr/share/OVMF", variables);
            if (File.Exists(codePath) && File.Exists(variablesPath))
            {
                return (codePath, variablesPath);
            }
        }

        throw new XunitException("OVMF (UEFI firmware for QEMU) not found in /usr/share/OVMF: apt-get install ovmf");
    }
}
