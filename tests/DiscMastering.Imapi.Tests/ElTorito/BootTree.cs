using System.Buffers.Binary;
using DiscMastering.Imapi.ElTorito;
using DiscMastering.Imapi.Iso9660;
using DiscMastering.Imapi.Sources;

namespace DiscMastering.Imapi.Tests.ElTorito;

/// <summary>
/// A source tree with boot images of its own making: a BIOS image whose bytes are a known pattern, an EFI
/// System Partition image made by mtools (FAT12, holding EFI/BOOT/BOOTX64.EFI), and files before and after them.
/// </summary>
internal sealed class BootTree : IDisposable
{
    public const string BiosPath = "boot/bios.img";
    public const string EfiPath = "boot/efi.img";
    public const string EfiBinaryContent = "not really a PE image, but read back through the partition";

    private readonly TempDirectory _temp = new("dm-boot-");

    public BootTree(int biosLength = 2048)
    {
        Source = _temp.CreateDirectory("source");
        Directory.CreateDirectory(Path.Combine(Source, "boot"));
        File.WriteAllText(Path.Combine(Source, "aaa.txt"), "first");
        BiosImage = Path.Combine(Source, "boot", "bios.img");
        File.WriteAllBytes(BiosImage, Pattern(biosLength));
        EfiImage = Path.Combine(Source, "boot", "efi.img");
        MakeEfiImage(EfiImage, _temp.Combine("BOOTX64.EFI"));
        Directory.CreateDirectory(Path.Combine(Source, "zz"));
        File.WriteAllBytes(Path.Combine(Source, "zz", "after.bin"), Pattern(70_000));
        Output = _temp.CreateDirectory("out");
    }

    public string Source { get; }

    public string Output { get; }

    public string BiosImage { get; }

    public string EfiImage { get; }

    public IReadOnlyList<DiscSource> Sources => [new DiscSource("", Source)];

    public string Combine(params string[] parts) => _temp.Combine(parts);

    /// <summary>Options with every boot feature on, under a fixed SOURCE_DATE_EPOCH.</summary>
    public static MasteringOptions Options(BootOptions boot, string label = "BOOTTEST") => new()
    {
        VolumeLabel = label,
        SourceDateEpoch = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000),
        Boot = boot,
    };

    public static BootOptions Full(string? hybridMbr = null) => new()
    {
        BiosBootPath = BiosPath,
        EfiBootPath = "/" + EfiPath,
        Hybrid = true,
        HybridMbrPath = hybridMbr,
    };

    /// <summary>Bytes whose every 32-bit word differs, none zero, so a wrong offset or sum shows.</summary>
    public static byte[] Pattern(int length)
    {
        var bytes = new byte[length];
        for (var i = 0; i + 4 <= length; i += 4)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i), (uint)(i * 2654435761L) | 1);
        }

        return bytes;
    }

    /// <summary>What mkisofs' -boot-info-table sums: the 32-bit little-endian words of the file from offset 64.</summary>
    public static uint BootInfoChecksum(byte[] file)
    {
        uint sum = 0;
        for (var i = 64; i < file.Length; i += 4)
        {
            sum += BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(i));
        }

        return sum;
    }

    public void Dispose() => _temp.Dispose();

    private static void MakeEfiImage(string image, string binary)
    {
        File.WriteAllText(binary, EfiBinaryContent);
        ExternalTool.Mformat.RunChecked(["-C", "-f", "1440", "-i", image, "::"]);
        ExternalTool.Mmd.RunChecked(["-i", image, "::EFI", "::EFI/BOOT"]);
        ExternalTool.Mcopy.RunChecked(["-i", image, binary, "::EFI/BOOT/BOOTX64.EFI"]);
    }
}
