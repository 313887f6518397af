using DiscMastering.Imapi.ElTorito;
using DiscMastering.Imapi.Iso9660;

namespace DiscMastering.Imapi.Tests.ElTorito;

/// <summary>Every boot mistake a user can make fails with its code before a byte of the image is written.</summary>
public sealed class BootErrorTests : IDisposable
{
    private readonly BootTree _tree = new();

    public void Dispose() => _tree.Dispose();

    private string ImagePath => Path.Combine(_tree.Output, "disc.iso");

    [Theory]
    [InlineData("boot/missing.img")]
    [InlineData("boot")]
    [InlineData("BOOT/BIOS.IMG")]
    public void BiosBootPathNotAFileOfTheTree_IsDM2030(string path) =>
        AssertFails(DiscMasteringError.BootImageNotFound, new BootOptions { BiosBootPath = path }, "'" + path + "'");

    [Fact]
    public void EfiBootPathExcluded_IsDM2030()
    {
        var options = new MasteringOptions { Boot = new BootOptions { EfiBootPath = BootTree.EfiPath }, Exclude = ["**/*.img"] };

        AssertFails(DiscMasteringError.BootImageNotFound, options, "--efi-boot");
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(0, false)]
    [InlineData(63, true)]
    public void BiosImageEmptyOrTooShortForTheBootInfoTable_IsDM2031(int length, bool bootInfoTable)
    {
        File.WriteAllBytes(_tree.BiosImage, new byte[length]);

        AssertFails(DiscMasteringError.BiosBootImageInvalid, new BootOptions { BiosBootPath = BootTree.BiosPath, BootInfoTable = bootInfoTable }, $"is {length:N0} bytes");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65_536)]
    [InlineData(-4)]
    public void BootLoadSizeOutOfRange_IsDM2032(int loadSize) =>
        AssertFails(DiscMasteringError.BootLoadSizeOutOfRange, new BootOptions { BiosBootPath = BootTree.BiosPath, BootLoadSize = loadSize }, loadSize.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void EfiImageWithoutBootSignature_IsDM2033()
    {
        File.WriteAllBytes(_tree.EfiImage, BootTree.Pattern(8192));

        AssertFails(DiscMasteringError.EfiBootImageNotFat, new BootOptions { EfiBootPath = BootTree.EfiPath }, "55 AA");
    }

    [Fact]
    public void EfiImageWithASignatureButNoFatParameters_IsDM2033()
    {
        var bytes = new byte[4096];
        bytes[510] = 0x55;
        bytes[511] = 0xAA;
        File.WriteAllBytes(_tree.EfiImage, bytes);

        AssertFails(DiscMasteringError.EfiBootImageNotFat, new BootOptions { EfiBootPath = BootTree.EfiPath }, "BIOS Parameter Block");
    }

    [Fact]
    public void EfiImageShorterThanABootSector_IsDM2033()
    {
        File.WriteAllBytes(_tree.EfiImage, new byte[100]);

        AssertFails(DiscMasteringError.EfiBootImageNotFat, new BootOptions { EfiBootPath = BootTree.EfiPath }, "100 bytes");
    }

    [Fact]
    public void HybridWithoutEfiBoot_IsDM2034() =>
        AssertFails(DiscMasteringError.HybridIncomplete, new BootOptions { BiosBootPath = BootTree.BiosPath, Hybrid = true }, "--efi-boot");

    [Fact]
    public void HybridMbrWithoutHybrid_IsDM2034()
    {
        var mbr = _tree.Combine("mbr.bin");
        File.WriteAllBytes(mbr, new byte[432]);

        AssertFails(DiscMasteringError.HybridIncomplete, new BootOptions { EfiBootPath = BootTree.EfiPath, HybridMbrPath = mbr }, "--hybrid");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(440)]
    [InlineData(2048)]
    public void HybridMbrOfAnotherLength_IsDM2035(int length)
    {
        var mbr = _tree.Combine("mbr.bin");
        File.WriteAllBytes(mbr, new byte[length]);

        AssertFails(DiscMasteringError.HybridMbrInvalid, BootTree.Full(mbr), $"{length:N0} bytes");
    }

    [Fact]
    public void HybridMbrMissing_IsDM2035() =>
        AssertFails(DiscMasteringError.HybridMbrInvalid, BootTree.Full(_tree.Combine("no-such.bin")), "does not exist");

    [Fact]
    public void CatalogNameTakenByASource_IsDM2036()
    {
        File.WriteAllText(Path.Combine(_tree.Source, "boot.catalog"), "mine");

        AssertFails(DiscMasteringError.BootCatalogCollision, BootTree.Full(), "boot.catalog");
    }

    [Fact]
    public void CatalogNameTakenByAFolder_IsDM2036() =>
        AssertFails(DiscMasteringError.BootCatalogCollision, new BootOptions { BiosBootPath = BootTree.BiosPath, CatalogName = "boot" }, "a folder");

    [Theory]
    [InlineData("")]
    [InlineData("boot/boot.cat")]
    [InlineData("..")]
    [InlineData("cat*log")]
    public void CatalogNameNoFileName_IsDM2037(string name) =>
        AssertFails(DiscMasteringError.BootCatalogNameInvalid, new BootOptions { BiosBootPath = BootTree.BiosPath, CatalogName = name }, "boot catalog name");

    [Fact]
    public void StreamSink_FailsTheSameWay_BeforeAnyRead()
    {
        File.WriteAllBytes(_tree.EfiImage, new byte[4096]);

        var e = Assert.Throws<DiscMasteringException>(() => ImageMaster.MasterToStream(_tree.Sources, BootTree.Options(BootTree.Full())));

        Assert.Equal(DiscMasteringError.EfiBootImageNotFat, e.Error);
    }

    private void AssertFails(DiscMasteringError error, BootOptions boot, string inMessage) =>
        AssertFails(error, BootTree.Options(boot), inMessage);

    private void AssertFails(DiscMasteringError error, MasteringOptions options, string inMessage)
    {
        var e = Assert.Throws<DiscMasteringException>(() => ImageMaster.MasterToFile(_tree.Sources, ImagePath, options));

        Assert.Equal(error, e.Error);
        Assert.Contains(inMessage, e.Message);
        Assert.Empty(Directory.GetFiles(_tree.Output));
    }
}
