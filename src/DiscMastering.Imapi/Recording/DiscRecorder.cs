using System.Buffers;
using System.Diagnostics;
using DiscMastering.Imapi.Media;

namespace DiscMastering.Imapi.Recording;

/// <summary>
/// One recorder, as the original IMAPI wrapper's <c>DiscRecorder</c>: identity, properties, media details, and
/// recording, erasing and ejecting with the original's progress events. Each operation takes the drive for
/// exclusive use and releases it when it ends, whether it succeeds, fails, throws or is cancelled.
/// </summary>
public sealed class DiscRecorder
{
    /// <summary>Blocks read back at a time by <see cref="Verify"/>: 64 KiB, a common transfer size for optical drives.</summary>
    private const int VerifyChunkBlocks = 32;

    private readonly DiscMaster _master;
    private readonly RecorderIdentity _identity;
    private IReadOnlyList<RecorderProperty>? _properties;

    internal DiscRecorder(DiscMaster master, RecorderIdentity identity, int? index)
    {
        _master = master;
        _identity = identity;
        Index = index;
    }

    /// <summary>Raised once the drive is taken and the media checked, before the first block (PreparingBurn).</summary>
    public event EventHandler<RecordingProgressEventArgs>? PreparingBurn;

    /// <summary>Raised as blocks are written, read back or blanked (BlockProgress).</summary>
    public event EventHandler<RecordingProgressEventArgs>? BlockProgress;

    /// <summary>Raised when a track starts (TrackProgress).</summary>
    public event EventHandler<RecordingProgressEventArgs>? TrackProgress;

    /// <summary>Raised when the drive closes the track, session or disc (ClosingDisc).</summary>
    public event EventHandler<RecordingProgressEventArgs>? ClosingDisc;

    /// <summary>Raised when a recording has completed (BurnComplete).</summary>
    public event EventHandler<RecordingProgressEventArgs>? BurnComplete;

    /// <summary>Raised when blanking has completed (EraseComplete).</summary>
    public event EventHandler<RecordingProgressEventArgs>? EraseComplete;

    /// <summary>The recorder's number in <see cref="DiscMaster.Recorders"/>; null for one named by address.</summary>
    public int? Index { get; }

    /// <summary>How to name this recorder again.</summary>
    public string Address => _identity.Address;

    /// <summary>The vendor from the drive's inquiry data.</summary>
    public string Vendor => _identity.Vendor;

    /// <summary>The product name from the drive's inquiry data.</summary>
    public string Product => _identity.Product;

    /// <summary>The firmware revision.</summary>
    public string Revision => _identity.Revision;

    /// <summary>The operating system's path to the drive.</summary>
    public string OsPath => _identity.OsPath;

    /// <summary>The drive letter where the OS has one, else null.</summary>
    public string? DriveLetter => _identity.DriveLetter;

    /// <summary>The recorder's properties, read from the drive on first use.</summary>
    public IReadOnlyList<RecorderProperty> Properties => _properties ??= WithDevice(device => device.GetProperties());

    /// <summary>What is in the drive now.</summary>
    public MediaDetails GetMediaDetails() => WithDevice(device => device.GetMediaDetails());

    /// <summary>
    /// Records <paramref name="image"/> (from its current position to its end) as one data track. Before the first block
    /// it checks that media is present and writable and that the image fits its free blocks.
    /// </summary>
    public RecordingResult Record(Stream image, RecordOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        options ??= new RecordOptions();
        var stopwatch = Stopwatch.StartNew();
        var blocks = DiscBlocks.For(image.Length - image.Position);
        using var device = _master.Open(Address);
        var media = device.GetMediaDetails();
        RequireWritable(media);
        if (blocks > media.FreeBlocks)
        {
            throw new DiscMasteringException(
                DiscMasteringError.ExceedsCapacity,
                $"the image needs {DiscBlocks.Describe(blocks)} but the media in {Address} has {DiscBlocks.Describe(media.FreeBlocks)} free: it exceeds the capacity by {DiscBlocks.Describe(blocks - media.FreeBlocks)}. Use larger media or leave files out.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        Raise(PreparingBurn, new RecordingProgress(RecordingPhase.Preparing, 0, blocks, 0, 1));
        var progress = new EventProgress(this, trackStarted: false);
        device.WriteData(image, blocks, options, progress, cancellationToken);
        if (options.Eject)
        {
            device.EjectOnRelease();
        }

        Raise(BurnComplete, new RecordingProgress(RecordingPhase.Complete, blocks, blocks, 1, 1));
        return new RecordingResult(media.NextWritable, blocks, options.Simulate, stopwatch.Elapsed);
    }

    /// <summary>
    /// Records <paramref name="disc"/> as an audio CD: its tracks in order, each after its pregap, with the disc's and
    /// tracks' CD-TEXT where the recorder can write it. Before the first sector it checks that media is present,
    /// writable and a CD-R or CD-RW (a pseudo-drive is left to its backend, which decides), and that every sector,
    /// pregaps included, fits the free blocks. Raises the same events as <see cref="Record"/>, with TrackProgress
    /// once per track; block progress counts the tracks' sectors, the result every sector the disc took.
    /// </summary>
    public RecordingResult RecordAudio(AudioDisc disc, RecordOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(disc);
        ArgumentNullException.ThrowIfNull(disc.Tracks);
        options ??= new RecordOptions();
        if (disc.Tracks.Count == 0)
        {
            throw new DiscMasteringException(DiscMasteringError.InvalidAudioOption, $"there are no tracks to record to {Address}; give at least one audio track.");
        }

        // A CD holds at most 99 tracks (IEC 60908).
        if (disc.Tracks.Count > 99)
        {
            throw new DiscMasteringException(DiscMasteringError.TooManyTracks, $"{disc.Tracks.Count} tracks cannot be recorded to {Address}: an audio CD holds at most 99; leave tracks out or record two discs.");
        }

        var stopwatch = Stopwatch.StartNew();
        var sectors = disc.Tracks.Sum(t => t.Sectors);
        var total = disc.TotalSectors;
        using var device = _master.Open(Address);
        var media = device.GetMediaDetails();
        RequireWritable(media);
        RequireCd(media);
        if (total > media.FreeBlocks)
        {
            throw new DiscMasteringException(
                DiscMasteringError.AudioExceedsCapacity,
                $"the {disc.Tracks.Count} tracks need {Msf(total)} (pregaps included) but the {media.MediaType} in {Address} holds {Msf(media.FreeBlocks)}: {Msf(total - media.FreeBlocks)} too long. Leave tracks out, shorten the gaps, or use an 80-minute CD-R.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        Raise(PreparingBurn, new RecordingProgress(RecordingPhase.Preparing, 0, sectors, 0, disc.Tracks.Count));
        var progress = new EventProgress(this, trackStarted: false);
        device.WriteAudio(disc, options, progress, cancellationToken);
        if (options.Eject)
        {
            device.EjectOnRelease();
        }

        Raise(BurnComplete, new RecordingProgress(RecordingPhase.Complete, sectors, sectors, disc.Tracks.Count, disc.Tracks.Count));
        return new RecordingResult(media.NextWritable, total, options.Simulate, stopwatch.Elapsed) { Notes = progress.Notes };
    }

    /// <summary>
    /// Reads the track at <paramref name="startBlock"/> back and compares it with <paramref name="image"/> (from its
    /// current position); the first difference fails with <see cref="DiscMasteringError.VerifyMismatch"/> naming its block.
    /// </summary>
    public void Verify(Stream image, long startBlock = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        var length = image.Length - image.Position;
        var blocks = DiscBlocks.For(length);
        var chunkBytes = VerifyChunkBlocks * DiscBlocks.Size;
        var expected = ArrayPool<byte>.Shared.Rent(chunkBytes);
        var actual = ArrayPool<byte>.Shared.Rent(chunkBytes);
        try
        {
            using var device = _master.Open(Address);
            for (long done = 0; done < blocks;)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var count = (int)Math.Min(VerifyChunkBlocks, blocks - done);
                var imageBytes = (int)Math.Min((long)count * DiscBlocks.Size, length - done * DiscBlocks.Size);
                var want = expected.AsSpan(0, count * DiscBlocks.Size);
                image.ReadExactly(want[..imageBytes]);
                want[imageBytes..].Clear();
                var got = actual.AsSpan(0, want.Length);
                var read = device.ReadBlocks(startBlock + done, got);
                var differs = want[..read].CommonPrefixLength(got[..read]);
                if (differs < read || read < want.Length)
                {
                    var offset = Math.Min(differs, read);
                    var bad = done + offset / DiscBlocks.Size;
                    var what = offset < read ? "differs from the image" : "could not be read back";
                    throw new DiscMasteringException(
                        DiscMasteringError.VerifyMismatch,
                        FormattableString.Invariant($"block {startBlock + bad:N0} on {Address} {what} (image byte {done * DiscBlocks.Size + offset:N0}); the recording is not good: record it again on new media."));
                }

                done += count;
                Raise(BlockProgress, new RecordingProgress(RecordingPhase.Verifying, done, blocks, 1, 1));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(expected);
            ArrayPool<byte>.Shared.Return(actual);
        }
    }

    /// <summary>Blanks rewritable media: fast (the table of contents only) or full (every block).</summary>
    public void Erase(bool full = false, CancellationToken cancellationToken = default)
    {
        using var device = _master.Open(Address);
        var media = device.GetMediaDetails();
        if (!media.MediaPresent)
        {
            throw NoMedia();
        }

        if (!media.Flags.HasFlag(MediaFlags.Rewritable))
        {
            throw new DiscMasteringException(
                DiscMasteringError.MediaNotErasable,
                $"the {media.MediaType} in {Address} is not rewritable, so it cannot be blanked; insert a CD-RW, DVD-RW or BD-RE.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        device.Erase(full, new EventProgress(this, trackStarted: true), cancellationToken);
        Raise(EraseComplete, new RecordingProgress(RecordingPhase.Complete, 0, 0, 0, 0));
    }

    /// <summary>Opens the drive's tray.</summary>
    public void Eject()
    {
        using var device = _master.Open(Address);
        device.EjectOnRelease();
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Address} ({Vendor} {Product} {Revision})";

    private void RequireWritable(MediaDetails media)
    {
        if (!media.MediaPresent)
        {
            throw NoMedia();
        }

        if (!media.IsWritable)
        {
            var why = media.Flags.HasFlag(MediaFlags.Closed) ? "is closed: no more sessions can be written" : "cannot be written";
            var erase = media.Flags.HasFlag(MediaFlags.Rewritable) ? $"; blank it first with 'dotnet discmaster erase --recorder {Address}'" : "";
            throw new DiscMasteringException(
                DiscMasteringError.MediaNotWritable,
                $"the {media.MediaType} in {Address} {why}{erase}, or insert blank media.");
        }
    }

    /// <summary>Audio needs CD-R or CD-RW: MMC profiles 0x0009 and 0x000A (MMC-5, Profile List). 0xFFFF, a pseudo-drive's file, is left to the backend.</summary>
    private void RequireCd(MediaDetails media)
    {
        if (media.Profile is 0x0009 or 0x000A or 0xFFFF)
        {
            return;
        }

        throw new DiscMasteringException(
            DiscMasteringError.AudioNeedsCd,
            $"the {media.MediaType} in {Address} cannot take an audio CD: audio is recorded on CD-R or CD-RW only; insert a blank CD-R or CD-RW.");
    }

    /// <summary>Sectors as minutes:seconds:frames, 75 frames a second (IEC 60908).</summary>
    private static string Msf(long sectors) => FormattableString.Invariant(
        $"{sectors / (60 * AudioDisc.SectorsPerSecond):00}:{sectors / AudioDisc.SectorsPerSecond % 60:00}:{sectors % AudioDisc.SectorsPerSecond:00}");

    private DiscMasteringException NoMedia() =>
        new(DiscMasteringError.NoMedia, $"there is no media in {Address} ({Vendor} {Product}); insert a disc and try again.");

    private T WithDevice<T>(Func<IRecorderDevice, T> read)
    {
        using var device = _master.Open(Address);
        return read(device);
    }

    private void Raise(EventHandler<RecordingProgressEventArgs>? handler, RecordingProgress progress) =>
        handler?.Invoke(this, new RecordingProgressEventArgs(progress));

    /// <summary>Turns a backend's progress into the original's events: one per phase change, then block progress.</summary>
    private sealed class EventProgress(DiscRecorder recorder, bool trackStarted) : IProgress<RecordingProgress>
    {
        private readonly List<string> _notes = [];
        private RecordingPhase? _phase;
        private int _track = trackStarted ? 1 : 0;

        /// <summary>The notes the backend gave, in order.</summary>
        public IReadOnlyList<string> Notes => _notes;

        public void Report(RecordingProgress value)
        {
            if (value.Note is not null)
            {
                _notes.Add(value.Note);
            }

            // A note before the first block is news about the preparation: say it through the same event.
            if (value.Phase == RecordingPhase.Preparing && value.Note is not null)
            {
                recorder.Raise(recorder.PreparingBurn, value);
            }

            if (value.Phase == RecordingPhase.Writing && value.Track != _track)
            {
                _track = value.Track;
                recorder.Raise(recorder.TrackProgress, value);
            }

            if (value.Phase == RecordingPhase.Closing && _phase != RecordingPhase.Closing)
            {
                recorder.Raise(recorder.ClosingDisc, value);
            }

            _phase = value.Phase;
            if (value.Phase is RecordingPhase.Writing or RecordingPhase.Erasing)
            {
                recorder.Raise(recorder.BlockProgress, value);
            }
        }
    }
}
