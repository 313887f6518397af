using System.Buffers;
using System.Diagnostics;

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
    /// Records <paramref name="disc"/> as an audio CD: one track per <see cref="AudioTrack"/> with its pregap and CD-TEXT.
    /// Not available yet: it always fails with <see cref="DiscMasteringError.RecorderUnsupported"/>.
    /// </summary>
    public RecordingResult RecordAudio(AudioDisc disc, RecordOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(disc);
        throw new DiscMasteringException(DiscMasteringError.RecorderUnsupported, "recording audio is not available yet");
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
        private RecordingPhase? _phase;
        private int _track = trackStarted ? 1 : 0;

        public void Report(RecordingProgress value)
        {
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
