using DiscMastering.Imapi.Recording;

namespace DiscMastering.Imapi.Tests.Recording;

/// <summary>Recording audio discs against an in-memory drive: what reaches the drive, events, media checks, failures.</summary>
public sealed class DiscRecorderAudioTests : IDisposable
{
    private const string Address = "/dev/fake0";
    private const int Sector = AudioDisc.SectorSize;

    private readonly FakeRecorderBackend _backend = new();
    private readonly FakeRecorderDevice _drive;
    private readonly DiscMaster _master;

    public DiscRecorderAudioTests()
    {
        _drive = _backend.Add(Address);
        _master = new DiscMaster(_backend);
    }

    public void Dispose() => _master.Dispose();

    private DiscRecorder Recorder => _master.GetRecorder(Address);

    [Fact]
    public void TracksGapsAndCdTextReachTheDriveAsGiven()
    {
        _drive.Insert(FakeRecorderDevice.BlankCdr());
        var first = Samples(5, seed: 1);
        var second = Samples(3, seed: 2);
        var disc = new AudioDisc(
            [
                new AudioTrack(new MemoryStream(first), 5, 150, "Intro", "Band"),
                new AudioTrack(new MemoryStream(second), 3, 75, "Outro", null),
            ],
            "Album",
            "Band");

        var result = Recorder.RecordAudio(disc);

        var written = Assert.Single(_drive.AudioDiscs);
        Assert.Equal(("Album", "Band"), (written.Title, written.Performer));
        Assert.Equal([150, 75], written.Tracks.Select(t => t.PregapSectors));
        Assert.Equal([5L, 3L], written.Tracks.Select(t => t.Sectors));
        Assert.Equal(["Intro", "Outro"], written.Tracks.Select(t => t.Title));
        Assert.Equal(["Band", null], written.Tracks.Select(t => t.Performer));
        Assert.Equal(first, written.Tracks[0].Bytes.ToArray());
        Assert.Equal(second, written.Tracks[1].Bytes.ToArray());
        Assert.Equal(150 + 5 + 75 + 3, result.Blocks);
        Assert.False(result.Simulated);
        Assert.Empty(result.Notes);
        AssertReleased(opens: 1);
    }

    [Fact]
    public void ATrackReadsFromItsStreamsPositionAndAShortStreamIsPaddedWithSilence()
    {
        _drive.Insert(FakeRecorderDevice.BlankCdr());
        var samples = Samples(4, seed: 3);
        var stream = new MemoryStream(samples) { Position = Sector };

        Recorder.RecordAudio(new AudioDisc([new AudioTrack(stream, 4, 150, null, null)], null, null));

        var bytes = _drive.AudioDiscs.Single().Tracks.Single().Bytes.ToArray();
        Assert.Equal(samples[Sector..], bytes[..(3 * Sector)]);
        Assert.All(bytes[(3 * Sector)..], b => Assert.Equal(0, b));
    }

    [Fact]
    public void RecordingRaisesTheEventsPerTrackInOrder()
    {
        _drive.Insert(FakeRecorderDevice.BlankCdrw());
        var recorder = Recorder;
        var events = new List<(string Name, RecordingProgress Progress)>();
        recorder.PreparingBurn += (_, e) => events.Add(("PreparingBurn", e.Progress));
        recorder.TrackProgress += (_, e) => events.Add(("TrackProgress", e.Progress));
        recorder.BlockProgress += (_, e) => events.Add(("BlockProgress", e.Progress));
        recorder.ClosingDisc += (_, e) => events.Add(("ClosingDisc", e.Progress));
        recorder.BurnComplete += (_, e) => events.Add(("BurnComplete", e.Progress));

        recorder.RecordAudio(Disc(2, 3, 1));

        string[] expected =
        [
            "PreparingBurn",
            "TrackProgress", "BlockProgress", "BlockProgress",
            "TrackProgress", "BlockProgress", "BlockProgress", "BlockProgress",
            "TrackProgress", "BlockProgress",
            "ClosingDisc", "BurnComplete",
        ];
        Assert.Equal(expected, events.Select(e => e.Name));
        Assert.Equal((RecordingPhase.Preparing, 6L, 3), (events[0].Progress.Phase, events[0].Progress.BlocksTotal, events[0].Progress.Tracks));
        Assert.Equal([(1, 3), (2, 3), (3, 3)], events.Where(e => e.Name == "TrackProgress").Select(e => (e.Progress.Track, e.Progress.Tracks)));
        Assert.Equal(Enumerable.Range(1, 6).Select(n => (long)n), events.Where(e => e.Name == "BlockProgress").Select(e => e.Progress.BlocksDone));
        Assert.Equal((RecordingPhase.Complete, 6L, 3), (events[^1].Progress.Phase, events[^1].Progress.BlocksDone, events[^1].Progress.Track));
    }

    [Fact]
    public async Task CancellingMidTrackThrowsAndReleasesSoASecondRecordingWorks()
    {
        _drive.Insert(FakeRecorderDevice.BlankCdr());
        _drive.BlockAfterBlocks = 4;
        var recorder = Recorder;
        var completed = 0;
        recorder.BurnComplete += (_, _) => completed++;
        using var cancellation = new CancellationTokenSource();

        var recording = Task.Run(() => recorder.RecordAudio(Disc(3, 3), cancellationToken: cancellation.Token));
        Assert.True(_drive.Blocking.Wait(TimeSpan.FromSeconds(30)), "the write never started");
        Assert.True(_drive.IsHeld);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => recording);
        Assert.Equal(0, completed);
        Assert.Equal(4, _drive.BlocksWritten);
        AssertReleased(opens: 1);

        _drive.BlockAfterBlocks = null;
        var result = recorder.RecordAudio(Disc(3, 3));
        Assert.Equal(150 + 3 + 150 + 3, result.Blocks);
        Assert.Equal(1, completed);
        AssertReleased(opens: 2);
    }

    [Fact]
    public void DvdIsAudioNeedsCdNamingTheMedia()
    {
        _drive.Insert(FakeRecorderDevice.DvdPlusRw());

        var e = Assert.Throws<DiscMasteringException>(() => Recorder.RecordAudio(Disc(2)));

        Assert.Equal(DiscMasteringError.AudioNeedsCd, e.Error);
        Assert.Contains("DVD+RW in /dev/fake0", e.Message, StringComparison.Ordinal);
        Assert.Contains("CD-R", e.Message, StringComparison.Ordinal);
        Assert.Empty(_drive.AudioDiscs);
        AssertReleased(opens: 1);
    }

    [Fact]
    public void ClosedCdIsMediaNotWritable()
    {
        _drive.Insert(FakeRecorderDevice.ClosedCdr(), blocks: 10);

        var e = Assert.Throws<DiscMasteringException>(() => Recorder.RecordAudio(Disc(2)));

        Assert.Equal(DiscMasteringError.MediaNotWritable, e.Error);
        Assert.Contains("is closed", e.Message, StringComparison.Ordinal);
        Assert.Empty(_drive.AudioDiscs);
        AssertReleased(opens: 1);
    }

    [Fact]
    public void EmptyDriveIsNoMedia()
    {
        var e = Assert.Throws<DiscMasteringException>(() => Recorder.RecordAudio(Disc(2)));

        Assert.Equal(DiscMasteringError.NoMedia, e.Error);
        AssertReleased(opens: 1);
    }

    [Fact]
    public void PseudoDriveIsLeftToTheBackendWhoseRefusalReachesTheCaller()
    {
        _drive.Insert(FakeRecorderDevice.StdioFile());

        var e = Assert.Throws<DiscMasteringException>(() => Recorder.RecordAudio(Disc(2)));

        Assert.Equal(DiscMasteringError.AudioNeedsCd, e.Error);
        Assert.Contains("audio -o disc.cue", e.Message, StringComparison.Ordinal);
        AssertReleased(opens: 1);
    }

    [Fact]
    public void OverCapacityIsAudioExceedsCapacityInMinutesSecondsAndFrames()
    {
        // 100 free sectors; the disc needs 150 + 40 + 10 + 20 = 220, which is 120 (00:01:45) too many.
        _drive.Insert(FakeRecorderDevice.BlankCdr() with { FreeBlocks = 100 });
        var disc = new AudioDisc([Track(40, 150), Track(20, 10)], null, null);

        var e = Assert.Throws<DiscMasteringException>(() => Recorder.RecordAudio(disc));

        Assert.Equal(DiscMasteringError.AudioExceedsCapacity, e.Error);
        Assert.Contains("00:02:70", e.Message, StringComparison.Ordinal);
        Assert.Contains("00:01:25", e.Message, StringComparison.Ordinal);
        Assert.Contains("00:01:45", e.Message, StringComparison.Ordinal);
        Assert.Contains(Address, e.Message, StringComparison.Ordinal);
        Assert.Empty(_drive.AudioDiscs);
        AssertReleased(opens: 1);
    }

    [Fact]
    public void ADiscFillingTheFreeSectorsExactlyIsRecorded()
    {
        _drive.Insert(FakeRecorderDevice.BlankCdr() with { FreeBlocks = 150 + 40 });

        var result = Recorder.RecordAudio(new AudioDisc([Track(40, 150)], null, null));

        Assert.Equal(190, result.Blocks);
    }

    [Fact]
    public void DriveFailingMidwayFailsTheRecordingAndIsReleased()
    {
        _drive.Insert(FakeRecorderDevice.BlankCdr());
        _drive.FailAfterBlocks = 5;
        var recorder = Recorder;
        var completed = 0;
        var closing = 0;
        recorder.BurnComplete += (_, _) => completed++;
        recorder.ClosingDisc += (_, _) => closing++;

        var e = Assert.Throws<DiscMasteringException>(() => recorder.RecordAudio(Disc(3, 3), new RecordOptions { Eject = true }));

        Assert.Equal(DiscMasteringError.RecordingFailed, e.Error);
        Assert.Contains("track 2", e.Message, StringComparison.Ordinal);
        Assert.Equal(5, _drive.BlocksWritten);
        Assert.Equal((0, 0), (completed, closing));
        Assert.Equal(0, _drive.Ejects);
        AssertReleased(opens: 1);
    }

    [Fact]
    public void SimulateAndEjectReachTheDrive()
    {
        _drive.Insert(FakeRecorderDevice.BlankCdr());

        var result = Recorder.RecordAudio(Disc(2), new RecordOptions { Simulate = true, Eject = true });

        Assert.True(result.Simulated);
        Assert.True(_drive.LastOptions!.Simulate);
        Assert.Equal(0, _drive.BlocksWritten);
        Assert.Equal(1, _drive.Ejects);
        AssertReleased(opens: 1);
    }

    [Fact]
    public void MoreThan99TracksIsTooManyTracksBeforeTheDriveIsTaken()
    {
        _drive.Insert(FakeRecorderDevice.BlankCdr());
        var disc = new AudioDisc(Enumerable.Range(0, 100).Select(_ => Track(1, 0)).ToList(), null, null);

        var e = Assert.Throws<DiscMasteringException>(() => Recorder.RecordAudio(disc));

        Assert.Equal(DiscMasteringError.TooManyTracks, e.Error);
        AssertReleased(opens: 0);
    }

    [Fact]
    public void CancelledBeforeTheFirstSectorWritesNothing()
    {
        _drive.Insert(FakeRecorderDevice.BlankCdr());
        var recorder = Recorder;
        var prepared = 0;
        recorder.PreparingBurn += (_, _) => prepared++;

        Assert.ThrowsAny<OperationCanceledException>(() => recorder.RecordAudio(Disc(2), cancellationToken: new CancellationToken(canceled: true)));

        Assert.Equal(0, prepared);
        Assert.Empty(_drive.AudioDiscs);
        AssertReleased(opens: 1);
    }

    /// <summary>Tracks of the given sector counts, 150 sectors of pregap before each, no CD-TEXT.</summary>
    private static AudioDisc Disc(params int[] sectors) =>
        new(sectors.Select((count, i) => Track(count, 150, seed: i)).ToList(), null, null);

    private static AudioTrack Track(int sectors, int pregap, int seed = 0) =>
        new(new MemoryStream(Samples(sectors, seed)), sectors, pregap, null, null);

    /// <summary>Sectors of 16-bit stereo samples that differ from track to track and sector to sector.</summary>
    private static byte[] Samples(int sectors, int seed)
    {
        var bytes = new byte[sectors * Sector];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private void AssertReleased(int opens)
    {
        Assert.Equal(opens, _drive.Opens);
        Assert.Equal(opens, _drive.Releases);
        Assert.False(_drive.IsHeld);
    }
}
