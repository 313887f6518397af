using System.Text;
using DiscMastering.Imapi.Interop.Linux.Libburn;

namespace DiscMastering.Imapi.Recording.Libburn;

/// <summary>Audio CDs through libburn: one session of BURN_AUDIO tracks, written disc at once where the drive can.</summary>
internal sealed unsafe partial class LibburnDevice
{
    /// <summary>
    /// What libburn's write-type check says when a disc holds audio tracks and the drive is no CD drive (a stdio
    /// pseudo-drive, or non-CD media): "audio track prohibited by non-CD" (libburn 1.5.4).
    /// </summary>
    private const string AudioProhibitedReason = "prohibited by non-CD";

    /// <summary>
    /// One session with one BURN_AUDIO track per <see cref="AudioTrack"/>, each fed through a pipe of its own (the
    /// pipes filled one after the other), with its pregap and CD-TEXT. libburn is asked for SAO (needed for CD-TEXT and
    /// for gaps other than 2 seconds); where the drive cannot, libburn's own choice (TAO) is taken and a note says what
    /// is lost. A pseudo-drive, which libburn refuses audio, is <see cref="DiscMasteringError.AudioNeedsCd"/> before
    /// anything is written.
    /// </summary>
    public void WriteAudio(AudioDisc disc, RecordOptions options, IProgress<RecordingProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(disc);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var drive = Drive;
        var tracks = disc.Tracks;
        LibburnMessages.Discard();
        using var writeOptions = new LibburnWriteOptionsHandle(LibburnInterop.WriteOptionsNew(drive));
        if (writeOptions.IsInvalid)
        {
            throw Failed("could not prepare the audio write", LibburnMessages.Drain());
        }

        LibburnInterop.WriteOptionsSetSimulate(writeOptions.Options, options.Simulate ? 1 : 0);
        LibburnInterop.WriteOptionsSetUnderrunProof(writeOptions.Options, options.BufferUnderrunProtection ? 1 : 0);
        LibburnInterop.WriteOptionsSetMulti(writeOptions.Options, options.Appendable ? 1 : 0);
        SetWriteSpeed(drive, options.Speed);

        var feeders = new List<LibburnImageFeeder>(tracks.Count);
        try
        {
            foreach (var track in tracks)
            {
                feeders.Add(LibburnImageFeeder.Create(track.Samples, track.Sectors * AudioDisc.SectorSize));
            }

            var notes = new List<string>();
            var burnDisc = AudioBurnDisc(disc, feeders, notes);
            var messages = new List<LibburnMessage>();
            var started = false;
            try
            {
                var hasCdText = disc.Title is not null || disc.Performer is not null || tracks.Any(t => t.Title is not null || t.Performer is not null);
                var fallback = ChooseAudioWriteType(writeOptions, burnDisc, hasCdText);
                if (fallback is not null)
                {
                    notes.Add(fallback);
                }

                foreach (var note in notes)
                {
                    progress.Report(new RecordingProgress(RecordingPhase.Preparing, 0, 0, 0, tracks.Count) { Note = note });
                }

                for (var i = 0; i < feeders.Count; i++)
                {
                    feeders[i].Start(after: i == 0 ? null : feeders[i - 1]);
                }

                LibburnInterop.DiscWrite(writeOptions.Options, burnDisc.Disc);

                // As for data: burn_disc_write marks the drive busy before it returns when it starts a write thread.
                started = (BurnDriveStatus)LibburnInterop.DriveGetStatus(drive, null) != BurnDriveStatus.Idle;
                var reporter = new AudioProgress(tracks, progress);
                var closing = false;
                WaitUntilIdle(messages, cancel: () => cancellationToken.IsCancellationRequested || feeders.Any(f => f.ImageFailed), (status, burn) =>
                {
                    switch (status)
                    {
                        case BurnDriveStatus.Writing or BurnDriveStatus.WritingPregap or BurnDriveStatus.WritingLeadIn or BurnDriveStatus.WritingSync:
                            // libburn counts tracks from 0 within the session and sectors from 0 within the track.
                            reporter.At(burn.Track, burn.Sector);
                            break;
                        case BurnDriveStatus.WritingLeadOut or BurnDriveStatus.ClosingTrack or BurnDriveStatus.ClosingSession when !closing:
                            closing = true;
                            reporter.Finish();
                            progress.Report(new RecordingProgress(RecordingPhase.Closing, reporter.Total, reporter.Total, tracks.Count, tracks.Count));
                            break;
                    }
                });

                EndWrite(feeders, burnDisc, messages, started);
                cancellationToken.ThrowIfCancellationRequested();
                if (feeders.FirstOrDefault(f => f.ImageFailed) is { } failedFeeder)
                {
                    ThrowImageFailure(failedFeeder);
                }

                if (LibburnInterop.DriveWroteWell(drive) == 0)
                {
                    throw Failed(options.Simulate ? "the simulated audio recording failed" : "the audio recording failed", messages);
                }

                // A write shorter than one poll shows no progress; every track still gets its start and its end.
                reporter.Finish();
            }
            finally
            {
                if (!burnDisc.IsClosed)
                {
                    EndWrite(feeders, burnDisc, messages, started);
                }
            }
        }
        finally
        {
            foreach (var feeder in feeders)
            {
                feeder.Dispose();
            }
        }
    }

    /// <summary>
    /// Asks for SAO (with BURN_BLOCK_SAO, as libburn.h requires for it) and has libburn check it (flag bit0); if the
    /// drive cannot, lets libburn choose. Returns a note when the choice leaves CD-TEXT or the gaps out, null for SAO.
    /// libburn refusing audio on this drive or media is <see cref="DiscMasteringError.AudioNeedsCd"/>.
    /// </summary>
    private string? ChooseAudioWriteType(LibburnWriteOptionsHandle writeOptions, LibburnDiscHandle disc, bool hasCdText)
    {
        var reasons = stackalloc byte[LibburnInterop.ReasonsLength];
        string? saoReasons = null;
        if (LibburnInterop.WriteOptionsSetWriteType(writeOptions.Options, LibburnInterop.WriteSao, LibburnInterop.BlockSao) == 1)
        {
            if (LibburnInterop.WriteOptionsAutoWriteType(writeOptions.Options, disc.Disc, reasons, 1) == LibburnInterop.WriteSao)
            {
                return null;
            }

            saoReasons = Reasons(reasons);
            if (IsPseudoDrive || saoReasons.Contains(AudioProhibitedReason, StringComparison.Ordinal))
            {
                throw AudioRefused(saoReasons, LibburnMessages.Drain());
            }
        }

        var chosen = LibburnInterop.WriteOptionsAutoWriteType(writeOptions.Options, disc.Disc, reasons, 0);
        var why = Reasons(reasons);
        if (chosen == LibburnInterop.WriteNone)
        {
            var messages = LibburnMessages.Drain();
            if (why.Contains(AudioProhibitedReason, StringComparison.Ordinal) || messages.Any(m => m.Text.Contains(AudioProhibitedReason, StringComparison.Ordinal)))
            {
                throw AudioRefused(why, messages);
            }

            var text = string.Join("; ", new[] { saoReasons ?? "", why, LibburnMessages.Explain(messages, fallback: "") }.Where(t => t.Length > 0).Distinct(StringComparer.Ordinal));
            var media = Profile(Drive).Name;
            throw new DiscMasteringException(
                DiscMasteringError.RecorderUnsupported,
                $"{Address} cannot write audio tracks to the {(media.Length > 0 ? media : "media")} it holds: neither SAO nor TAO fits ({(text.Length > 0 ? text : "libburn gave no reason")}); try a blank CD-R, or record without simulation or appending.");
        }

        if (chosen == LibburnInterop.WriteSao)
        {
            return null;
        }

        var lost = hasCdText ? "without CD-TEXT and with the drive's own gaps" : "with the drive's own gaps";
        return $"{Address} cannot write disc at once (SAO{(saoReasons is { Length: > 0 } ? ": " + saoReasons : "")}), so the audio is recorded track at once (TAO), {lost}.";
    }

    private DiscMasteringException AudioRefused(string reasons, IReadOnlyCollection<LibburnMessage> messages)
    {
        var said = string.Join("; ", new[] { reasons, LibburnMessages.Explain(messages, fallback: "") }.Where(t => t.Length > 0).Distinct(StringComparer.Ordinal));
        var advice = IsPseudoDrive
            ? "a stdio pseudo-drive takes data only; for an image of the audio CD, run 'dotnet discmaster audio' with the same tracks and '-o disc.cue' instead"
            : "insert a blank CD-R or CD-RW";
        return new DiscMasteringException(
            DiscMasteringError.AudioNeedsCd,
            $"libburn refuses audio tracks on {Address} ({(said.Length > 0 ? said : "no reason given")}): {advice}.");
    }

    private static string Reasons(byte* reasons) => LibburnMessages.CString(reasons, LibburnInterop.ReasonsLength).Trim().TrimEnd(',').Trim();

    /// <summary>
    /// One session of BURN_AUDIO tracks. Each track reads its feeder's pipe for exactly its sectors; its pregap is
    /// silence libburn writes itself (no bytes are read for it); its CD-TEXT goes into language block 0.
    /// </summary>
    private LibburnDiscHandle AudioBurnDisc(AudioDisc audio, IReadOnlyList<LibburnImageFeeder> feeders, List<string> notes)
    {
        var disc = new LibburnDiscHandle(LibburnInterop.DiscCreate());
        var session = LibburnInterop.SessionCreate();
        try
        {
            if (disc.IsInvalid || session == 0)
            {
                throw Failed("could not prepare the audio session", LibburnMessages.Drain());
            }

            for (var i = 0; i < audio.Tracks.Count; i++)
            {
                AddAudioTrack(session, audio.Tracks[i], i + 1, feeders[i], notes);
            }

            SetCdText(session, track: 0, LibburnInterop.CdTextTitle, audio.Title, "the disc's title", notes);
            SetCdText(session, track: 0, LibburnInterop.CdTextPerformer, audio.Performer, "the disc's performer", notes);
            LibburnInterop.DiscAddSession(disc.Disc, session, LibburnInterop.PositionEnd);
            return disc;
        }
        catch
        {
            disc.Dispose();
            throw;
        }
        finally
        {
            if (session != 0)
            {
                LibburnInterop.SessionFree(session);
            }
        }
    }

    private void AddAudioTrack(nint session, AudioTrack audio, int number, LibburnImageFeeder feeder, List<string> notes)
    {
        var track = LibburnInterop.TrackCreate();
        if (track == 0)
        {
            throw Failed($"could not prepare audio track {number}", LibburnMessages.Drain());
        }

        try
        {
            // pad = 1: a stream that ends early is made up with silence to the sectors announced.
            LibburnInterop.TrackDefineData(track, 0, 0, 1, LibburnInterop.Audio);

            // libburn.h (BURN_AUDIO) wants audio little-endian, which the samples are (AudioTrack), so no swapping
            // (burn_track_set_byte_swap: 0 = do not swap, 1 = swap byte pairs).
            if (LibburnInterop.TrackSetByteSwap(track, 0) != 1)
            {
                throw Failed($"could not set the byte order of audio track {number}", LibburnMessages.Drain());
            }

            // burn_track_set_pregap_size (libburn.h): silence in index 0, read from no source, SAO only; track 1 gets
            // at least 150 sectors whatever is asked, and a later track without a call gets none.
            if (audio.PregapSectors > 0 && LibburnInterop.TrackSetPregapSize(track, audio.PregapSectors, 0) <= 0)
            {
                throw Failed($"could not set the pregap of {audio.PregapSectors} sectors before audio track {number}", LibburnMessages.Drain());
            }

            var source = feeder.HandOverReadEnd(fd => LibburnInterop.FdSourceNew(fd, -1, audio.Sectors * AudioDisc.SectorSize));
            if (source == 0)
            {
                throw Failed($"could not connect audio track {number} to libburn", LibburnMessages.Drain());
            }

            var attached = LibburnInterop.TrackSetSource(track, source);
            LibburnInterop.SourceFree(source);
            if (attached != LibburnInterop.SourceOk)
            {
                throw Failed($"could not connect audio track {number} to libburn", LibburnMessages.Drain());
            }

            SetCdText(track, number, LibburnInterop.CdTextTitle, audio.Title, $"the title of track {number}", notes);
            SetCdText(track, number, LibburnInterop.CdTextPerformer, audio.Performer, $"the performer of track {number}", notes);
            LibburnInterop.SessionAddTrack(session, track, LibburnInterop.PositionEnd);
        }
        finally
        {
            // The session holds its own reference now (libburn counts them); drop ours.
            LibburnInterop.TrackFree(track);
        }
    }

    /// <summary>
    /// Attaches one CD-TEXT text to a track (<paramref name="track"/> &gt; 0) or to the session (0, the disc's entry),
    /// in language block 0, whose character code libburn sets to 0x00 ISO-8859-1 by default (libburn.h,
    /// burn_session_set_cdtext_par). Characters outside ISO-8859-1 become '?', and a note says so.
    /// </summary>
    private void SetCdText(nint owner, int track, int packType, string? text, string what, List<string> notes)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        if (text.Any(c => c > '\u00FF'))
        {
            notes.Add($"CD-TEXT is ISO-8859-1 here: characters of {what} outside it are written as '?'.");
        }

        var bytes = new byte[Encoding.Latin1.GetByteCount(text) + 1];
        Encoding.Latin1.GetBytes(text, bytes);
        int result;
        fixed (byte* payload = bytes)
        {
            // The payload is 0-terminated and its length counts the terminator (libburn.h, burn_track_set_cdtext).
            result = track > 0
                ? LibburnInterop.TrackSetCdText(owner, 0, packType, null, payload, bytes.Length, 0)
                : LibburnInterop.SessionSetCdText(owner, 0, packType, null, payload, bytes.Length, 0);
        }

        if (result <= 0)
        {
            throw Failed($"could not attach {what} as CD-TEXT", LibburnMessages.Drain());
        }
    }

    /// <summary>Turns libburn's per-track position into progress over the whole disc, with each track started exactly once, in order.</summary>
    private sealed class AudioProgress(IReadOnlyList<AudioTrack> tracks, IProgress<RecordingProgress> progress)
    {
        private readonly long[] _before = Before(tracks);
        private int _track = -1;
        private int _reportedTrack = -1;
        private long _done = -1;

        public long Total => _before[^1] + tracks[^1].Sectors;

        /// <summary>At <paramref name="sector"/> of track <paramref name="index"/> (both from 0).</summary>
        public void At(int index, long sector)
        {
            index = Math.Clamp(index, 0, tracks.Count - 1);
            if (index < _track)
            {
                return;
            }

            // Tracks passed between two polls are reported as written, so none is left out.
            while (_track < index - 1)
            {
                _track++;
                Report(_track, tracks[_track].Sectors);
            }

            _track = index;
            Report(index, Math.Clamp(sector, 0, tracks[index].Sectors));
        }

        /// <summary>Reports every track to its end.</summary>
        public void Finish()
        {
            At(tracks.Count - 1, tracks[^1].Sectors);
        }

        private static long[] Before(IReadOnlyList<AudioTrack> tracks)
        {
            var before = new long[tracks.Count];
            for (var i = 1; i < tracks.Count; i++)
            {
                before[i] = before[i - 1] + tracks[i - 1].Sectors;
            }

            return before;
        }

        private void Report(int index, long sector)
        {
            var done = _before[index] + sector;
            if (done == _done && index == _reportedTrack)
            {
                return;
            }

            _done = done;
            _reportedTrack = index;
            progress.Report(new RecordingProgress(RecordingPhase.Writing, done, Total, index + 1, tracks.Count));
        }
    }
}
