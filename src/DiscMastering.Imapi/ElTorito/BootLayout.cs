using DiscMastering.Imapi.Iso9660;

namespace DiscMastering.Imapi.ElTorito;

/// <summary>
/// Where the El Torito structures of an image lie: the boot record descriptor, the catalog's block and the
/// boot images it names (files of the tree, at the blocks the layout gave them), and the hybrid GPT if any.
/// </summary>
internal sealed class BootLayout
{
    private BootLayout(BootOptions options, uint bootRecordBlock, uint catalogBlock, DiscFile catalog, BootImage? bios, BootImage? efi)
    {
        Options = options;
        BootRecordBlock = bootRecordBlock;
        CatalogBlock = catalogBlock;
        Catalog = catalog;
        Bios = bios;
        Efi = efi;
        Images = new[] { bios, efi }.OfType<BootImage>().ToArray();
    }

    public BootOptions Options { get; }

    public uint BootRecordBlock { get; }

    public uint CatalogBlock { get; }

    /// <summary>The catalog as a file of both trees, pointing at <see cref="CatalogBlock"/>.</summary>
    public DiscFile Catalog { get; }

    public BootImage? Bios { get; }

    public BootImage? Efi { get; }

    /// <summary>The catalog's images in order: the BIOS one (the default entry) first, as xorriso orders them.</summary>
    public IReadOnlyList<BootImage> Images { get; }

    /// <summary>The protective MBR and GPTs, when <see cref="BootOptions.Hybrid"/>.</summary>
    public HybridDisk? Hybrid { get; private set; }

    /// <summary>Finds the boot images in the tree and checks what can be checked without reading them.</summary>
    public static BootLayout Create(DiscTree tree, BootOptions options, uint bootRecordBlock, uint catalogBlock, uint[] fileExtents)
    {
        var catalog = tree.Root.Find(options.CatalogName) as DiscFile
            ?? throw new InvalidOperationException("the tree builder adds the boot catalog to a bootable tree.");
        BootImage? bios = null;
        if (options.BiosBootPath is { } biosPath)
        {
            var file = FindImage(tree, biosPath, "--bios-boot");
            // Any length loads (the block's padding is zeros): GRUB's eltorito.img is no multiple of 512 bytes, and
            // xorriso takes it. The boot-info table needs the 64 bytes it is written into.
            var minimum = options.BootInfoTable ? BootInfoTable.ChecksumStart : 1;
            if (file.Length < minimum)
            {
                throw new DiscMasteringException(
                    DiscMasteringError.BiosBootImageInvalid,
                    $"the BIOS boot image '{file.DiscPath}' ({file.LocalPath}) is {file.Length:N0} bytes; a no-emulation boot image holds at least {minimum} bytes{(options.BootInfoTable ? " (the boot-info table is written into bytes 8-63)" : "")}. Name the boot loader's El Torito image (such as GRUB's eltorito.img or isolinux.bin).");
            }

            bios = new BootImage(BootPlatform.X86, file, fileExtents[file.Index], (ushort)options.BootLoadSize);
        }

        BootImage? efi = null;
        if (options.EfiBootPath is { } efiPath)
        {
            var file = FindImage(tree, efiPath, "--efi-boot");
            if (file.Length < EfiSystemPartitionImage.MinimumLength)
            {
                throw EfiSystemPartitionImage.NotFat(file, $"it is {file.Length:N0} bytes, too short for a FAT boot sector");
            }

            efi = new BootImage(BootPlatform.Efi, file, fileExtents[file.Index], EfiSectorCount(file.Length));
        }

        return new BootLayout(options, bootRecordBlock, catalogBlock, catalog, bios, efi);
    }

    /// <summary>Places the hybrid GPT once the volume's size is known.</summary>
    public void PlaceHybrid(string volumeLabel, uint volumeBlocks, uint backupBlocks)
    {
        if (Options.Hybrid && Efi is { } efi)
        {
            Hybrid = HybridDisk.Create(volumeLabel, volumeBlocks, backupBlocks, efi, Bios);
        }
    }

    /// <summary>
    /// The sector count recorded for the EFI image: its 512-byte sectors when they fit in 16 bits, as xorriso
    /// records them; else 1, which UEFI firmware reads as "up to the end of the volume" (edk2 takes any count below 2 so).
    /// </summary>
    internal static ushort EfiSectorCount(long length)
    {
        var sectors = (length + BootCatalog.SectorSize - 1) / BootCatalog.SectorSize;
        return sectors <= ushort.MaxValue ? (ushort)sectors : (ushort)1;
    }

    /// <summary>The file or folder at a disc path (as the Joliet tree shows it; a leading '/' is optional); null if none.</summary>
    internal static DiscFile? Find(DiscTree tree, string discPath) => FindNode(tree, discPath) is DiscFile { IsMetadata: false } file ? file : null;

    private static DiscNode? FindNode(DiscTree tree, string discPath)
    {
        DiscNode? node = tree.Root;
        foreach (var segment in discPath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            node = (node as DiscDirectory)?.Find(segment);
        }

        return node;
    }

    private static DiscFile FindImage(DiscTree tree, string discPath, string option)
    {
        var node = FindNode(tree, discPath);
        return node is DiscFile { IsMetadata: false } file
            ? file
            : throw new DiscMasteringException(
                DiscMasteringError.BootImageNotFound,
                $"the boot image '{discPath}' given to {option} is {(node is DiscDirectory ? "a folder" : "not a file")} on the disc; name a file of the mastered tree by its disc path (such as boot/grub/i386-pc/eltorito.img), and check that no --exclude leaves it out.");
    }
}
