using DiscMastering.Imapi;
using DiscMastering.Imapi.ElTorito;
using DiscMastering.Imapi.Iso9660;
using DiscMastering.Imapi.Iso9660.RockRidge;
using DiscMastering.Imapi.Media;
using DiscMastering.Imapi.Sources;
using McMaster.Extensions.CommandLineUtils;

namespace DiscMastering.Tool.Commands;

/// <summary>The options that shape an image, shared by the commands that master one (<c>image</c>, <c>burn</c>).</summary>
internal abstract class MasteringCommandBase(ToolContext context) : CommandBase(context)
{
    /// <summary>The label when neither -V nor a preset gives one.</summary>
    private const string DefaultVolumeLabel = "CDROM";

    /// <summary>The --preset name of a cloud-init NoCloud seed.</summary>
    private const string CloudInitPreset = "cloud-init";

    [Option("-V|--volume-label <LABEL>", Description = "Volume label, at most 16 characters (Joliet's limit; Windows shows it). Default: CDROM (cidata with --preset cloud-init).")]
    public string? VolumeLabel { get; init; }

    [Option("--exclude <GLOB>", Description = "Leave disc paths matching GLOB off the disc (repeatable): * within a name, ? one character, ** any depth (**/*.pdb), a trailing / or a folder's name takes the folder and its contents. Case-sensitive.")]
    public string[] Exclude { get; init; } = [];

    [Option("--preset <NAME>", Description = "cloud-init: a NoCloud seed disc, labelled cidata, that must hold user-data and meta-data at its root.")]
    [AllowedValues(CloudInitPreset, IgnoreCase = true)]
    public string? Preset { get; init; }

    [Option("--publisher <TEXT>", Description = "Publisher recorded in the volume descriptors.")]
    public string Publisher { get; init; } = "";

    [Option("--application-id <TEXT>", Description = "Application recorded in the volume descriptors. Default: DISCMASTERING.")]
    public string ApplicationId { get; init; } = "DISCMASTERING";

    [Option("--media <MEDIA>", Description = "Fail before writing if the image will not fit: cd74, cd80, dvd5, dvd9, dl, bd25, or a size such as 64M or 4.7G.")]
    public string? Media { get; init; }

    [Option("--joliet-long", Description = "Allow Joliet names up to 103 characters (the specification says 64; most readers accept more).")]
    public bool JolietLong { get; init; }

    [Option("--bios-boot <DISC_PATH>", Description = "Make the disc boot on BIOS: the El Torito no-emulation boot image, a file of the mastered tree named by its disc path (boot/grub/i386-pc/eltorito.img, isolinux/isolinux.bin).")]
    public string? BiosBoot { get; init; }

    [Option("--boot-load-size <SECTORS>", Description = "512-byte sectors the BIOS loads from the --bios-boot image, 1 to 65535. Default: 4.")]
    public int BootLoadSize { get; init; } = BootOptions.DefaultLoadSize;

    [Option("--no-boot-info-table", Description = "Leave the --bios-boot image's copy on the disc as it is; by default bytes 8-63 get mkisofs' boot-info table (the source file is never changed).")]
    public bool NoBootInfoTable { get; init; }

    [Option("--efi-boot <DISC_PATH>", Description = "Make the disc boot on UEFI: an EFI System Partition image (FAT, holding EFI/BOOT/BOOTX64.EFI), a file of the mastered tree named by its disc path.")]
    public string? EfiBoot { get; init; }

    [Option("--boot-catalog <NAME>", Description = "The El Torito boot catalog's file name at the disc's root. Default: boot.catalog.")]
    public string BootCatalog { get; init; } = BootOptions.DefaultCatalogName;

    [Option("--hybrid", Description = "Also make the image a disk: a protective MBR and a GPT whose EFI System Partition is the --efi-boot image, so the image written to a USB stick boots under UEFI. Needs --efi-boot.")]
    public bool Hybrid { get; init; }

    [Option("--hybrid-mbr <FILE>", Description = "BIOS boot code for the hybrid MBR: 432 or 446 bytes, or a 512-byte isohdpfx.bin-style MBR (its first 432 bytes), as xorriso's -isohybrid-mbr. Needs --hybrid.")]
    public string? HybridMbr { get; init; }

    [Option("--no-rock-ridge", Description = "Leave Rock Ridge out of the primary tree. By default it records exact names (case, length, any character) and POSIX modes, which Linux and macOS show: folders and programs (ELF, Mach-O, #! scripts) r-xr-xr-x, other files r--r--r--.")]
    public bool NoRockRidge { get; init; }

    [Option("--file-mode <RULE>", Description = "GLOB=OCTAL: Rock Ridge permissions for files and folders whose disc paths match GLOB (repeatable; the last matching rule wins), instead of the ones their content gives: **/*.sh=755, bin/tool=700. GLOB as for --exclude; OCTAL up to 7777.")]
    public string[] FileModeRules { get; init; } = [];

    [Option("--udf", Description = "Add a UDF 1.02 file system beside ISO 9660 and Joliet (a UDF bridge disc), for DVD and Blu-ray media and for files of 4 GiB and more, which UDF holds whole (ISO 9660 then records them in several extents). Adds about 240 blocks (480 KB) and a block per file and per folder.")]
    public bool Udf { get; init; }

    [Option("--progress <MODE>", Description = "auto (a bar on a terminal, plain lines otherwise), bar, plain, json (one object per line, for programs) or none.")]
    [AllowedValues("auto", "bar", "plain", "json", "none", IgnoreCase = true)]
    public string ProgressMode { get; init; } = "auto";

    protected MasteringOptions CreateOptions()
    {
        var preset = string.Equals(Preset, CloudInitPreset, StringComparison.OrdinalIgnoreCase) ? MasteringPreset.CloudInit : MasteringPreset.None;
        return new()
        {
            VolumeLabel = ResolveVolumeLabel(preset),
            Publisher = Publisher,
            ApplicationId = ApplicationId,
            JolietLongNames = JolietLong,
            CapacityBlocks = Media is null ? null : MediaCapacity.Parse(Media),
            SourceDateEpoch = MasteringOptions.ReadSourceDateEpoch(),
            Exclude = Exclude,
            Preset = preset,
            RockRidge = !NoRockRidge,
            FileModes = FileModeRules.Select(FileModeRule.Parse).ToList(),
            Boot = CreateBootOptions(),
            Udf = Udf,
        };
    }

    /// <summary>The boot settings; null when no boot option is given, so a plain disc stays as it was.</summary>
    private BootOptions? CreateBootOptions()
    {
        var any = BiosBoot is not null || EfiBoot is not null || Hybrid || HybridMbr is not null;
        return !any ? null : new BootOptions
        {
            BiosBootPath = BiosBoot,
            BootLoadSize = BootLoadSize,
            BootInfoTable = !NoBootInfoTable,
            EfiBootPath = EfiBoot,
            CatalogName = BootCatalog,
            Hybrid = Hybrid,
            HybridMbrPath = HybridMbr,
        };
    }

    /// <summary>NoCloud finds its seed by the label alone, so the preset fixes it rather than let -V break the seed.</summary>
    private string ResolveVolumeLabel(MasteringPreset preset)
    {
        if (preset != MasteringPreset.CloudInit)
        {
            return VolumeLabel ?? DefaultVolumeLabel;
        }

        if (VolumeLabel is not null && !CloudInitSeed.IsSeedLabel(VolumeLabel))
        {
            throw new DiscMasteringException(
                DiscMasteringError.InvalidArguments,
                $"--preset cloud-init makes the label '{CloudInitSeed.VolumeLabel}', which cloud-init looks for, but --volume-label says '{VolumeLabel}'; leave --volume-label out.");
        }

        return VolumeLabel ?? CloudInitSeed.VolumeLabel;
    }

    protected static List<DiscSource> ParseSources(IEnumerable<string> sources) => sources.Select(DiscSource.Parse).ToList();
}
