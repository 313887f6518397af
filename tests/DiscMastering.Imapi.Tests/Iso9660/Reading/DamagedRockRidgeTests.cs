using System.Buffers.Binary;
using System.Text;
using DiscMastering.Imapi.Iso9660.Reading;
using DiscMastering.Imapi.Tests.TestSupport;

namespace DiscMastering.Imapi.Tests.Iso9660.Reading;

/// <summary>
/// Rock Ridge images damaged byte by byte, and names recorded with what a careless reader would trim: every
/// damage is a DM error within seconds, never a hang or a crash.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class DamagedRockRidgeTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ContinuationAreaPointingToItselfIsDM2041(bool rootRecord)
    {
        // genisoimage puts the root's ER entry in the first continuation area, the 200-byte name in the last.
        var image = RockRidgeImage();
        var (_, block, offset, length) = rootRecord ? FirstContinuation(image) : Continuation(image, ReferenceImages.FindAll(image, "CE\x1c\x01"u8).Last());

        // The area's first entry becomes a CE pointing back to the area (SUSP 1.12 5.1), then ST ends the area (5.4).
        ReferenceImages.Patch(image, block * 2048L + offset, [.. ContinuationEntry(block, offset, length), .. "ST\x04\x01"u8]);

        var error = ReadRockRidgeTree(image);
        Assert.Equal(DiscMasteringError.RockRidgeContinuationLoop, error.Error);
        Assert.Contains("loop", error.Message);
        Assert.Contains(rootRecord ? "the root's \".\" record" : "of the directory '/'", error.Message);
    }

    [Fact]
    public void ContinuationAreaPastTheImageEndIsDM2040()
    {
        var image = RockRidgeImage();
        var (at, _, offset, length) = FirstContinuation(image);

        ReferenceImages.Patch(image, at, ContinuationEntry(0x00FF_FFFF, offset, length));

        var error = ReadRockRidgeTree(image);
        Assert.Equal(DiscMasteringError.DamagedRockRidge, error.Error);
        Assert.Contains("beyond the volume", error.Message);
    }

    [Fact]
    public void ContinuationAreaCrossingItsBlockIsDM2040()
    {
        var image = RockRidgeImage();
        var (at, block, _, _) = FirstContinuation(image);

        ReferenceImages.Patch(image, at, ContinuationEntry(block, 2000, 200));

        var error = ReadRockRidgeTree(image);
        Assert.Equal(DiscMasteringError.DamagedRockRidge, error.Error);
        Assert.Contains("does not fit in one block", error.Message);
    }

    [Fact]
    public void NameEntryLongerThanItsRecordIsDM2040()
    {
        var image = RockRidgeImage();

        // RRIP 1.12 4.1.4: "NM", length 5 + 6, version 1, flags 0, "run.sh".
        var name = "NM\x0b\x01\x00run.sh"u8.ToArray();
        var at = Assert.Single(ReferenceImages.FindAll(image, name));
        ReferenceImages.Patch(image, at + 2, [0xF0]);

        var error = ReadRockRidgeTree(image);
        Assert.Equal(DiscMasteringError.DamagedRockRidge, error.Error);
        Assert.Contains("'NM' entry", error.Message);

        // The primary tree does not read the System Use field and stays readable.
        using var reader = IsoImageReader.Open(image);
        Assert.Contains(reader.Walk(IsoTree.Primary), e => e.Name == "RUN.SH");
    }

    [Fact]
    public void JolietNameEndingInASpaceKeepsIt()
    {
        _temp.WriteFile("abcd", Encoding.ASCII.GetBytes("trailing space"));
        var image = _temp.Path("joliet.iso");
        ReferenceImages.Genisoimage.RunChecked(["-quiet", "-J", "-input-charset", "utf-8", "-o", image, _temp.Source]);

        // The Joliet record's identifier "abcd" in UCS-2 big-endian becomes "abc " (a space is allowed in Joliet names).
        var at = Assert.Single(ReferenceImages.FindAll(image, Encoding.BigEndianUnicode.GetBytes("abcd")));
        ReferenceImages.Patch(image, at, Encoding.BigEndianUnicode.GetBytes("abc "));

        using var reader = IsoImageReader.Open(image);
        var entry = Assert.Single(reader.Walk(IsoTree.Joliet));
        Assert.Equal("abc ", entry.Name);
        Assert.Equal("/abc ", entry.Path);
        Assert.Equal("trailing space", Encoding.ASCII.GetString(ReadingAssert.ReadAll(reader, entry)));
        Assert.Equal("ABCD", Assert.Single(reader.Walk(IsoTree.Primary)).Name);
    }

    private string RockRidgeImage()
    {
        ReferenceImages.WriteRockRidgeTree(_temp.Source);
        return ReferenceImages.MakeGenisoimageRockRidge(_temp.Source, _temp.Path("rr.iso"));
    }

    /// <summary>The first CE entry of the image (SUSP 1.12 5.1): where it is, and the area it points to.</summary>
    private static (long At, uint Block, uint Offset, uint Length) FirstContinuation(string image) =>
        Continuation(image, ReferenceImages.FindAll(image, "CE\x1c\x01"u8).First());

    private static (long At, uint Block, uint Offset, uint Length) Continuation(string image, long at)
    {
        var entry = ReferenceImages.Read(image, at, 28);
        return (at, BinaryPrimitives.ReadUInt32LittleEndian(entry.AsSpan(4)), BinaryPrimitives.ReadUInt32LittleEndian(entry.AsSpan(12)), BinaryPrimitives.ReadUInt32LittleEndian(entry.AsSpan(20)));
    }

    private static byte[] ContinuationEntry(uint block, uint offset, uint length) =>
        [.. "CE\x1c\x01"u8, .. ReferenceImages.BothOrders(block), .. ReferenceImages.BothOrders(offset), .. ReferenceImages.BothOrders(length)];

    /// <summary>Reads the whole Rock Ridge tree and returns the error it must fail with, within seconds.</summary>
    private static DiscMasteringException ReadRockRidgeTree(string image)
    {
        using var reader = IsoImageReader.Open(image);
        Assert.True(reader.HasRockRidge);
        return ReferenceImages.WithinSeconds(10, () => Assert.Throws<DiscMasteringException>(() => reader.Walk(IsoTree.RockRidge).ToList()));
    }
}
