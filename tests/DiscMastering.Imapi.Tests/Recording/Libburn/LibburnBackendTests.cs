using DiscMastering.Imapi.Recording;
using DiscMastering.Imapi.Recording.Libburn;

namespace DiscMastering.Imapi.Tests.Recording.Libburn;

/// <summary>
/// The libburn backend against the real system libburn, on <c>stdio:</c> pseudo-drives (files in a temporary
/// folder), so no optical drive is needed: identity, media, recording, simulation, verify, cancel, errors.
/// </summary>
[Collection(LibburnCollection.Name)]
public sealed class LibburnBackendTests : IDisposable
{
    private readonly TempDirectory _temp = new("discmastering-libburn-");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void StdioPseudoDrive_HasLibburnsIdentity_AndIsNotCreatedByAsking()
    {
        var path = _temp.Combine("disc.iso");
        using var backend = LibburnBackend.Open();
        using (var device = backend.Open("stdio:" + path))
        {
            Assert.Equal("stdio:" + path, device.Identity.Address);
            Assert.Equal("YOYODYNE", device.Identity.Vendor);
            Assert.Equal("WARP DRIVE", device.Identity.Product);
            Assert.Equal("FX01", device.Identity.Revision);
            Assert.Equal(path, device.Identity.OsPath);
            Assert.Null(device.Identity.DriveLetter);
        }

        Assert.StartsWith("libburn 1.", backend.Name, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void StdioPseudoDrive_HoldsBlankOverwritableMedia()
    {
        using var backend = LibburnBackend.Open();
        using var device = backend.Open("stdio:" + _temp.Combine("disc.iso"));

        var media = device.GetMediaDetails();

        Assert.True(media.MediaPresent);
        Assert.True(media.IsWritable);
        Assert.Equal(MediaFlags.Writable | MediaFlags.Rewritable | MediaFlags.Blank, media.Flags);
        Assert.Equal(0xFFFF, media.Profile);
        Assert.Equal("stdio file", media.MediaType);
        Assert.True(media.FreeBlocks > 0);
        Assert.Equal(0, media.Sessions);
        Assert.Equal(0, media.LastTrack);
        Assert.Equal(0, media.StartAddress);
        Assert.Equal(0, media.NextWritable);
    }

    [Fact]
    public void StdioPseudoDrive_Properties_AreNumberedFromOne()
    {
        var address = "stdio:" + _temp.Combine("disc.iso");
        using var backend = LibburnBackend.Open();
        using var device = backend.Open(address);

        var properties = device.GetProperties();

        Assert.Equal(Enumerable.Range(1, properties.Count), properties.Select(p => p.Id));
        Assert.Equal(address, properties.Single(p => p.Name == "Address").Value);
        Assert.StartsWith("stdio pseudo-drive", properties.Single(p => p.Name == "Drive type").Value, StringComparison.Ordinal);
        Assert.Equal("0xFFFF stdio file", properties.Single(p => p.Name == "Profile").Value);
    }

    [Fact]
    public void StdioPathInAMissingFolder_IsRecorderNotFound_NamingTheFolder()
    {
        var folder = _temp.Combine("missing", "deeper");
        using var backend = LibburnBackend.Open();

        var e = Assert.Throws<DiscMasteringException>(() => backend.Open("stdio:" + Path.Combine(folder, "disc.iso")));

        Assert.Equal(DiscMasteringError.RecorderNotFound, e.Error);
        Assert.Contains($"the folder {folder} does not exist", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StdioPathOfAFolder_IsRecorderNotFound()
    {
        using var backend = LibburnBackend.Open();

        var e = Assert.Throws<DiscMasteringException>(() => backend.Open("stdio:" + _temp.Path));

        Assert.Equal(DiscMasteringError.RecorderNotFound, e.Error);
        Assert.Contains("is a folder", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SecondOpenWhileADriveIsHeld_IsRecorderBusy()
    {
        using var backend = LibburnBackend.Open();
        using var first = backend.Open("stdio:" + _temp.Combine("a.iso"));

        var e = Assert.Throws<DiscMasteringException>(() => backend.Open("stdio:" + _temp.Combine("b.iso")));

        Assert.Equal(DiscMasteringError.RecorderBusy, e.Error);
        Assert.Contains(_temp.Combine("a.iso"), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_ListsNoPseudoDrives_AndNothingWhereThereIsNoOpticalDrive()
    {
        using var backend = LibburnBackend.Open();

        var recorders = backend.Scan();

        Assert.DoesNotContain(recorders, r => r.Address.StartsWith("stdio:", StringComparison.Ordinal));
        if (!Directory.EnumerateFiles("/dev", "sr*").Any())
        {
            Assert.Empty(recorders);
        }
    }

    [Theory]
    [InlineData(300 * 1024)]
    [InlineData(300 * 1024 + 777)]
    public void Record_PutsTheImageAtTheStartOfTheFile(int length)
    {
        var path = _temp.Combine("disc.iso");
        var image = Pattern(length);
        using var master = new DiscMaster(LibburnBackend.Open());
        var recorder = master.GetRecorder("stdio:" + path);
        var events = new List<RecordingPhase>();
        recorder.PreparingBurn += (_, e) => events.Add(e.Progress.Phase);
        recorder.BurnComplete += (_, e) => events.Add(e.Progress.Phase);

        var result = recorder.Record(new MemoryStream(image));

        var written = File.ReadAllBytes(path);
        Assert.True(written.Length >= length);
        Assert.Equal(image, written[..length]);
        Assert.All(written[length..], b => Assert.Equal(0, b));
        Assert.Equal((length + 2047) / 2048, result.Blocks);
        Assert.False(result.Simulated);
        Assert.Equal([RecordingPhase.Preparing, RecordingPhase.Complete], events);
    }

    [Fact]
    public void Record_Simulated_WritesNothing()
    {
        var path = _temp.Combine("disc.iso");
        using var master = new DiscMaster(LibburnBackend.Open());

        var result = master.GetRecorder("stdio:" + path).Record(new MemoryStream(Pattern(200 * 1024)), new RecordOptions { Simulate = true });

        Assert.True(result.Simulated);
        Assert.True(!File.Exists(path) || new FileInfo(path).Length == 0);
    }

    [Fact]
    public void Verify_AfterRecord_Passes_AndAFlippedByteIsVerifyMismatchNamingItsBlock()
    {
        var path = _temp.Combine("disc.iso");
        var image = Pattern(100 * 2048 + 5);
        using var master = new DiscMaster(LibburnBackend.Open());
        var recorder = master.GetRecorder("stdio:" + path);
        recorder.Record(new MemoryStream(image));

        recorder.Verify(new MemoryStream(image));

        using (var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite))
        {
            file.Position = 37 * 2048 + 100;
            var original = file.ReadByte();
            file.Position--;
            file.WriteByte((byte)~original);
        }

        var e = Assert.Throws<DiscMasteringException>(() => recorder.Verify(new MemoryStream(image)));
        Assert.Equal(DiscMasteringError.VerifyMismatch, e.Error);
        Assert.Contains("block 37 ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_Cancelled_ThrowsOperationCanceled_AndReleasesTheDrive()
    {
        var address = "stdio:" + _temp.Combine("disc.iso");
        using var master = new DiscMaster(LibburnBackend.Open());
        var recorder = master.GetRecorder(address);
        using var cancellation = new CancellationTokenSource();
        using var slow = new SlowStream(length: 256L * 1024 * 1024, cancelAfterReads: 4, cancellation);

        Assert.ThrowsAny<OperationCanceledException>(() => recorder.Record(slow, cancellationToken: cancellation.Token));

        var image = Pattern(50 * 2048);
        recorder.Record(new MemoryStream(image));
        Assert.Equal(image, File.ReadAllBytes(_temp.Combine("disc.iso"))[..image.Length]);
    }

    [Fact]
    public void Record_ImageThatFailsToRead_IsRecordingFailed_AndReleasesTheDrive()
    {
        var address = "stdio:" + _temp.Combine("disc.iso");
        using var master = new DiscMaster(LibburnBackend.Open());
        var recorder = master.GetRecorder(address);
        using var failing = new FailingStream(length: 64L * 1024 * 1024, failAfterReads: 3);

        var e = Assert.Throws<DiscMasteringException>(() => recorder.Record(failing));

        Assert.Equal(DiscMasteringError.RecordingFailed, e.Error);
        Assert.Contains("reading the image failed", e.Message, StringComparison.Ordinal);
        Assert.Contains("disk gone", e.Message, StringComparison.Ordinal);
        Assert.True(recorder.GetMediaDetails().IsWritable);
    }

    [Fact]
    public void Erase_OnAStdioPseudoDrive_IsMediaNotErasable()
    {
        var path = _temp.Combine("disc.iso");
        using var master = new DiscMaster(LibburnBackend.Open());
        var recorder = master.GetRecorder("stdio:" + path);

        var e = Assert.Throws<DiscMasteringException>(() => recorder.Erase());

        Assert.Equal(DiscMasteringError.MediaNotErasable, e.Error);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DiscMaster_DisposedTwice_IsFine_AndLibburnStartsAgainAfterwards()
    {
        var master = new DiscMaster(LibburnBackend.Open());
        _ = master.BackendName;
        master.Dispose();
        master.Dispose();

        using var again = new DiscMaster(LibburnBackend.Open());
        Assert.Equal("YOYODYNE", again.GetRecorder("stdio:" + _temp.Combine("disc.iso")).Vendor);
    }

    private static byte[] Pattern(int length)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = (byte)((i * 31) ^ (i >> 11));
        }

        return bytes;
    }

    /// <summary>A stream whose disk goes away after a few reads.</summary>
    private sealed class FailingStream(long length, int failAfterReads) : Stream
    {
        private int _reads;

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get; set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (++_reads > failAfterReads)
            {
                throw new IOException("disk gone");
            }

            var n = (int)Math.Min(count, length - Position);
            buffer.AsSpan(offset, n).Fill(0x5A);
            Position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A long stream of zeros that reads slowly and cancels the token after a few reads, as a user pressing Ctrl+C.</summary>
    private sealed class SlowStream(long length, int cancelAfterReads, CancellationTokenSource cancellation) : Stream
    {
        private int _reads;

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get; set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (++_reads == cancelAfterReads)
            {
                cancellation.Cancel();
            }

            Thread.Sleep(20);
            var n = (int)Math.Min(count, length - Position);
            buffer.AsSpan(offset, n).Clear();
            Position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
