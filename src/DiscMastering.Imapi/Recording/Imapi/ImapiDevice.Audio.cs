using System.Globalization;
using DiscMastering.Imapi.Interop.Windows;

namespace DiscMastering.Imapi.Recording.Imapi;

/// <summary>Audio CDs through IMAPI v1's Redbook format, as the original wrapper's RedbookDiscMaster recorded them.</summary>
internal sealed unsafe partial class ImapiDevice
{
    /// <summary>Sectors staged per AddAudioTrackBlocks call: 64 × 2352 bytes, small enough to check for cancelling often.</summary>
    private const int AudioChunkSectors = 64;

    /// <summary>
    /// SetActiveDiscMasterFormat(IRedbookDiscMaster); per track CreateAudioTrack(sectors), AddAudioTrackBlocks in chunks
    /// (the last padded with silence), CloseAudioTrack; then SetActiveDiscRecorder and RecordDisc, with progress and
    /// QueryCancel through the backend's sink. The staged tracks are cleared (ClearFormatContent) whatever happens.
    /// IMAPI v1 writes track at once with its own 2-second gaps and has no CD-TEXT, so the pregaps and the CD-TEXT
    /// are left out, and a note says so.
    /// </summary>
    public void WriteAudio(AudioDisc disc, RecordOptions options, IProgress<RecordingProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(disc);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var recorder = Recorder;
        var master = _backend.Master;
        var what = $"recording audio to {Address}";
        cancellationToken.ThrowIfCancellationRequested();
        var hasCdText = disc.Title is not null || disc.Performer is not null || disc.Tracks.Any(t => t.Title is not null || t.Performer is not null);
        progress.Report(new RecordingProgress(RecordingPhase.Preparing, 0, 0, 0, disc.Tracks.Count)
        {
            Note = $"IMAPI v1 records audio track at once with 2-second gaps{(hasCdText ? " and without CD-TEXT" : "")}.",
        });

        var formatId = typeof(IRedbookDiscMaster).GUID;
        nint formatPointer;
        ImapiErrors.ThrowIfFailed(master.SetActiveDiscMasterFormat(&formatId, &formatPointer), Address, what);
        var redbook = ComObjects.Take<IRedbookDiscMaster>(formatPointer);
        _backend.Sink.Begin(progress, cancellationToken);
        try
        {
            var buffer = new byte[AudioChunkSectors * AudioDisc.SectorSize];
            for (var i = 0; i < disc.Tracks.Count; i++)
            {
                StageAudioTrack(redbook, disc.Tracks[i], i + 1, buffer, what, cancellationToken);
            }

            ReleaseExclusive();
            ImapiErrors.ThrowIfFailed(master.SetActiveDiscRecorder(recorder), Address, what);

            // No eject here: the recorder ejects on release when asked, as for every other write.
            var hr = master.RecordDisc(options.Simulate ? (byte)1 : (byte)0, 0);
            ThrowUnlessDone(hr, what, cancellationToken);
        }
        finally
        {
            try
            {
                _backend.Sink.End();
            }
            finally
            {
                _ = master.ClearFormatContent();
                ComObjects.Release(redbook);
                RetakeExclusive();
            }
        }
    }

    private void StageAudioTrack(IRedbookDiscMaster redbook, AudioTrack track, int number, byte[] buffer, string what, CancellationToken cancellationToken)
    {
        if (track.Sectors > int.MaxValue)
        {
            throw new DiscMasteringException(DiscMasteringError.AudioExceedsCapacity, $"{what}: track {number} has more sectors than a CD holds; shorten it.");
        }

        var staging = $"{what}: staging track {number.ToString(CultureInfo.InvariantCulture)}";
        ImapiErrors.ThrowIfFailed(redbook.CreateAudioTrack((int)track.Sectors), Address, staging);
        var ended = false;
        for (long done = 0; done < track.Sectors;)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = (int)Math.Min(AudioChunkSectors, track.Sectors - done);
            var bytes = count * AudioDisc.SectorSize;
            var read = ended ? 0 : track.Samples.ReadAtLeast(buffer.AsSpan(0, bytes), bytes, throwOnEndOfStream: false);
            ended = read < bytes;
            buffer.AsSpan(read, bytes - read).Clear();
            int hr;
            fixed (byte* chunk = buffer)
            {
                // AddAudioTrackBlocks takes whole blocks of GetAudioBlockSize bytes (2352 for Red Book).
                hr = redbook.AddAudioTrackBlocks(chunk, bytes);
            }

            ImapiErrors.ThrowIfFailed(hr, Address, staging);
            done += count;
        }

        ImapiErrors.ThrowIfFailed(redbook.CloseAudioTrack(), Address, staging);
    }
}
