using System.Text.Json;
using Xunit.Abstractions;

namespace DiscMastering.Tool.Tests.Boot;

/// <summary>
/// Images that boot: each disc is booted in QEMU (software emulation) from its CD-ROM drive, under SeaBIOS and
/// under OVMF, until its payload's marker shows on the serial port. Each is mastered by this tool and, as the
/// control that shows the payloads and the machines work, by xorriso with the same options.
/// </summary>
[Collection(BootCollection.Name)]
[Trait("Category", "Boot")]
public sealed class BootTests(BootPayloads payloads, ITestOutputHelper output) : IDisposable
{
    /// <summary>The EFI System Partition's type GUID (UEFI 2.10 5.3.3, table 5-7), as sfdisk prints it.</summary>
    private const string EspType = "C12A7328-F81F-11D2-BA4B-00A0C93EC93B";

    /// <summary>SeaBIOS reaches a CD's boot image within a second; OVMF under TCG takes seconds, more on a busy machine.</summary>
    private static readonly TimeSpan s_seaBiosTimeout = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan s_ovmfTimeout = TimeSpan.FromSeconds(90);

    private readonly TempDirectory _temp = new("dm-boot-test-");

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(Mastering.Discmaster)]
    [InlineData(Mastering.Xorriso)]
    public void HybridDiscBootsItsBiosImageUnderSeaBios(Mastering by) =>
        Boot(MarkerDisc().Master(by, _temp.Path), Firmware.SeaBios, BootPayloads.BiosMarker, by);

    [Theory]
    [InlineData(Mastering.Discmaster)]
    [InlineData(Mastering.Xorriso)]
    public void HybridDiscBootsItsEfiImageUnderOvmf(Mastering by) =>
        Boot(MarkerDisc().Master(by, _temp.Path), Firmware.Ovmf, BootPayloads.UefiMarker, by);

    /// <summary>
    /// OVMF boots an El Torito image attached as a disk as well, so a disk boot would not prove the hybrid:
    /// the partition table itself must lead to the EFI System Partition and its EFI program.
    /// </summary>
    [Theory]
    [InlineData(Mastering.Discmaster)]
    [InlineData(Mastering.Xorriso)]
    public void HybridDiscPartitionTableLeadsToItsEfiSystemPartition(Mastering by)
    {
        var image = MarkerDisc().Master(by, _temp.Path);

        var table = JsonDocument.Parse(BootTools.Sfdisk.RunChecked(["--json", image]).StdOut).RootElement.GetProperty("partitiontable");
        Assert.Equal("gpt", table.GetProperty("label").GetString());
        Assert.Equal(512, table.GetProperty("sectorsize").GetInt32());
        var esp = Assert.Single(table.GetProperty("partitions").EnumerateArray(), p => p.GetProperty("type").GetString() == EspType);
        var offset = esp.GetProperty("start").GetInt64() * 512;
        var length = esp.GetProperty("size").GetInt64() * 512;

        var espImage = File.ReadAllBytes(payloads.UefiMarkerEsp);
        Assert.True(length >= espImage.Length, $"the EFI System Partition is {length} bytes, its image {espImage.Length}");
        Assert.Equal(espImage, ReadAt(image, offset, espImage.Length));
        var fat = $"{image}@@{offset}";
        Assert.Contains("BOOTX64  EFI", BootTools.Mdir.RunChecked(["-i", fat, "::/EFI/BOOT"]).StdOut);
        var program = _temp.Combine("BOOTX64.EFI");
        BootTools.Mcopy.RunChecked(["-n", "-i", fat, "::/EFI/BOOT/BOOTX64.EFI", program]);
        Assert.Equal(File.ReadAllBytes(payloads.UefiMarkerProgram), File.ReadAllBytes(program));
    }

    [Theory]
    [InlineData(Mastering.Discmaster)]
    [InlineData(Mastering.Xorriso)]
    public void GrubReadsItsConfigurationFromTheDiscUnderSeaBios(Mastering by) =>
        Boot(GrubDisc().Master(by, _temp.Path), Firmware.SeaBios, BootPayloads.GrubMarker, by);

    [Theory]
    [InlineData(Mastering.Discmaster)]
    [InlineData(Mastering.Xorriso)]
    public void GrubReadsItsConfigurationFromTheDiscUnderOvmf(Mastering by) =>
        Boot(GrubDisc().Master(by, _temp.Path), Firmware.Ovmf, BootPayloads.GrubMarker, by);

    /// <summary>The marker payloads, BIOS and UEFI, on a hybrid disc.</summary>
    private BootDisc MarkerDisc() => new(
        new Dictionary<string, string>
        {
            ["boot/bios.img"] = payloads.BiosMarkerImage,
            ["boot/efi.img"] = payloads.UefiMarkerEsp,
        },
        BiosBoot: "boot/bios.img",
        EfiBoot: "boot/efi.img",
        Hybrid: true);

    /// <summary>GRUB for both firmwares, laid out as grub-mkrescue does, with its configuration on the disc.</summary>
    private BootDisc GrubDisc() => new(
        new Dictionary<string, string>
        {
            ["boot/grub/i386-pc/eltorito.img"] = payloads.GrubBiosImage,
            ["boot/grub/efi.img"] = payloads.GrubEsp,
            ["boot/grub/grub.cfg"] = payloads.GrubConfigFile,
        },
        BiosBoot: "boot/grub/i386-pc/eltorito.img",
        EfiBoot: "boot/grub/efi.img",
        Hybrid: true);

    private void Boot(string image, Firmware firmware, string marker, Mastering by)
    {
        var run = new QemuMachine(firmware, _temp.Path).BootFromCdrom(image, marker, firmware == Firmware.Ovmf ? s_ovmfTimeout : s_seaBiosTimeout);
        output.WriteLine($"{firmware} booted the image mastered by {by} to '{marker}' in {run.Elapsed.TotalSeconds:F1} s");
    }

    private static byte[] ReadAt(string path, long offset, int count)
    {
        using var file = File.OpenRead(path);
        file.Position = offset;
        var bytes = new byte[count];
        file.ReadExactly(bytes);
        return bytes;
    }
}
