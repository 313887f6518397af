using System.Globalization;
using DiscMastering.Imapi.Recording;

namespace DiscMastering.Imapi.Tests.Recording;

/// <summary>The recorder's rules against an in-memory drive: media checks, progress events, failures and releasing the drive.</summary>
public sealed class DiscRecorderTests : IDisposable
{
    private const string Address = "/dev/fake0";
    private const int Block = FakeRecorderDevice.BlockSize;

    private readonly FakeRecorderBackend _backend = new();
    private readonly FakeRecorderDevice _drive;
    private readonly DiscMaster _master;

    public DiscRecorderTests()
    {
        _drive = _backend.Add(Address);
        _master = new DiscMaster(_backend);
    }

    public void Dispose() => _master.Dispose();

    private DiscRecorder Recorder => _master.GetRecorder(Address);

    [Fact]
    public void NoMediaIsNoMediaAndReleasesTheDrive()
    {
        var e = Assert.Throws<DiscMasteringException>(() => Recorder.Record(Image(10 * Block)));

        Assert.Equal(DiscMasteringError.NoMedia, e.Error);
        Assert.Contains(Address, e.Message);
        Assert.Equal(0, _drive.BlocksWritten);
        AssertReleased(opens: 1);
    }

    [Fact]
    public void ClosedCdrIsNotWritableAndSaysClosed()
    {
        _drive.Insert(FakeRecorderDevice.ClosedCdr(), blocks: 100);

        var e = Assert.Throws<DiscMasteringException>(() => Recorder.Record(Image(10 * Block)));

        Assert.Equal(DiscMasteringError.MediaNotWritable, e.Error);
        Assert.Contains("CD-R in /dev/fake0 is closed", e.Message);
        Assert.DoesNotContain("erase", e.Message);
        Assert.Equal(0, _drive.BlocksWritten);
        AssertReleased(opens: 1);
    }

    [Fact]
    public void ClosedRewritableDiscSuggestsErasing()
    {
        _drive.Insert(FakeRecorderDevice.ClosedCdrw(), blocks: 100);

        var e = Assert.Throws<DiscMasteringException>(() => Recorder.Record(Image(10 * Block)));

        Assert.Equal(DiscMasteringError.MediaNotWritable, e.Error);
        Assert.Contains("is closed", e.Message);
        Assert.Contains("dotnet discmaster erase --recorder /dev/fake0", e.Message);
        AssertReleased(opens: 1);
    }

    [Fact]
    public void AppendableDiscShowsItsSessions()
    {
        _drive.Insert(FakeRecorderDevice.AppendableCdr(), blocks: 200);

        var media = Recorder.GetMediaDetails();

        Assert.True(media.MediaPresent);
        Assert.True(media.IsWritable);
        Assert.Equal(2, media.Sessions);
        Assert.Equal(2, media.LastTrack);
        Assert.Equal(FakeRecorderDevice.SecondSessionStart, media.StartAddress);
        Assert.Equal(FakeRecorderDevice.AppendableNextWritable, media.NextWritable);
        Assert.True(media.Flags.HasFlag(MediaFlags.Appendable));
        AssertReleased(opens: 1);
    }

    [Fact]
    public void AppendableDiscIsRecordedAtItsNextWritableAddress()
    {
        _drive.Insert(FakeRecorderDevice.AppendableCdr(), blocks: 200);
        var image = Image(40 * Block);

        var result = Recorder.Record(image, new RecordOptions { Appendable = true });

        Assert.Equal(FakeRecorderDevice.AppendableNextWritable, result.StartBlock);
        Assert.Equal(40, result.Blocks);
        Assert.False(result.Simulated);
        Assert.Equal(Bytes(image, 0, Block), _drive.Surface[FakeRecorderDevice.AppendableNextWritable]);
        Assert.Equal(FakeRecorderDevice.Filled(0), _drive.Surface[0]);
        Assert.Equal(240, _drive.Surface.Count);

        image.Position = 0;
        Recorder.Verify(image, result.StartBlock);
        var media = Recorder.GetMediaDetails();
        Assert.Equal(3, media.Sessions);
        Assert.Equal(FakeRecorderDevice.AppendableNextWritable, media.StartAddress);
        AssertReleased(opens: 3);
    }

    [Fact]
    public void ImageLargerThanTheFreeBlocksExceedsCapacityBeforeWriting()
    {
        _drive.Insert(FakeRecorderDevice.AppendableCdr() with { FreeBlocks = 10 });
        var recorder = Recorder;
        var prepared = 0;
        recorder.PreparingBurn += (_, _) => prepared++;

        var e = Assert.Throws<DiscMasteringException>(() => recorder.Record(Image(10 * Block + 1)));

        Assert.Equal(DiscMasteringError.ExceedsCapacity, e.Error);
        Assert.Contains("exceeds the capacity by 2,048 bytes (0.0 MiB, 1 blocks)", e.Message);
        Assert.Equal(0, _drive.BlocksWritten);
        Assert.Equal(0, prepared);
        AssertReleased(opens: 1);
    }

    [Fact]
    public void ImageFillingTheFreeBlocksExactlyIsRecorded()
    {
        _drive.Insert(FakeRecorderDevice.BlankCdr() with { FreeBlocks = 10 });

        var result = Recorder.Record(Image(10 * Block));

        Assert.Equal(10, result.Blocks);
        Assert.Equal(10, _drive.BlocksWritten);
        AssertReleased(opens: 1);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EraseBlanksRewritableMediaAndRaisesEraseComplete(bool full)
    {
        _drive.Insert(FakeRecorderDevice.ClosedCdrw(), blocks: 300);
        var recorder = Recorder;
        var completed = new List<RecordingProgress>();
        var blocks = new List<RecordingProgress>();
        recorder.EraseComplete += (_, e) => completed.Add(e.Progress);
        recorder.BlockProgress += (_, e) => blocks.Add(e.Progress);

        recorder.Erase(full);

        Assert.Equal(full, _drive.LastEraseFull);
        Assert.Empty(_drive.Surface);
        Assert.Equal(RecordingPhase.Complete, Assert.Single(completed).Phase);
        Assert.Equal(4, blocks.Count);
        Assert.All(blocks, p => Assert.Equal(RecordingPhase.Erasing, p.Phase));
        var media = recorder.GetMediaDetails();
        Assert.Equal(0, media.Sessions);
        Assert.True(media.IsWritable);
        Assert.True(media.Flags.HasFlag(MediaFlags.Blank));
        AssertReleased(opens: 2);
    }

    [Fact]
    public void ErasingCdrIsMediaNotErasable()
    {
        _drive.Insert(FakeRecorderDevice.ClosedCdr(), blocks: 100);
        var recorder = Recorder;
        var completed = 0;
        recorder.EraseComplete += (_, _) => completed++;

        var e = Assert.Throws<DiscMasteringException>(() => recorder.Erase(full: true));

        Assert.Equal(DiscMasteringError.MediaNotErasable, e.Error);
        Assert.Contains("CD-R in /dev/fake0 is not rewritable", e.Message);
        Assert.Equal(0, _drive.Erases);
        Assert.Equal(100, _drive.Surface.Count);
        Assert.Equal(0, completed);
        AssertReleased(opens: 1);
    }

    [Fact]
    public void ErasingAnEmptyDriveIsNoMedia()
    {
        var e = Assert.Throws<DiscMasteringException>(() => Recorder.Erase());

        Assert.Equal(DiscMasteringError.NoMedia, e.Error);
        Assert.Equal(0, _drive.Erases);
        AssertReleased(opens: 1);
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

        var e = Assert.Throws<DiscMasteringException>(() => recorder.Record(Image(20 * Block), new RecordOptions { Eject = true }));

        Assert.Equal(DiscMasteringError.RecordingFailed, e.Error);
        Assert.Equal(5, _drive.BlocksWritten);
        Assert.Equal(0, completed);
        Assert.Equal(0, closing);
        AssertReleased(opens: 1);
    }

    [Fact]
    public async Task CancellingDuringTheWriteThrowsAndReleasesSoTheNextRecordSucceeds()
    {
        _drive.Insert(FakeRecorderDevice.DvdPlusRw());
        _drive.BlockAfterBlocks = 3;
        var recorder = Recorder;
        var completed = 0;
        recorder.BurnComplete += (_, _) => completed++;
        using var cancellation = new CancellationTokenSource();

        var recording = Task.Run(() => recorder.Record(Image(20 * Block), cancellationToken: cancellation.Token));
        Assert.True(_drive.Blocking.Wait(TimeSpan.FromSeconds(30)), "the write never started");
        Assert.True(_drive.IsHeld);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => recording);
        Assert.Equal(0, completed);
        Assert.Equal(3, _drive.BlocksWritten);
        AssertReleased(opens: 1);

        _drive.BlockAfterBlocks = null;
        var result = recorder.Record(Image(20 * Block));
        Assert.Equal(20, result.Blocks);
        Assert.Equal(1, completed);
        AssertReleased(opens: 2);
    }

    [Fact]
    public void CancelledBeforeTheFirstBlockWritesNothing()
    {
        _drive.Insert(FakeRecorderDevice.BlankCdr());
        var recorder = Recorder;
        var prepared = 0;
        recorder.PreparingBurn += (_, _) => prepared++;

        Assert.ThrowsAny<OperationCanceledException>(() => recorder.Record(Image(20 * Block), cancellationToken: new CancellationToken(canceled: true)));

        Assert.Equal(0, _drive.BlocksWritten);
        Assert.Equal(0, prepared);
        AssertReleased(opens: 1);
    }

    [Fact]
    public void RecordingRaisesTheEventsInOrder()
    {
        _drive.Insert(FakeRecorderDevice.BlankCdr());
        var recorder = Recorder;
        var events = new List<(string Name, RecordingProgress Progress)>();
        recorder.PreparingBurn += (_, e) => events.Add(("PreparingBurn", e.Progress));
        recorder.TrackProgress += (_, e) => events.Add(("TrackProgress", e.Progress));
        recorder.BlockProgress += (_, e) => events.Add(("BlockProgress", e.Progress));
        recorder.ClosingDisc += (_, e) => events.Add(("ClosingDisc", e.Progress));
        recorder.BurnComplete += (_, e) => events.Add(("BurnComplete", e.Progress));

        recorder.Record(Image(8 * Block));

        string[] expected = ["PreparingBurn", "TrackProgress", .. Enumerable.Repeat("BlockProgress", 8), "ClosingDisc", "BurnComplete"];
        Assert.Equal(expected, events.Select(e => e.Name));
        Assert.Equal(RecordingPhase.Preparing, events[0].Progress.Phase);
        Assert.Equal(8, events[0].Progress.BlocksTotal);
        Assert.Equal((1, 1), (events[1].Progress.Track, events[1].Progress.Tracks));
        var blocks = events.Where(e => e.Name == "BlockProgress").Select(e => e.Progress.BlocksDone).ToList();
        Assert.Equal(Enumerable.Range(1, 8).Select(n => (long)n), blocks);
        Assert.Equal(RecordingPhase.Complete, events[^1].Progress.Phase);
        Assert.Equal(8, events[^1].Progress.BlocksDone);
    }

    [Fact]
    public void EjectOpensTheTrayOnRelease()
    {
        Recorder.Eject();

        Assert.Equal(1, _drive.Ejects);
        AssertReleased(opens: 1);
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 0)]
    public void RecordEjectsOnlyWhenAsked(bool eject, int ejects)
    {
        _drive.Insert(FakeRecorderDevice.BlankCdr());

        Recorder.Record(Image(4 * Block), new RecordOptions { Eject = eject });

        Assert.Equal(ejects, _drive.Ejects);
        AssertReleased(opens: 1);
    }

    [Fact]
    public void SimulatedRecordingReachesTheDriveAsSimulated()
    {
        _drive.Insert(FakeRecorderDevice.BlankCdr());

        var result = Recorder.Record(Image(4 * Block), new RecordOptions { Simulate = true, Speed = 4 });

        Assert.True(result.Simulated);
        Assert.Equal(new RecordOptions { Simulate = true, Speed = 4 }, _drive.LastOptions);
        Assert.Equal(0, _drive.BlocksWritten);
        Assert.True(Recorder.GetMediaDetails().Flags.HasFlag(MediaFlags.Blank));
    }

    [Fact]
    public void RecordingStartsAtTheStreamsPosition()
    {
        _drive.Insert(FakeRecorderDevice.BlankCdr());
        var image = Image(5 * Block);
        image.Position = 2 * Block;

        var result = Recorder.Record(image);

        Assert.Equal(3, result.Blocks);
        Assert.Equal(Bytes(image, 2 * Block, Block), _drive.Surface[0]);
    }

    [Theory]
    [InlineData(0L, 7)]
    [InlineData(0L, 40)]
    [InlineData(500L, 33)]
    public void VerifyNamesTheBlockThatDiffers(long start, int bad)
    {
        _drive.Insert(FakeRecorderDevice.BlankCdr() with { NextWritable = start });
        var image = Image(50 * Block);
        Recorder.Record(image);
        _drive.Surface[start + bad][100] ^= 0xFF;
        image.Position = 0;

        var e = Assert.Throws<DiscMasteringException>(() => Recorder.Verify(image, start));

        Assert.Equal(DiscMasteringError.VerifyMismatch, e.Error);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"block {start + bad} on /dev/fake0 differs from the image (image byte {bad * Block + 100:N0})"), e.Message);
        AssertReleased(opens: 2);
    }

    [Fact]
    public void VerifyNamesTheBlockInvariantly()
    {
        _drive.Insert(FakeRecorderDevice.BlankCdr() with { NextWritable = 1000 });
        var image = Image(3 * Block);
        Recorder.Record(image);
        _drive.Surface[1002][0] ^= 0xFF;
        image.Position = 0;
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var e = Assert.Throws<DiscMasteringException>(() => Recorder.Verify(image, 1000));

            Assert.Contains("block 1,002 on /dev/fake0 differs from the image (image byte 4,096)", e.Message);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void VerifyPassesAnImageThatIsNotWholeBlocks()
    {
        _drive.Insert(FakeRecorderDevice.BlankCdr());
        var image = Image(5 * Block + 100);
        var result = Recorder.Record(image);
        var verified = new List<long>();
        var recorder = Recorder;
        recorder.BlockProgress += (_, e) => verified.Add(e.Progress.BlocksDone);
        image.Position = 0;

        recorder.Verify(image, result.StartBlock);

        Assert.Equal(6, result.Blocks);
        Assert.Equal(new byte[Block - 100], _drive.Surface[5][100..]);
        Assert.Equal([6L], verified);
        AssertReleased(opens: 2);
    }

    [Fact]
    public void VerifyFindsAChangeInThePartialLastBlock()
    {
        _drive.Insert(FakeRecorderDevice.BlankCdr());
        var image = Image(5 * Block + 100);
        Recorder.Record(image);
        _drive.Surface[5][99] ^= 0xFF;
        image.Position = 0;

        var e = Assert.Throws<DiscMasteringException>(() => Recorder.Verify(image));

        Assert.Contains("block 5 on /dev/fake0 differs from the image (image byte 10,339)", e.Message);
    }

    [Fact]
    public void VerifyOfAShortRecordingSaysWhereReadingStopped()
    {
        _drive.Insert(FakeRecorderDevice.BlankCdr());
        Recorder.Record(Image(10 * Block));

        var e = Assert.Throws<DiscMasteringException>(() => Recorder.Verify(Image(12 * Block)));

        Assert.Equal(DiscMasteringError.VerifyMismatch, e.Error);
        Assert.Contains("block 10 on /dev/fake0 could not be read back", e.Message);
        AssertReleased(opens: 2);
    }

    [Fact]
    public void PropertiesAreReadOnceAndReleased()
    {
        var recorder = Recorder;

        var first = recorder.Properties;
        var second = recorder.Properties;

        Assert.Same(first, second);
        Assert.Contains(new RecorderProperty(1, "Vendor", "FAKE"), first);
        Assert.Equal(1, _drive.PropertyReads);
        AssertReleased(opens: 1);
    }

    [Fact]
    public void BusyDriveIsRecorderBusy()
    {
        _drive.Insert(FakeRecorderDevice.BlankCdr());
        _drive.Busy = true;

        var e = Assert.Throws<DiscMasteringException>(() => Recorder.Record(Image(4 * Block)));

        Assert.Equal(DiscMasteringError.RecorderBusy, e.Error);
        Assert.Equal(0, _drive.BlocksWritten);
        AssertReleased(opens: 0);
    }

    /// <summary>Bytes that differ from block to block, so a block written in the wrong place shows; a longer image starts with a shorter one.</summary>
    private static MemoryStream Image(int length)
    {
        var bytes = new byte[length];
        new Random(1).NextBytes(bytes);
        return new MemoryStream(bytes, writable: false);
    }

    private static byte[] Bytes(MemoryStream image, int offset, int count) => image.ToArray().AsSpan(offset, count).ToArray();

    private void AssertReleased(int opens)
    {
        Assert.Equal(opens, _drive.Opens);
        Assert.Equal(opens, _drive.Releases);
        Assert.False(_drive.IsHeld);
    }
}
