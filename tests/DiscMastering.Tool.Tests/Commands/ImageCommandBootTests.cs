using System.Text.Json;
using DiscMastering.Tool.Tests.TestSupport;

namespace DiscMastering.Tool.Tests.Commands;

/// <summary>The boot options of <c>image</c> (shared with <c>burn</c>): what readers see, and each mistake as its code.</summary>
public class ImageCommandBootTests : IDisposable
{
    private readonly TempTree _tree = new();

    private Discmaster Discmaster { get; }


    public ImageCommandBootTests()
        : this(Discmaster.Managed)
    {
    }

    protected ImageCommandBootTests(Discmaster discmaster)
    {
        Discmaster = discmaster;
        var bios = new byte[2048];
        for (var i = 0; i < bios.Length; i++)
        {
            bios[i] = (byte)(i * 7 + 1);
        }

        Directory.CreateDirectory(Path.Combine(_tree.Source, "boot", "grub", "i386-pc"));
        File.WriteAllBytes(Path.Combine(_tree.Source, "boot", "grub", "i386-pc", "eltorito.img"), bios);
        var binary = Path.Combine(_tree.Root, "BOOTX64.EFI");
        File.WriteAllText(binary, "efi binary");
        var efi = Path.Combine(_tree.Source, "boot", "grub", "efi.img");
        ExternalTool.Mformat.RunChecked(["-C", "-f", "1440", "-i", efi, "::"]);
        ExternalTool.Mmd.RunChecked(["-i", efi, "::EFI", "::EFI/BOOT"]);
        ExternalTool.Mcopy.RunChecked(["-i", efi, binary, "::EFI/BOOT/BOOTX64.EFI"]);
        _tree.File("readme.txt", "bootable");
    }

    public void Dispose() => _tree.Dispose();

    private static string[] BootArguments => ["--bios-boot", "boot/grub/i386-pc/eltorito.img", "--efi-boot", "/boot/grub/efi.img", "--hybrid"];

    [Fact]
    public void BiosEfiAndHybrid_BootRecordGptAndStandardOutputAgree()
    {
        var epoch = new Dictionary<string, string?> { ["SOURCE_DATE_EPOCH"] = "1700000000" };

        Discmaster.Run(["image", _tree.Source, "-o", _tree.Image, "--progress", "none", .. BootArguments], epoch).AssertSucceeded();
        var piped = Discmaster.RunBinary(["image", _tree.Source, "-o", "-", "--progress", "none", .. BootArguments], epoch);

        piped.AssertSucceeded();
        Assert.True(File.ReadAllBytes(_tree.Image).AsSpan().SequenceEqual(piped.Output), "the image written to standard output (the stream sink) equals the file");
        var catalog = ExternalTool.Xorriso.RunChecked(["-indev", _tree.Image, "-report_el_torito", "plain"]).StdOut;
        Assert.Matches(@"El Torito img path :\s+1\s+/boot/grub/i386-pc/eltorito.img", catalog);
        Assert.Matches(@"El Torito img path :\s+2\s+/boot/grub/efi.img", catalog);
        Assert.Matches(@"El Torito boot img :\s+2\s+UEFI\s+y\s+none", catalog);
        var table = JsonDocument.Parse(ExternalTool.Sfdisk.RunChecked(["--json", _tree.Image]).StdOut).RootElement.GetProperty("partitiontable");
        var esp = Assert.Single(table.GetProperty("partitions").EnumerateArray(), p => p.GetProperty("type").GetString() == "C12A7328-F81F-11D2-BA4B-00A0C93EC93B");
        Assert.Equal("efi binary", ExternalTool.Mcopy.RunChecked(["-i", $"{_tree.Image}@@{esp.GetProperty("start").GetInt64() * 512}", "::EFI/BOOT/BOOTX64.EFI", "-"]).StdOut);
        Assert.Contains("/boot.catalog", ExternalTool.IsoInfo.RunChecked(["-i", _tree.Image, "-J", "-f"]).StdOut);
    }

    [Fact]
    public void Verify_WithTheSameBootOptions_FindsNoDifference_AndWithoutThemTheCatalogIsExtra()
    {
        Discmaster.Run(["image", _tree.Source, "-o", _tree.Image, "--progress", "none", .. BootArguments]).AssertSucceeded();

        Discmaster.Run(["verify", _tree.Image, _tree.Source, .. BootArguments]).AssertSucceeded();
        var plain = Discmaster.Run("verify", _tree.Image, _tree.Source);

        Assert.NotEqual(0, plain.ExitCode);
        Assert.Contains("/boot.catalog", plain.Output);
    }

    [Theory]
    [InlineData("DM2030", "--bios-boot", "boot/missing.img")]
    [InlineData("DM2032", "--bios-boot", "boot/grub/i386-pc/eltorito.img", "--boot-load-size", "70000")]
    [InlineData("DM2033", "--efi-boot", "readme.txt")]
    [InlineData("DM2034", "--bios-boot", "boot/grub/i386-pc/eltorito.img", "--hybrid")]
    [InlineData("DM2036", "--bios-boot", "boot/grub/i386-pc/eltorito.img", "--boot-catalog", "readme.txt")]
    [InlineData("DM2037", "--bios-boot", "boot/grub/i386-pc/eltorito.img", "--boot-catalog", "a/b")]
    public void BootMistake_IsItsCode_AndNothingIsWritten(string code, params string[] options)
    {
        var run = Discmaster.Run(["image", _tree.Source, "-o", _tree.Image, .. options]);

        run.AssertFailedWith(code);
        Assert.Empty(_tree.OutputFiles());
    }

    [Fact]
    public void HybridMbrOfTheWrongSize_IsDM2035()
    {
        var mbr = Path.Combine(_tree.Root, "mbr.bin");
        File.WriteAllBytes(mbr, new byte[300]);

        var run = Discmaster.Run(["image", _tree.Source, "-o", _tree.Image, .. BootArguments, "--hybrid-mbr", mbr]);

        run.AssertFailedWith("DM2035");
        Assert.Contains(mbr, run.Error);
        Assert.Empty(_tree.OutputFiles());
    }
}
