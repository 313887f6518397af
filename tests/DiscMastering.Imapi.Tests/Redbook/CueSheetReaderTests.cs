using DiscMastering.Imapi.Redbook;

namespace DiscMastering.Imapi.Tests.Redbook;

public sealed class CueSheetReaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public CueSheetReaderTests()
    {
        // 1000 sectors: 00:13:25.
        _temp.WriteFile("disc.bin", new byte[1000 * WaveBuilder.SectorSize]);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void ReadsTracksIndexesAndCdText()
    {
        var cue = Read("""
            REM written by hand
            TITLE "Album"
            PERFORMER "Band"
            FILE "disc.bin" BINARY
              TRACK 01 AUDIO
                TITLE "One"
                INDEX 00 00:00:00
                INDEX 01 00:02:00
              TRACK 02 AUDIO
                PERFORMER "Guest"
                INDEX 01 00:08:00
            """);

        Assert.Equal(("Album", "Band"), (cue.Title, cue.Performer));
        Assert.Equal(1000, cue.BinSectors);
        Assert.Equal(new CueTrack(1, "AUDIO", "One", null, 0, 150, 450), cue.Tracks[0]);
        Assert.Equal(new CueTrack(2, "AUDIO", null, "Guest", null, 600, 400), cue.Tracks[1]);
    }

    [Theory]
    [InlineData("TRACK 00 AUDIO\n INDEX 01 00:00:00", "track number '00'")]
    [InlineData("TRACK 100 AUDIO\n INDEX 01 00:00:00", "track number '100'")]
    [InlineData("TRACK 02 AUDIO\n INDEX 01 00:00:00", "in order")]
    [InlineData("TRACK 01 AUDIO\n INDEX 01 00:13:25", "past the end")]
    [InlineData("TRACK 01 AUDIO\n INDEX 01 00:60:00", "not mm:ss:ff")]
    [InlineData("TRACK 01 AUDIO\n INDEX 01 00:05:00\nTRACK 02 AUDIO\n INDEX 01 00:04:00", "before the previous")]
    [InlineData("TRACK 01 AUDIO\n INDEX 00 00:00:00", "no INDEX 01")]
    [InlineData("TRACK 01 AUDIO\n TITLE \"open\n INDEX 01 00:00:00", "not closed")]
    [InlineData("TRACK 01 AUDIO\n FROBNICATE 1\n INDEX 01 00:00:00", "not a cue sheet keyword")]
    [InlineData("TRACK 01 MODE1/2048\n INDEX 01 00:00:00", "track type")]
    [InlineData("FILE \"other.bin\" BINARY", "second FILE")]
    public void MalformedSheets(string tracks, string why)
    {
        var e = Assert.Throws<DiscMasteringException>(() => Read("FILE \"disc.bin\" BINARY\n" + tracks));

        Assert.Equal(DiscMasteringError.InvalidCueSheet, e.Error);
        Assert.Contains(why, e.Message);
        Assert.Contains(_temp.Combine("disc.cue"), e.Message);
    }

    [Fact]
    public void MissingBin()
    {
        var e = Assert.Throws<DiscMasteringException>(() => Read("FILE \"gone.bin\" BINARY\nTRACK 01 AUDIO\nINDEX 01 00:00:00"));

        Assert.Equal(DiscMasteringError.InvalidCueSheet, e.Error);
        Assert.Contains("gone.bin", e.Message);
    }

    [Fact]
    public void LongLinesAndManyLinesAreBounded()
    {
        Assert.Contains("characters long", Assert.Throws<DiscMasteringException>(() => Read("REM " + new string('x', 2000))).Message);
        Assert.Contains("lines", Assert.Throws<DiscMasteringException>(() => Read(string.Concat(Enumerable.Repeat("REM\n", 20_000)))).Message);
    }

    [Fact]
    public void RecognisesACueSheetByItsStart()
    {
        var path = _temp.WriteFile("sheet.txt", "\uFEFFREM comment\nFILE \"disc.bin\" BINARY\n");

        Assert.True(CueSheet.LooksLikeCueSheet(path));
        Assert.True(CueSheet.LooksLikeCueSheet(_temp.Combine("anything.CUE")));
        Assert.False(CueSheet.LooksLikeCueSheet(_temp.Combine("disc.bin")));
    }

    private CueSheet Read(string text) => CueSheet.Read(_temp.WriteFile("disc.cue", text));
}
