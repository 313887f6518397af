using System.Diagnostics;
using System.Globalization;
using DiscMastering.Imapi.Interop.Linux.Libburn;
using DiscMastering.Imapi.Media;

namespace DiscMastering.Imapi.Recording.Libburn;

/// <summary>
/// A drive grabbed through libburn: a real MMC drive or a <c>stdio:</c> pseudo-drive (a file). libburn writes and
/// blanks on its own threads; this class polls the drive until it is idle again, so every call returns with the
/// drive idle. Disposing cancels a write still running, waits for idle and releases the drive.
/// </summary>
internal sealed unsafe partial class LibburnDevice : IRecorderDevice
{
    /// <summary>How often a running write or blank is polled: often enough for smooth progress, rarely enough to cost nothing.</summary>
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>How long a freshly grabbed drive may take to tell what media it holds.</summary>
    private static readonly TimeSpan s_readyTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How long libburn's write thread may take to end once the drive is idle and the copy has stopped.</summary>
    private static readonly TimeSpan s_writeThreadTimeout = TimeSpan.FromSeconds(60);

    /// <summary>How long to look for a write thread when burn_disc_write seemed to refuse at once (it may just have been that fast).</summary>
    private static readonly TimeSpan s_refusedWriteGrace = TimeSpan.FromMilliseconds(200);

    private readonly LibburnDriveHandle _handle;
    private readonly string _backendName;
    private readonly int _role;

    public LibburnDevice(LibburnDriveHandle handle, string address, string backendName)
    {
        _handle = handle;
        _backendName = backendName;
        _role = LibburnInterop.DriveGetRole(handle.Drive);
        var info = handle.Info;
        Identity = new RecorderIdentity(
            address,
            BurnDriveInfo.Text(info->Vendor, 9),
            BurnDriveInfo.Text(info->Product, 17),
            BurnDriveInfo.Text(info->Revision, 5),
            OsPath: DeviceAddress(handle.Drive) ?? StripStdio(address),
            DriveLetter: null);
        WaitForMediaStatus();
    }

    /// <inheritdoc/>
    public RecorderIdentity Identity { get; }

    private string Address => Identity.Address;

    private bool IsPseudoDrive => _role != 1;

    private nint Drive
    {
        get
        {
            ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
            return _handle.Drive;
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<RecorderProperty> GetProperties()
    {
        var drive = Drive;
        var media = GetMediaDetails();
        var writeSpeed = LibburnInterop.DriveGetWriteSpeed(drive);
        var readSpeed = LibburnInterop.DriveGetReadSpeed(drive);
        return
        [
            new(1, "Address", Address),
            new(2, "Drive type", RoleText(_role)),
            new(3, "Media status", StatusText((BurnDiscStatus)LibburnInterop.DiscGetStatus(drive))),
            new(4, "Profile", media.Profile == 0 ? "none" : FormattableString.Invariant($"0x{media.Profile:X4} {media.MediaType}")),
            new(5, "Erasable", LibburnInterop.DiscErasable(drive) != 0 ? "yes" : "no"),
            new(6, "Maximum write speed", SpeedText(writeSpeed)),
            new(7, "Maximum read speed", SpeedText(readSpeed)),
            new(8, "Free space", media.MediaPresent ? DiscBlocks.Describe(media.FreeBlocks) : "no media"),
            new(9, "Device path", Identity.OsPath),
            new(10, "Library", _backendName),
        ];
    }

    /// <inheritdoc/>
    public MediaDetails GetMediaDetails()
    {
        var drive = Drive;
        var status = (BurnDiscStatus)LibburnInterop.DiscGetStatus(drive);
        if (status == BurnDiscStatus.Empty)
        {
            return MediaDetails.None;
        }

        var (profile, profileName) = Profile(drive);
        var flags = status switch
        {
            BurnDiscStatus.Blank => MediaFlags.Writable | MediaFlags.Blank,
            BurnDiscStatus.Appendable => MediaFlags.Writable | MediaFlags.Appendable,
            BurnDiscStatus.Full => MediaFlags.Closed,
            _ => MediaFlags.None,
        };
        if (LibburnInterop.DiscErasable(drive) != 0 || IsRewritableProfile(profile))
        {
            flags |= MediaFlags.Rewritable;
        }

        var writable = flags.HasFlag(MediaFlags.Writable);
        var (sessions, lastTrack) = TableOfContents(drive);
        return new MediaDetails
        {
            MediaPresent = true,
            Sessions = sessions,
            LastTrack = lastTrack,
            StartAddress = sessions > 0 && LibburnInterop.DiscGetMsc1(drive, out var msc1) > 0 ? msc1 : 0,
            NextWritable = writable && LibburnInterop.DiscTrackLbaNwa(drive, 0, 0, out _, out var nwa) == 1 ? nwa : 0,
            FreeBlocks = writable ? LibburnInterop.DiscAvailableSpace(drive, 0) / DiscBlocks.Size : 0,
            MediaType = profileName.Length > 0 ? profileName : status == BurnDiscStatus.Unsuitable ? "unsuitable media" : "unknown media",
            Profile = profile,
            Flags = flags,
        };
    }

    /// <inheritdoc/>
    public void WriteData(Stream image, long blocks, RecordOptions options, IProgress<RecordingProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var drive = Drive;
        LibburnMessages.Discard();
        using var writeOptions = new LibburnWriteOptionsHandle(LibburnInterop.WriteOptionsNew(drive));
        if (writeOptions.IsInvalid)
        {
            throw Failed("could not prepare the write", LibburnMessages.Drain());
        }

        LibburnInterop.WriteOptionsSetSimulate(writeOptions.Options, options.Simulate ? 1 : 0);
        LibburnInterop.WriteOptionsSetUnderrunProof(writeOptions.Options, options.BufferUnderrunProtection ? 1 : 0);
        LibburnInterop.WriteOptionsSetMulti(writeOptions.Options, options.Appendable ? 1 : 0);
        SetWriteSpeed(drive, options.Speed);

        using var feeder = LibburnImageFeeder.Create(image, blocks * DiscBlocks.Size);
        var disc = DataDisc(feeder, blocks);
        var messages = new List<LibburnMessage>();
        var started = false;
        try
        {
            ChooseWriteType(writeOptions, disc);
            feeder.Start();
            LibburnInterop.DiscWrite(writeOptions.Options, disc.Disc);

            // burn_disc_write marks the drive busy before it returns when it starts a write thread; idle means it refused.
            started = (BurnDriveStatus)LibburnInterop.DriveGetStatus(drive, null) != BurnDriveStatus.Idle;
            var lastDone = -1L;
            var closing = false;
            WaitUntilIdle(messages, cancel: () => cancellationToken.IsCancellationRequested || feeder.ImageFailed, (status, burn) =>
            {
                switch (status)
                {
                    case BurnDriveStatus.Writing or BurnDriveStatus.WritingPregap or BurnDriveStatus.WritingLeadIn or BurnDriveStatus.WritingSync:
                        var done = Math.Clamp((long)burn.Sector, 0, blocks);
                        if (done != lastDone)
                        {
                            lastDone = done;
                            progress.Report(new RecordingProgress(RecordingPhase.Writing, done, blocks, 1, 1));
                        }

                        break;
                    case BurnDriveStatus.WritingLeadOut or BurnDriveStatus.ClosingTrack or BurnDriveStatus.ClosingSession when !closing:
                        closing = true;
                        progress.Report(new RecordingProgress(RecordingPhase.Closing, blocks, blocks, 1, 1));
                        break;
                }
            });

            EndWrite(feeder, disc, messages, started);
            cancellationToken.ThrowIfCancellationRequested();
            if (feeder.ImageFailed)
            {
                ThrowImageFailure(feeder);
            }

            if (LibburnInterop.DriveWroteWell(drive) == 0)
            {
                throw Failed(options.Simulate ? "the simulated recording failed" : "the recording failed", messages);
            }

            // A write shorter than one poll shows no block progress; every write ends with its last block.
            if (lastDone < blocks)
            {
                progress.Report(new RecordingProgress(RecordingPhase.Writing, blocks, blocks, 1, 1));
            }
        }
        finally
        {
            if (!disc.IsClosed)
            {
                EndWrite(feeder, disc, messages, started);
            }
        }
    }

    /// <inheritdoc/>
    public void Erase(bool full, IProgress<RecordingProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var drive = Drive;
        if (IsPseudoDrive)
        {
            throw new DiscMasteringException(
                DiscMasteringError.MediaNotErasable,
                $"{Address} is a stdio pseudo-drive, whose file libburn does not blank; delete or overwrite {Identity.OsPath} instead.");
        }

        var status = (BurnDiscStatus)LibburnInterop.DiscGetStatus(drive);
        var media = Profile(drive).Name;
        switch (status)
        {
            case BurnDiscStatus.Empty:
                throw new DiscMasteringException(DiscMasteringError.NoMedia, $"there is no media in {Address} ({Identity.Vendor} {Identity.Product}); insert a disc and try again.");
            case BurnDiscStatus.Blank:
                throw new DiscMasteringException(
                    DiscMasteringError.MediaNotErasable,
                    $"the {media} in {Address} is blank already (or overwritable media, which needs no blanking); record on it directly.");
            case not (BurnDiscStatus.Full or BurnDiscStatus.Appendable):
                throw new DiscMasteringException(
                    DiscMasteringError.MediaNotErasable,
                    $"the {media} in {Address} cannot be blanked: libburn reports it as {StatusText(status)}; try another disc.");
        }

        // libburn cannot interrupt a blank once the drive has it, so the token counts only until it starts.
        cancellationToken.ThrowIfCancellationRequested();
        LibburnMessages.Discard();
        LibburnInterop.DiscErase(drive, full ? 0 : 1);
        var messages = new List<LibburnMessage>();
        WaitUntilIdle(messages, cancel: null, (busy, burn) =>
        {
            if (busy is BurnDriveStatus.Erasing or BurnDriveStatus.Formatting)
            {
                progress.Report(new RecordingProgress(RecordingPhase.Erasing, Math.Max(burn.Sector, 0), Math.Max(burn.Sectors, 0), 1, 1));
            }
        });

        if (LibburnInterop.DriveWroteWell(drive) == 0)
        {
            throw Failed(full ? "blanking (full) failed" : "blanking (fast) failed", messages);
        }
    }

    /// <inheritdoc/>
    public int ReadBlocks(long block, Span<byte> destination)
    {
        var drive = Drive;
        if (destination.IsEmpty)
        {
            return 0;
        }

        LibburnMessages.Discard();
        long count;
        int result;
        fixed (byte* data = destination)
        {
            result = LibburnInterop.ReadData(drive, block * DiscBlocks.Size, data, destination.Length, out count, flag: 0);
        }

        if (result > 0)
        {
            return (int)count;
        }

        var messages = LibburnMessages.Drain();
        if (count > 0)
        {
            // What was read is good; the caller reports where reading stopped.
            return (int)(count - count % DiscBlocks.Size);
        }

        throw new DiscMasteringException(
            DiscMasteringError.ReadBackFailed,
            $"reading block {block.ToString("N0", CultureInfo.InvariantCulture)} from {Address} failed ({LibburnMessages.Explain(messages)}); the media may be damaged or not written that far: check it in another drive.");
    }

    /// <inheritdoc/>
    public void EjectOnRelease()
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        _handle.EjectOnRelease = true;
    }

    /// <summary>Cancels a write still running, waits for the drive to be idle and releases it. Safe twice.</summary>
    public void Dispose()
    {
        if (_handle.IsClosed)
        {
            return;
        }

        try
        {
            if ((BurnDriveStatus)LibburnInterop.DriveGetStatus(_handle.Drive, null) != BurnDriveStatus.Idle)
            {
                WaitUntilIdle(messages: null, cancel: () => true, onPoll: null);
            }
        }
        finally
        {
            _handle.Dispose();
        }
    }

    private static string? DeviceAddress(nint drive)
    {
        var address = stackalloc byte[LibburnInterop.AddressLength];
        return LibburnInterop.DriveGetAddress(drive, address) > 0 ? LibburnMessages.CString(address, LibburnInterop.AddressLength) : null;
    }

    private static string StripStdio(string address) => address.StartsWith(LibburnBackend.StdioPrefix, StringComparison.Ordinal) ? address[LibburnBackend.StdioPrefix.Length..] : address;

    private static (int Number, string Name) Profile(nint drive)
    {
        var name = stackalloc byte[LibburnInterop.ProfileNameLength];
        return LibburnInterop.DiscGetProfile(drive, out var number, name) > 0
            ? (number, LibburnMessages.CString(name, LibburnInterop.ProfileNameLength))
            : (0, "");
    }

    /// <summary>
    /// Rewritable MMC profiles (MMC-5 profile list): CD-RW 0x0A, DVD-RAM 0x12, DVD-RW restricted overwrite 0x13 and
    /// sequential 0x14, DVD+RW 0x1A, BD-RE 0x43; and libburn's 0xFFFF for a stdio file, which is overwritable.
    /// </summary>
    private bool IsRewritableProfile(int profile) => profile switch
    {
        0x0A or 0x12 or 0x13 or 0x14 or 0x1A or 0x43 => true,
        0xFFFF => _role == 2,
        _ => false,
    };

    /// <summary>Sessions on the media and the number of the last track, from libburn's table of contents; (0, 0) when blank.</summary>
    private static (int Sessions, int LastTrack) TableOfContents(nint drive)
    {
        using var toc = new LibburnDiscHandle(LibburnInterop.DriveGetDisc(drive));
        if (toc.IsInvalid)
        {
            return (0, 0);
        }

        var sessions = LibburnInterop.DiscGetSessions(toc.Disc, out var sessionCount);
        if (sessions is null || sessionCount <= 0)
        {
            return (0, 0);
        }

        var last = sessions[sessionCount - 1];
        LibburnInterop.SessionGetTracks(last, out var trackCount);
        var first = LibburnInterop.SessionGetStartTrackNumber(last, 0);
        if (first <= 0)
        {
            // Without a start number, count the tracks of every session.
            first = 1;
            for (var i = 0; i < sessionCount - 1; i++)
            {
                LibburnInterop.SessionGetTracks(sessions[i], out var count);
                first += count;
            }
        }

        return (sessionCount, trackCount > 0 ? first + trackCount - 1 : 0);
    }

    private static string RoleText(int role) => role switch
    {
        1 => "MMC drive",
        2 => "stdio pseudo-drive (random access file)",
        3 => "stdio pseudo-drive (sequential, write-only)",
        4 => "stdio pseudo-drive (read-only)",
        5 => "stdio pseudo-drive (random access, write-only)",
        _ => "null drive",
    };

    private static string StatusText(BurnDiscStatus status) => status switch
    {
        BurnDiscStatus.Blank => "blank",
        BurnDiscStatus.Empty => "no media",
        BurnDiscStatus.Appendable => "appendable",
        BurnDiscStatus.Full => "closed (full)",
        BurnDiscStatus.Unsuitable => "unsuitable",
        _ => "not ready",
    };

    private static string SpeedText(int kilobytesPerSecond) =>
        kilobytesPerSecond > 0 ? kilobytesPerSecond.ToString(CultureInfo.InvariantCulture) + " kB/s" : "not reported";

    private void WaitForMediaStatus()
    {
        var stopwatch = Stopwatch.StartNew();
        while ((BurnDiscStatus)LibburnInterop.DiscGetStatus(_handle.Drive) == BurnDiscStatus.Unready && stopwatch.Elapsed < s_readyTimeout)
        {
            Thread.Sleep(50);
        }
    }

    /// <summary>
    /// Multiples of 1x to kB/s by the media's family (CD 176.4, DVD 1385, BD 4495); null asks for the fastest.
    /// A pseudo-drive has no speed to set.
    /// </summary>
    private void SetWriteSpeed(nint drive, double? speed)
    {
        if (IsPseudoDrive)
        {
            return;
        }

        if (speed is null)
        {
            LibburnInterop.DriveSetSpeed(drive, 0, 0);
            return;
        }

        var (profile, name) = Profile(drive);
        if (double.IsNaN(speed.Value) || speed <= 0)
        {
            throw new DiscMasteringException(DiscMasteringError.InvalidArguments, $"a write speed of {speed.Value.ToString(CultureInfo.InvariantCulture)}x is not possible; give a positive multiple such as 4, or none for the fastest.");
        }

        double unit = profile switch
        {
            >= 0x08 and <= 0x0A => 176.4,
            >= 0x10 and <= 0x2B => 1385,
            >= 0x40 and <= 0x43 => 4495,
            _ => throw new DiscMasteringException(
                DiscMasteringError.RecorderUnsupported,
                $"{Address} cannot be given a speed for {(name.Length > 0 ? name : "this media")}: its 1x is not known; record without a speed to use the fastest."),
        };
        LibburnInterop.DriveSetSpeed(drive, 0, (int)Math.Min(int.MaxValue, Math.Round(speed.Value * unit)));
    }

    /// <summary>One session with one Mode 1 data track whose source is the feeder's pipe, fixed to <paramref name="blocks"/> blocks.</summary>
    private LibburnDiscHandle DataDisc(LibburnImageFeeder feeder, long blocks)
    {
        var disc = new LibburnDiscHandle(LibburnInterop.DiscCreate());
        var session = LibburnInterop.SessionCreate();
        var track = LibburnInterop.TrackCreate();
        try
        {
            if (disc.IsInvalid || session == 0 || track == 0)
            {
                throw Failed("could not prepare the track", LibburnMessages.Drain());
            }

            // pad = 1: libburn fills a short last block with zeros too.
            LibburnInterop.TrackDefineData(track, 0, 0, 1, LibburnInterop.Mode1);
            var source = feeder.HandOverReadEnd(fd => LibburnInterop.FdSourceNew(fd, -1, blocks * DiscBlocks.Size));
            if (source == 0)
            {
                throw Failed("could not connect the image to libburn", LibburnMessages.Drain());
            }

            var attached = LibburnInterop.TrackSetSource(track, source);
            LibburnInterop.SourceFree(source);
            if (attached != LibburnInterop.SourceOk)
            {
                throw Failed("could not connect the image to libburn", LibburnMessages.Drain());
            }

            LibburnInterop.SessionAddTrack(session, track, LibburnInterop.PositionEnd);
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
            // The session and the disc hold their own references now (libburn counts them); drop ours.
            if (track != 0)
            {
                LibburnInterop.TrackFree(track);
            }

            if (session != 0)
            {
                LibburnInterop.SessionFree(session);
            }
        }
    }

    private void ChooseWriteType(LibburnWriteOptionsHandle writeOptions, LibburnDiscHandle disc)
    {
        var reasons = stackalloc byte[LibburnInterop.ReasonsLength];
        if (LibburnInterop.WriteOptionsAutoWriteType(writeOptions.Options, disc.Disc, reasons, 0) == LibburnInterop.WriteNone)
        {
            var why = LibburnMessages.CString(reasons, LibburnInterop.ReasonsLength).Trim();
            var messages = LibburnMessages.Explain(LibburnMessages.Drain(), fallback: "");
            var text = string.Join("; ", new[] { why, messages }.Where(t => t.Length > 0));
            var media = Profile(Drive).Name;
            throw new DiscMasteringException(
                DiscMasteringError.RecorderUnsupported,
                $"{Address} cannot write this track to the {(media.Length > 0 ? media : "media")} it holds: neither SAO nor TAO fits ({(text.Length > 0 ? text : "libburn gave no reason")}); try other media, or record without simulation or appending.");
        }
    }

    /// <summary>
    /// Polls the drive until it is idle. While <paramref name="cancel"/> says so, asks libburn to cancel on every poll
    /// (a cancel during spawning would be lost). If polling itself throws, the drive is cancelled and waited for
    /// before the exception goes on: libburn's thread must be done with the disc before it is freed.
    /// </summary>
    private void WaitUntilIdle(List<LibburnMessage>? messages, Func<bool>? cancel, Action<BurnDriveStatus, BurnProgress>? onPoll)
    {
        var drive = _handle.Drive;
        try
        {
            while (true)
            {
                BurnProgress burn;
                var status = (BurnDriveStatus)LibburnInterop.DriveGetStatus(drive, &burn);
                LibburnMessages.Drain(messages);
                if (status == BurnDriveStatus.Idle)
                {
                    return;
                }

                if (cancel?.Invoke() == true)
                {
                    LibburnInterop.DriveCancel(drive);
                }

                onPoll?.Invoke(status, burn);
                Thread.Sleep(s_pollInterval);
            }
        }
        catch when (cancel is not null || onPoll is not null)
        {
            while ((BurnDriveStatus)LibburnInterop.DriveGetStatus(drive, null) != BurnDriveStatus.Idle)
            {
                LibburnInterop.DriveCancel(drive);
                Thread.Sleep(s_pollInterval);
            }

            throw;
        }
    }

    /// <summary>
    /// Ends a write whose drive is idle: the copy stops (its end of the pipe closes, so a libburn thread still reading
    /// sees the end), libburn's write thread is waited for, and only then is the disc freed, which closes the read
    /// end and so also ends a copy blocked on a pipe nobody reads (a simulation reads nothing). libburn's thread
    /// holds no reference on the disc: freeing it earlier would pull it from under that thread.
    /// </summary>
    private static void EndWrite(LibburnImageFeeder feeder, LibburnDiscHandle disc, List<LibburnMessage> messages, bool started) =>
        EndWrite([feeder], disc, messages, started);

    /// <summary>Ends a write fed by several pipes (one per track), as <see cref="EndWrite(LibburnImageFeeder, LibburnDiscHandle, List{LibburnMessage}, bool)"/> does for one.</summary>
    private static void EndWrite(IReadOnlyList<LibburnImageFeeder> feeders, LibburnDiscHandle disc, List<LibburnMessage> messages, bool started)
    {
        foreach (var feeder in feeders)
        {
            feeder.Stop();
        }

        var limit = started ? s_writeThreadTimeout : s_refusedWriteGrace;
        var stopwatch = Stopwatch.StartNew();
        while (!messages.Any(m => m.Code == LibburnMessages.WriteThreadEnded) && stopwatch.Elapsed < limit)
        {
            Thread.Sleep(10);
            LibburnMessages.Drain(messages);
        }

        if (started && !messages.Any(m => m.Code == LibburnMessages.WriteThreadEnded))
        {
            // The thread never said it ended: leaking the disc (and a copy that may stay blocked) beats freeing memory in use.
            disc.SetHandleAsInvalid();
            return;
        }

        // The thread removes itself from libburn's worker list right after its last message; give it that moment.
        Thread.Sleep(20);
        disc.Dispose();
        foreach (var feeder in feeders)
        {
            feeder.WaitForExit();
        }
    }

    private void ThrowImageFailure(LibburnImageFeeder feeder)
    {
        try
        {
            feeder.ThrowIfImageFailed();
        }
        catch (IOException e)
        {
            throw new DiscMasteringException(
                DiscMasteringError.RecordingFailed,
                $"reading the image failed while recording to {Address} ({e.Message}); the recording was stopped: check the image and record it again on new media.",
                e);
        }
    }

    private DiscMasteringException Failed(string what, IReadOnlyCollection<LibburnMessage> messages)
    {
        var advice = IsPseudoDrive
            ? $"check that {Identity.OsPath} can be written and its file system has room"
            : "check the media and the drive, then try again with new media";
        return new DiscMasteringException(DiscMasteringError.RecordingFailed, $"{what} on {Address}: {LibburnMessages.Explain(messages)}; {advice}.");
    }
}
