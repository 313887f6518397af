using DiscMastering.Imapi.Iso9660;

namespace DiscMastering.Imapi.Tests.ElTorito;

/// <summary>One image with every boot feature (BIOS and EFI images, hybrid GPT, isohybrid MBR code), mastered once for the readers' tests.</summary>
public sealed class BootImageFixture : IDisposable
{
    public BootImageFixture()
    {
        Tree = new BootTree();
        MbrFile = Tree.Combine("isohdpfx.bin");
        File.WriteAllBytes(MbrFile, BootTree.Pattern(512));
        Options = BootTree.Options(BootTree.Full(MbrFile));
        ImagePath = Path.Combine(Tree.Output, "boot.iso");
        BiosSource = File.ReadAllBytes(Tree.BiosImage);
        ImageMaster.MasterToFile(Tree.Sources, ImagePath, Options);
        Image = File.ReadAllBytes(ImagePath);
    }

    internal BootTree Tree { get; }

    public string MbrFile { get; }

    public MasteringOptions Options { get; }

    public string ImagePath { get; }

    public byte[] Image { get; }

    /// <summary>The BIOS image's bytes before mastering.</summary>
    public byte[] BiosSource { get; }

    /// <summary>A file's first block, read with xorriso (an independent reader), not from the engine's layout.</summary>
    public long BlockOf(string discPath)
    {
        var report = ExternalTool.Xorriso.RunChecked(["-indev", ImagePath, "-find", discPath, "-exec", "report_lba", "--"]).StdOut;

        // "Report layout: xt , Startlba ,   Blocks , Filesize , ISO image path" then "File data lba:  0 ,      31 ,       1 ,     2048 , '/boot/bios.img'"
        var line = report.Split('\n').Single(l => l.StartsWith("File data lba:", StringComparison.Ordinal));
        return long.Parse(line.Split(',')[1].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => Tree.Dispose();
}
