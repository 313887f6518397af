using DiscMastering.Imapi.Iso9660;
using DiscMastering.Imapi.Redbook;

namespace DiscMastering.Imapi.Tests.Redbook;

public sealed class RedbookDiscMasterTests : IDisposable
{
    private const int SectorSize = WaveBuilder.SectorSize;

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void LayoutPadsShortTracksAndPartialSectorsAndPlacesTheGaps()
    {
        // 500 sectors and a bit; 100 sectors (under 4 s); exactly 400 sectors.
        var a = Wave("a.wav", (500 * 588) + 10, 1);
        var b = Wave("b.wav", 100 * 588, 2);
        var c = Wave("c.wav", 400 * 588, 3);

        using var master = new RedbookDiscMaster([a, b, c], new RedbookOptions { Gap = TimeSpan.FromSeconds(1) });

        Assert.Equal(2352, master.BlockSize);
        Assert.Equal(3, master.TrackCount);
        var t = master.Tracks;
        Assert.Equal((0L, 150L, 501L, 0L), (t[0].Index00Sector, t[0].Index01Sector, t[0].AudioSectors, t[0].PaddingSectors));
        Assert.Equal((651L, 726L, 100L, 200L), (t[1].Index00Sector, t[1].Index01Sector, t[1].AudioSectors, t[1].PaddingSectors));
        Assert.Equal((1026L, 1101L, 400L, 0L), (t[2].Index00Sector, t[2].Index01Sector, t[2].AudioSectors, t[2].PaddingSectors));
        Assert.Equal(150, t[0].PregapSectors);
        Assert.Equal(75, t[1].PregapSectors);
        Assert.Equal(1501, master.UsedBlocks);
        Assert.Equal(360_000, master.TotalBlocks);
        Assert.Equal(360_000 - 1501, master.AvailableBlocks);
        Assert.Equal(["a", "b", "c"], t.Select(x => x.Title));
        var warning = Assert.Single(master.Warnings);
        Assert.Equal(DiscMasteringError.ShortTrackPadded, warning.Code);
        Assert.Contains(b, warning.Message);
    }

    [Fact]
    public void BinHoldsTheSamplesAtIndex01AndSilenceElsewhere()
    {
        var frames = new[] { (300 * 588) + 7, 10, 301 * 588 };
        var waves = frames.Select((f, i) => Wave($"{i}.wav", f, i + 1)).ToList();
        using var master = new RedbookDiscMaster(waves, new RedbookOptions { Title = "Disc", Performer = "Band" });
        var cue = _temp.Combine("out", "disc.cue");

        var summary = master.WriteCueBin(cue);

        var bin = File.ReadAllBytes(_temp.Combine("out", "disc.bin"));
        Assert.Equal(master.UsedBlocks * SectorSize, bin.Length);
        Assert.Equal(bin.Length, summary.ImageBytes);
        Assert.Equal(3, summary.Files);
        var silentUntil = 0L;
        for (var i = 0; i < waves.Count; i++)
        {
            var track = master.Tracks[i];
            var samples = WaveBuilder.Samples(frames[i], i + 1);
            var start = track.Index01Sector * SectorSize;
            Assert.True(bin.AsSpan((int)silentUntil, (int)(start - silentUntil)).IndexOfAnyExcept((byte)0) < 0, $"the gap before track {i + 1} is not silent");
            Assert.True(bin.AsSpan((int)start, samples.Length).SequenceEqual(samples), $"track {i + 1}'s samples differ");
            silentUntil = start + samples.Length;
            var end = track.EndSector * SectorSize;
            Assert.True(bin.AsSpan((int)silentUntil, (int)(end - silentUntil)).IndexOfAnyExcept((byte)0) < 0, $"the padding of track {i + 1} is not silent");
            silentUntil = end;
        }

        Assert.Equal(bin.Length, silentUntil);
        Assert.Equal(["disc.bin", "disc.cue"], Directory.GetFiles(_temp.Combine("out")).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void AudioDiscStreamsAreTheBinFromEachIndex01()
    {
        var waves = new[] { Wave("a.wav", (400 * 588) + 3, 4), Wave("b.wav", 1000, 5) };
        using var master = new RedbookDiscMaster(waves, new RedbookOptions { Gap = TimeSpan.Zero, Title = "T", Performer = "P" });
        master.WriteCueBin(_temp.Combine("disc.cue"));
        var bin = File.ReadAllBytes(_temp.Combine("disc.bin"));

        var disc = master.CreateAudioDisc();

        Assert.Equal(("T", "P"), (disc.Title, disc.Performer));
        Assert.Equal([150, 0], disc.Tracks.Select(t => t.PregapSectors));
        Assert.Equal(master.UsedBlocks, disc.TotalSectors);
        for (var i = 0; i < disc.Tracks.Count; i++)
        {
            var track = disc.Tracks[i];
            using var copy = new MemoryStream();
            // An odd buffer size crosses sector and sample boundaries.
            track.Samples.CopyTo(copy, 1001);
            Assert.Equal(track.Sectors * SectorSize, copy.Length);
            var start = (int)(master.Tracks[i].Index01Sector * SectorSize);
            Assert.True(copy.ToArray().AsSpan().SequenceEqual(bin.AsSpan(start, (int)copy.Length)), $"track {i + 1}'s stream differs from the BIN");
            Assert.Equal(master.Tracks[i].Title, track.Title);
        }
    }

    [Fact]
    public void CueSheetForThreeTracksReadsBack()
    {
        var waves = new[] { Wave("one.wav", 473 * 588, 1), Wave("two.wav", 300 * 588, 2), Wave("three.wav", 375 * 588, 3) };
        using var master = new RedbookDiscMaster(waves, new RedbookOptions { Title = "Say \"hi\"", Performer = "Band", TrackTitles = ["First", null, "Third"] });
        master.WriteCueBin(_temp.Combine("disc.cue"));

        var text = File.ReadAllText(_temp.Combine("disc.cue"));
        Assert.StartsWith("TITLE \"Say 'hi'\"\nPERFORMER \"Band\"\nFILE \"disc.bin\" BINARY\n  TRACK 01 AUDIO\n    TITLE \"First\"\n    PERFORMER \"Band\"\n    INDEX 00 00:00:00\n    INDEX 01 00:02:00\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("PREGAP", text, StringComparison.Ordinal);

        var cue = CueSheet.Read(_temp.Combine("disc.cue"));
        Assert.Equal(("Say 'hi'", "Band"), (cue.Title, cue.Performer));
        Assert.Equal(["First", "two", "Third"], cue.Tracks.Select(t => t.Title));
        Assert.Equal(master.Tracks.Select(t => (long?)t.Index00Sector), cue.Tracks.Select(t => t.Index00Sector));
        Assert.Equal(master.Tracks.Select(t => t.Index01Sector), cue.Tracks.Select(t => t.Index01Sector));
        Assert.Equal([473L, 300, 375], cue.Tracks.Select(t => t.Sectors));
    }

    [Fact]
    public void TooManyTracks()
    {
        var wave = Wave("tiny.wav", 1, 1);

        var e = Assert.Throws<DiscMasteringException>(() => new RedbookDiscMaster(Enumerable.Repeat(wave, 100)));

        Assert.Equal(DiscMasteringError.TooManyTracks, e.Error);
        using var ninetyNine = new RedbookDiscMaster(Enumerable.Repeat(wave, 99));
        Assert.Equal(99, ninetyNine.TrackCount);
    }

    [Fact]
    public void OverCapacityGivesTheOverflowInMinutesSecondsFrames()
    {
        // 40 minutes each, as holes in sparse files: 2 s + 40:00 + 2 s + 40:00 = 80:04:00 against 74:00:00.
        var wave = WaveBuilder.Sparse(_temp.Combine("long.wav"), 40L * 60 * 44_100);

        var e = Assert.Throws<DiscMasteringException>(() => new RedbookDiscMaster([wave, wave], new RedbookOptions { Media = AudioMedia.Cd74 }));

        Assert.Equal(DiscMasteringError.AudioExceedsCapacity, e.Error);
        Assert.Contains("80:04:00", e.Message);
        Assert.Contains("06:04:00 too long", e.Message);
        using var fits = new RedbookDiscMaster([wave], new RedbookOptions { Media = AudioMedia.Cd74 });
        Assert.Equal(40L * 60 * 75 + 150, fits.UsedBlocks);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(61)]
    public void GapOutOfRange(int seconds)
    {
        var wave = Wave("a.wav", 10, 1);

        Assert.Equal(DiscMasteringError.InvalidAudioOption, Assert.Throws<DiscMasteringException>(() => new RedbookDiscMaster([wave], new RedbookOptions { Gap = TimeSpan.FromSeconds(seconds) })).Error);
    }

    [Fact]
    public void TrackTitlesOfAnotherCount()
    {
        var wave = Wave("a.wav", 10, 1);

        Assert.Equal(DiscMasteringError.InvalidAudioOption, Assert.Throws<DiscMasteringException>(() => new RedbookDiscMaster([wave, wave], new RedbookOptions { TrackTitles = ["only one"] })).Error);
    }

    [Fact]
    public void EveryBadFileIsReportedAtOnce()
    {
        var bad = _temp.WriteFile("bad.wav", "text");

        var e = Assert.Throws<DiscMasteringException>(() => new RedbookDiscMaster([bad, _temp.Combine("missing.wav")]));

        Assert.Equal([DiscMasteringError.NotAWaveFile, DiscMasteringError.AudioFileNotFound], e.Problems.Select(p => p.Error));
    }

    [Fact]
    public void CancellingLeavesNoCueOrBinAndKeepsAnOlderPair()
    {
        var wave = WaveBuilder.Sparse(_temp.Combine("long.wav"), 10L * 60 * 44_100);
        var output = _temp.CreateDirectory("out");
        File.WriteAllText(Path.Combine(output, "disc.cue"), "old cue");
        File.WriteAllText(Path.Combine(output, "disc.bin"), "old bin");
        using var master = new RedbookDiscMaster([wave]);
        using var cancellation = new CancellationTokenSource();
        var progress = new Progress(p =>
        {
            if (p.BytesDone > 10 * 1024 * 1024)
            {
                cancellation.Cancel();
            }
        });

        Assert.ThrowsAny<OperationCanceledException>(() => master.WriteCueBin(Path.Combine(output, "disc.cue"), progress, cancellation.Token));

        Assert.Equal(["disc.bin", "disc.cue"], Directory.GetFiles(output).Select(Path.GetFileName).Order());
        Assert.Equal("old cue", File.ReadAllText(Path.Combine(output, "disc.cue")));
        Assert.Equal("old bin", File.ReadAllText(Path.Combine(output, "disc.bin")));
    }

    [Theory]
    [InlineData(0, "00:00:00")]
    [InlineData(150, "00:02:00")]
    [InlineData(333_000, "74:00:00")]
    [InlineData(4_499, "00:59:74")]
    public void MsfRoundTrips(long sectors, string text)
    {
        Assert.Equal(text, Msf.Format(sectors));
        Assert.True(Msf.TryParse(text, out var parsed));
        Assert.Equal(sectors, parsed);
    }

    private string Wave(string name, int frames, int seed) => _temp.WriteFile(name, WaveBuilder.Pcm(WaveBuilder.Samples(frames, seed)));

    /// <summary>Reports synchronously, unlike <see cref="Progress{T}"/>, so the test sees every report before the next write.</summary>
    private sealed class Progress(Action<MasteringProgress> report) : IProgress<MasteringProgress>
    {
        public void Report(MasteringProgress value) => report(value);
    }
}
