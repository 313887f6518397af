using DiscMastering.Imapi.Iso9660;
using DiscMastering.Imapi.Tests.ElTorito;
using DiscMastering.Imapi.Tests.TestSupport;
using DiscMastering.Imapi.Udf.Reading;

namespace DiscMastering.Imapi.Tests.Udf;

/// <summary>
/// UDF beside El Torito and the hybrid GPT: the backup GPT keeps the image's last blocks, the second anchor
/// goes 256 blocks before the last, and every reader still finds what it looks for.
/// </summary>
public sealed class BridgeBootTests : IDisposable
{
    private readonly BootTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private static MasteringOptions Options => new()
    {
        VolumeLabel = "BOOTUDF",
        SourceDateEpoch = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000),
        Boot = BootTree.Full(),
        Udf = true,
    };

    [Fact]
    public void HybridBridgeImage_ReadersFindUdf_ElTorito_AndTheGpt_AndTheStreamEqualsTheFile()
    {
        var path = Path.Combine(_tree.Output, "hybrid-udf.iso");
        ImageMaster.MasterToFile(_tree.Sources, path, Options);
        var blocks = new FileInfo(path).Length / 2048;

        // udfinfo: the anchor at 256 and at the last block less 256, where the hybrid GPT leaves room.
        var udfinfo = UdfTools.UdfInfo.RunChecked([path]).StdOut;
        Assert.Contains("start=16, blocks=7, type=VRS", udfinfo);
        Assert.Contains("start=23, blocks=16, type=MVDS", udfinfo);
        Assert.Contains("start=256, blocks=1, type=ANCHOR", udfinfo);
        Assert.Contains($"start={blocks - 257}, blocks=1, type=ANCHOR", udfinfo);
        Assert.Equal("BOOTUDF", UdfTools.Info(path)["label"]);

        var report = ExternalTool.Xorriso.RunChecked(["-indev", path, "-report_el_torito", "plain"]).StdOut;
        Assert.Contains("El Torito cat path : /boot.catalog", report);
        Assert.Matches(@"El Torito img path :\s+1\s+/boot/bios.img", report);
        Assert.Matches(@"El Torito img path :\s+2\s+/boot/efi.img", report);
        Assert.Contains("No errors detected", ExternalTool.Sfdisk.RunChecked(["--verify", path]).StdOut);

        using (var udf = UdfImageReader.Open(path))
        {
            var catalog = udf.Find("/boot.catalog")!;
            Assert.Equal(2048, catalog.Length);
            Assert.Equal(BootTree.Pattern(70_000), UdfImageReaderTests.ReadAll(udf, udf.Find("/zz/after.bin")!));
        }

        using var stream = ImageMaster.MasterToStream(_tree.Sources, Options);
        var streamed = new MemoryStream();
        stream.CopyTo(streamed, 5000);
        ExtractedTree.AssertSameBytes(File.ReadAllBytes(path), streamed.ToArray(), "the stream of a hybrid UDF bridge image");
    }
}
