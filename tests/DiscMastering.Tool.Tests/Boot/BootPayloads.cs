namespace DiscMastering.Tool.Tests.Boot;

/// <summary>
/// What the boot tests put on their discs, built once from Debian's packages into a temporary folder: a BIOS
/// boot image and an EFI program that each print a marker on COM1, and GRUB for both firmwares, whose
/// configuration (printing GRUB's marker) is a file on the disc itself, so GRUB must read the ISO 9660 tree.
/// </summary>
public sealed class BootPayloads : IDisposable
{
    public const string BiosMarker = "DISCMASTER-BIOS-OK";
    public const string UefiMarker = "DISCMASTER-UEFI-OK";
    public const string GrubMarker = "DISCMASTER-GRUB-OK";

    /// <summary>
    /// A no-emulation boot image: the BIOS loads it at 0000:7C00 (El Torito 1.0, 3.0 and 5.3). It jumps over
    /// bytes 8-63, where the boot-info table goes (mkisofs' -boot-info-table), sends the marker to COM1's
    /// transmit register whenever the line status says it is empty (16550: port 0x3F8, status 0x3FD bit 5),
    /// and halts. SeaBIOS has set up the UART already. 2048 bytes: one CD sector.
    /// </summary>
    private const string BiosMarkerSource = $"""
        bits 16
        org 0x7c00
            jmp short main
            nop
            times 64 - ($ - $$) db 0
        main:
            cli
            xor ax, ax
            mov ds, ax
            mov si, text
        next:
            mov dx, 0x3fd
        busy:
            in al, dx
            test al, 0x20
            jz busy
            lodsb
            test al, al
            jz done
            mov dx, 0x3f8
            out dx, al
            jmp next
        done:
            hlt
            jmp done
        text:
            db '{BiosMarker}', 13, 10, 0
            times 2048 - ($ - $$) db 0
        """;

    /// <summary>GRUB's early configuration, built into the EFI program: serial only, as OVMF mirrors its console to COM1 too.</summary>
    private const string UefiMarkerConfig = $"""
        serial --unit=0 --speed=115200
        terminal_output serial
        echo {UefiMarker}
        halt
        """;

    /// <summary>The disc's own /boot/grub/grub.cfg.</summary>
    private const string GrubConfig = $"""
        serial --unit=0 --speed=115200
        terminal_output serial
        echo {GrubMarker}
        halt
        """;

    /// <summary>Built into GRUB's EFI program, which starts from the ESP image: find the disc's configuration and run it.</summary>
    private const string GrubEfiConfig = """
        search --no-floppy --file /boot/grub/grub.cfg --set=root
        set prefix=($root)/boot/grub
        configfile ($root)/boot/grub/grub.cfg
        """;

    /// <summary>grub-mkimage's prefix for the BIOS image: with no device named, GRUB looks on the drive it booted from.</summary>
    private const string GrubPrefix = "/boot/grub";

    private readonly TempDirectory _temp = new("dm-boot-");

    public BootPayloads()
    {
        // A missing tool fails the constructor, which xunit never disposes: leave no folder behind.
        try
        {
            BootTools.GrubPlatform("i386-pc", "grub-pc-bin");
            BootTools.GrubPlatform("x86_64-efi", "grub-efi-amd64-bin");

            var biosSource = _temp.WriteFile("bios-marker.asm", BiosMarkerSource);
            BiosMarkerImage = _temp.Combine("bios-marker.img");
            BootTools.Nasm.RunChecked(["-f", "bin", "-o", BiosMarkerImage, biosSource]);

            UefiMarkerProgram = _temp.Combine("uefi-marker.efi");
            BootTools.GrubMkimage.RunChecked(
                ["-O", "x86_64-efi", "-p", "/EFI/BOOT", "-c", _temp.WriteFile("uefi-marker.cfg", UefiMarkerConfig), "-o", UefiMarkerProgram,
                 "serial", "terminal", "echo", "halt"]);
            UefiMarkerEsp = MakeEsp(UefiMarkerProgram, "uefi-marker-esp.img");

            GrubBiosImage = _temp.Combine("grub-eltorito.img");
            BootTools.GrubMkimage.RunChecked(
                ["-O", "i386-pc-eltorito", "-p", GrubPrefix, "-o", GrubBiosImage,
                 "biosdisk", "iso9660", "normal", "configfile", "echo", "serial", "terminal", "halt"]);
            GrubEfiProgram = _temp.Combine("grub.efi");
            BootTools.GrubMkimage.RunChecked(
                ["-O", "x86_64-efi", "-p", GrubPrefix, "-c", _temp.WriteFile("grub-efi.cfg", GrubEfiConfig), "-o", GrubEfiProgram,
                 "iso9660", "part_gpt", "part_msdos", "fat", "search", "search_fs_file", "normal", "configfile", "echo", "serial", "terminal", "halt"]);
            GrubEsp = MakeEsp(GrubEfiProgram, "grub-esp.img");
            GrubConfigFile = _temp.WriteFile("grub.cfg", GrubConfig);
        }
        catch
        {
            _temp.Dispose();
            throw;
        }
    }

    /// <summary>The 2048-byte BIOS boot image that prints <see cref="BiosMarker"/>.</summary>
    public string BiosMarkerImage { get; }

    /// <summary>The EFI program that prints <see cref="UefiMarker"/>; <see cref="UefiMarkerEsp"/> holds it as EFI/BOOT/BOOTX64.EFI.</summary>
    public string UefiMarkerProgram { get; }

    public string UefiMarkerEsp { get; }

    /// <summary>GRUB's El Torito core image (i386-pc-eltorito), which needs the boot-info table to load itself whole.</summary>
    public string GrubBiosImage { get; }

    /// <summary>GRUB's EFI program; <see cref="GrubEsp"/> holds it as EFI/BOOT/BOOTX64.EFI.</summary>
    public string GrubEfiProgram { get; }

    public string GrubEsp { get; }

    /// <summary>The configuration that goes on the disc as /boot/grub/grub.cfg and prints <see cref="GrubMarker"/>.</summary>
    public string GrubConfigFile { get; }

    public void Dispose() => _temp.Dispose();

    /// <summary>
    /// A FAT image as small as holds the program as EFI/BOOT/BOOTX64.EFI, the removable-media path
    /// (UEFI 2.10 3.5.1.1), with 64 KiB to spare for FAT12's tables and directories.
    /// </summary>
    private string MakeEsp(string program, string name)
    {
        const int SectorsPerTrack = 32;
        const int Heads = 2;
        var sectors = (new FileInfo(program).Length + (64 << 10) + 511) / 512;
        var cylinders = (sectors + SectorsPerTrack * Heads - 1) / (SectorsPerTrack * Heads);
        var esp = _temp.Combine(name);
        BootTools.Mformat.RunChecked(["-i", esp, "-C", "-T", (cylinders * SectorsPerTrack * Heads).ToString(), "-h", Heads.ToString(), "-s", SectorsPerTrack.ToString(), "::"]);
        BootTools.Mmd.RunChecked(["-i", esp, "::/EFI", "::/EFI/BOOT"]);
        BootTools.Mcopy.RunChecked(["-i", esp, program, "::/EFI/BOOT/BOOTX64.EFI"]);
        return esp;
    }
}
