using System.Globalization;
using DiscMastering.Imapi.Interop.Windows;
using DiscMastering.Imapi.Media;
using Microsoft.Win32.SafeHandles;

namespace DiscMastering.Imapi.Recording.Imapi;

/// <summary>
/// One IMAPI v1 recorder taken for exclusive use (IDiscRecorder::OpenExclusive) until disposed. Properties, media,
/// blanking and ejecting go through v1, as in the original wrapper; an image is written through IMAPI2's
/// IDiscFormat2Data, for which v1's hold is let go and IMAPI2's exclusive access taken for the write's duration.
/// </summary>
internal sealed unsafe partial class ImapiDevice : IRecorderDevice
{
    /// <summary>IMAPI_E_MEDIUM_NOTPRESENT (imapierror.h).</summary>
    private const int MediumNotPresent = unchecked((int)0x8004020F);

    /// <summary>E_IMAPI_RECORDER_MEDIA_NO_MEDIA (imapi2error.h).</summary>
    private const int RecorderMediaNoMedia = unchecked((int)0xC0AA0202);

    private readonly ImapiBackend _backend;
    private readonly ImapiRecorderInfo _info;
    private IDiscRecorder? _recorder;
    private bool _exclusive;
    private bool _ejectOnRelease;

    /// <summary>Takes ownership of <paramref name="recorder"/> and opens it for exclusive use; on failure releases it and throws.</summary>
    public ImapiDevice(ImapiBackend backend, IDiscRecorder recorder, in ImapiRecorderInfo info)
    {
        _backend = backend;
        _recorder = recorder;
        _info = info;
        try
        {
            ImapiErrors.ThrowIfFailed(recorder.OpenExclusive(), Address, $"taking {Address} for exclusive use");
            _exclusive = true;
        }
        catch
        {
            ComObjects.Release(recorder);
            _recorder = null;
            throw;
        }
    }

    /// <inheritdoc/>
    public RecorderIdentity Identity => _info.Identity;

    private string Address => _info.Identity.DriveLetter is { } letter ? $"{letter} ({_info.Identity.Address})" : _info.Identity.Address;

    private IDiscRecorder Recorder => _recorder ?? throw new ObjectDisposedException(nameof(ImapiDevice));

    /// <summary>GetRecorderProperties, read through <see cref="PropertyStorage"/>.</summary>
    public IReadOnlyList<RecorderProperty> GetProperties()
    {
        nint storage;
        ImapiErrors.ThrowIfFailed(Recorder.GetRecorderProperties(&storage), Address, $"reading the properties of {Address}");
        using var properties = PropertyStorage.FromPointer(storage);
        try
        {
            return properties.ReadAll();
        }
        catch (Exception e) when (e is not DiscMasteringException)
        {
            throw ImapiErrors.ToException(e.HResult, Address, $"reading the properties of {Address}");
        }
    }

    /// <summary>QueryMediaType, then QueryMediaInfo; no media (either way IMAPI says it) is <see cref="MediaDetails.None"/>.</summary>
    public MediaDetails GetMediaDetails()
    {
        var recorder = Recorder;
        var what = $"reading the media in {Address}";
        int type, flags;
        var hr = recorder.QueryMediaType(&type, &flags);
        if (hr is MediumNotPresent or RecorderMediaNoMedia)
        {
            return MediaDetails.None;
        }

        ImapiErrors.ThrowIfFailed(hr, Address, what);
        if (type == 0)
        {
            return MediaDetails.None;
        }

        byte sessions, lastTrack;
        uint start, next, free;
        hr = recorder.QueryMediaInfo(&sessions, &lastTrack, &start, &next, &free);
        if (hr is MediumNotPresent or RecorderMediaNoMedia)
        {
            return MediaDetails.None;
        }

        ImapiErrors.ThrowIfFailed(hr, Address, what);
        return ImapiMedia.Details(type, flags, sessions, lastTrack, start, next, free);
    }

    /// <summary>
    /// IMAPI2: v1's hold is closed; MsftDiscRecorder2 is found and initialised, AcquireExclusiveAccess; MsftDiscFormat2Data
    /// gets put_Recorder, put_ClientName, put_BufferUnderrunFreeDisabled, put_ForceMediaToBeClosed and SetWriteSpeed, then
    /// Write with the image as an IStream; cancelling calls CancelWrite. ReleaseExclusiveAccess and v1's OpenExclusive
    /// follow whatever happened. IMAPI2 cannot simulate, so a simulated write is refused before anything starts.
    /// Progress comes from IMAPI2's DDiscFormat2DataEvents (FindConnectionPoint, Advise with an IDispatch sink,
    /// Unadvise after the write); until the first event, or where the format offers none, it counts the blocks IMAPI2
    /// has read from the image.
    /// </summary>
    public void WriteData(Stream image, long blocks, RecordOptions options, IProgress<RecordingProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var what = $"recording to {Address}";
        _ = Recorder;
        if (options.Simulate)
        {
            throw new DiscMasteringException(
                DiscMasteringError.RecorderUnsupported,
                $"{what}: IMAPI2, which writes images on Windows, cannot simulate a write; record without simulation.");
        }

        if (blocks > int.MaxValue)
        {
            throw new DiscMasteringException(DiscMasteringError.ExceedsCapacity, $"{what}: the image has more blocks than IMAPI2 can address; record it in parts.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        ReleaseExclusive();
        IDiscRecorder2? recorder2 = null;
        IDiscFormat2Data? format = null;
        var acquired = false;
        try
        {
            recorder2 = _backend.OpenRecorder2(_info, what);
            var owner = recorder2;
            ImapiErrors.ThrowIfFailed(recorder2.AcquireExclusiveAccess(0, ImapiBackend.ClientName), Address, what, () => Owner(owner));
            acquired = true;
            format = _backend.Create<IDiscFormat2Data>(ImapiClassIds.MsftDiscFormat2Data, Address, what);
            ImapiErrors.ThrowIfFailed(format.put_Recorder(recorder2), Address, what);
            ImapiErrors.ThrowIfFailed(format.put_ClientName(ImapiBackend.ClientName), Address, what);
            ImapiErrors.ThrowIfFailed(format.put_BufferUnderrunFreeDisabled(VariantBool(!options.BufferUnderrunProtection)), Address, what);
            ImapiErrors.ThrowIfFailed(format.put_ForceMediaToBeClosed(VariantBool(!options.Appendable)), Address, what);
            if (options.Speed is { } speed)
            {
                SetWriteSpeed(format, speed, what);
            }

            var writer = format;
            var events = new ImapiWriteEvents(progress, stop: () => _ = writer.CancelWrite());
            using var window = new ImapiImageStream(image, blocks, progress, quiet: () => events.Updated, cancellationToken);
            using var stream = new IStreamOnStream(window, leaveOpen: true);
            progress.Report(new RecordingProgress(RecordingPhase.Writing, 0, blocks, 1, 1));
            int hr;
            var subscription = Subscribe(format, events);
            try
            {
                using (cancellationToken.Register(() => writer.CancelWrite()))
                {
                    // CancelWrite before Write has started is refused (E_IMAPI_DF2DATA_WRITE_NOT_IN_PROGRESS), so a
                    // cancellation from the progress report above must stop the write here (or in the image's reads).
                    cancellationToken.ThrowIfCancellationRequested();
                    hr = format.Write(stream);
                }
            }
            finally
            {
                if (subscription.Point is { } point)
                {
                    _ = point.Unadvise(subscription.Cookie);
                    ComObjects.Release(point);
                }
            }

            if ((events.Failure ?? window.ProgressFailure) is { } handlerFailure)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(handlerFailure);
            }

            if (hr < 0 && cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException($"{what} was cancelled.", cancellationToken);
            }

            if (hr < 0 && window.Failure is { } failure)
            {
                throw failure as DiscMasteringException ?? new DiscMasteringException(
                    DiscMasteringError.RecordingFailed,
                    $"{what}: reading the image failed ({failure.Message}); the recording was stopped: check the image and record it again on new media.",
                    failure);
            }

            ImapiErrors.ThrowIfFailed(hr, Address, what);
            progress.Report(new RecordingProgress(RecordingPhase.Closing, blocks, blocks, 1, 1));
        }
        finally
        {
            ComObjects.Release(format);
            if (acquired)
            {
                _ = recorder2!.ReleaseExclusiveAccess();
            }

            ComObjects.Release(recorder2);
            RetakeExclusive();
        }
    }

    /// <summary>
    /// IDiscRecorder::Erase (fast or full). IMAPI v1 blanks synchronously and reports no blocks, so progress is the
    /// start and the end, and the token counts only until blanking starts.
    /// </summary>
    public void Erase(bool full, IProgress<RecordingProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var recorder = Recorder;
        cancellationToken.ThrowIfCancellationRequested();
        progress.Report(new RecordingProgress(RecordingPhase.Erasing, 0, 0, 1, 1));
        ImapiErrors.ThrowIfFailed(recorder.Erase(full ? (byte)1 : (byte)0), Address, full ? $"blanking (full) {Address}" : $"blanking (fast) {Address}");
    }

    /// <summary>
    /// IMAPI has no read call, so blocks are read from the drive's volume (\\.\E:) on Windows; elsewhere, or without a
    /// drive letter, reading back is not possible.
    /// </summary>
    public int ReadBlocks(long block, Span<byte> destination)
    {
        _ = Recorder;
        if (destination.IsEmpty)
        {
            return 0;
        }

        var letter = Identity.DriveLetter;
        if (!OperatingSystem.IsWindows() || letter is null)
        {
            throw new DiscMasteringException(
                DiscMasteringError.RecorderUnsupported,
                $"{Address} cannot be read back: it has no drive letter to read its volume through; assign one in Disk Management, or verify in another drive.");
        }

        try
        {
            using SafeFileHandle volume = File.OpenHandle($@"\\.\{letter}", FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var total = 0;
            while (total < destination.Length)
            {
                var read = RandomAccess.Read(volume, destination[total..], block * DiscBlocks.Size + total);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }

            return total - total % DiscBlocks.Size;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DiscMasteringException(
                DiscMasteringError.ReadBackFailed,
                $"reading block {block.ToString("N0", CultureInfo.InvariantCulture)} from {Address} failed ({e.Message}); the media may be damaged or not written that far: check it in another drive.",
                e);
        }
    }

    /// <inheritdoc/>
    public void EjectOnRelease()
    {
        _ = Recorder;
        _ejectOnRelease = true;
    }

    /// <summary>Ejects if asked (IDiscRecorder::Eject), closes the exclusive hold (Close) and releases the recorder. Safe twice.</summary>
    public void Dispose()
    {
        var recorder = _recorder;
        if (recorder is null)
        {
            return;
        }

        _recorder = null;
        try
        {
            if (_ejectOnRelease && _exclusive)
            {
                _ = recorder.Eject();
            }

            if (_exclusive)
            {
                _exclusive = false;
                _ = recorder.Close();
            }
        }
        finally
        {
            ComObjects.Release(recorder);
        }
    }

    /// <summary>
    /// Stages <paramref name="folder"/> with IMAPI v1's Joliet format and records it, as the original wrapper's
    /// JolietDiscMaster did: SetActiveDiscMasterFormat(IJolietDiscMaster), AddData(a <see cref="FolderStorage"/>),
    /// SetActiveDiscRecorder, RecordDisc; progress and QueryCancel come through the backend's sink. The staged content
    /// is cleared (ClearFormatContent) whatever happens.
    /// </summary>
    internal void RecordFolder(string folder, RecordOptions options, IProgress<RecordingProgress> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var recorder = Recorder;
        var master = _backend.Master;
        var what = $"recording {folder} to {Address}";
        cancellationToken.ThrowIfCancellationRequested();

        // The folder is checked before IMAPI hands out its format, which nothing would release if this threw later.
        if (!Directory.Exists(folder))
        {
            throw new DiscMasteringException(DiscMasteringError.SourceNotFound, $"{what}: the folder {folder} does not exist; name an existing folder.");
        }

        var formatId = typeof(IJolietDiscMaster).GUID;
        nint formatPointer;
        ImapiErrors.ThrowIfFailed(master.SetActiveDiscMasterFormat(&formatId, &formatPointer), Address, what);
        var joliet = ComObjects.Take<IJolietDiscMaster>(formatPointer);
        var storage = new FolderStorage(folder);
        _backend.Sink.Begin(progress, cancellationToken);
        try
        {
            var hr = joliet.AddData(storage, 1);
            ThrowUnlessDone(hr, what, cancellationToken);
            ReleaseExclusive();
            ImapiErrors.ThrowIfFailed(master.SetActiveDiscRecorder(recorder), Address, what);
            hr = master.RecordDisc(options.Simulate ? (byte)1 : (byte)0, options.Eject ? (byte)1 : (byte)0);
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
                storage.Dispose();
                ComObjects.Release(joliet);
                RetakeExclusive();
            }
        }
    }

    /// <summary>Advises <paramref name="events"/> on the format's DDiscFormat2DataEvents connection point; (null, 0) where it has none.</summary>
    private static (IConnectionPoint? Point, uint Cookie) Subscribe(IDiscFormat2Data format, ImapiWriteEvents events)
    {
        if (format is not IConnectionPointContainer container)
        {
            return (null, 0);
        }

        var iid = typeof(DDiscFormat2DataEvents).GUID;
        nint pointPointer;
        if (container.FindConnectionPoint(&iid, &pointPointer) < 0 || pointPointer == 0)
        {
            return (null, 0);
        }

        var point = ComObjects.Take<IConnectionPoint>(pointPointer);
        var sink = ComObjects.PointerFor(events, iid);
        try
        {
            uint cookie;
            if (point.Advise(sink, &cookie) < 0)
            {
                ComObjects.Release(point);
                return (null, 0);
            }

            return (point, cookie);
        }
        finally
        {
            // Advise took its own reference on the sink.
            System.Runtime.InteropServices.Marshal.Release(sink);
        }
    }

    private static short VariantBool(bool value) => value ? (short)-1 : (short)0;

    private static string? Owner(IDiscRecorder2 recorder2) =>
        recorder2.get_ExclusiveAccessOwner(out var owner) >= 0 ? owner : null;

    private void ThrowUnlessDone(int hr, string what, CancellationToken cancellationToken)
    {
        if (hr < 0 && (cancellationToken.IsCancellationRequested || hr == ImapiErrors.UserAbort))
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        ImapiErrors.ThrowIfFailed(hr, Address, what);
    }

    /// <summary>
    /// Sectors per second at 1x by IMAPI_MEDIA_PHYSICAL_TYPE (imapi2.h: IMAPI_SECTORS_PER_SECOND_AT_1X_CD 75, _DVD 680,
    /// _BD 2195, _HD_DVD 4568); media types 1-3 are CDs, 4-11 and 13 DVDs, 14-16 HD DVDs, 17-19 BDs.
    /// </summary>
    private void SetWriteSpeed(IDiscFormat2Data format, double speed, string what)
    {
        if (double.IsNaN(speed) || speed <= 0)
        {
            throw new DiscMasteringException(DiscMasteringError.InvalidArguments, $"a write speed of {speed.ToString(CultureInfo.InvariantCulture)}x is not possible; give a positive multiple such as 4, or none for the fastest.");
        }

        int type;
        ImapiErrors.ThrowIfFailed(format.get_CurrentPhysicalMediaType(&type), Address, what);
        var unit = type switch
        {
            >= 1 and <= 3 => 75,
            (>= 4 and <= 11) or 13 => 680,
            >= 14 and <= 16 => 4568,
            >= 17 and <= 19 => 2195,
            _ => throw new DiscMasteringException(
                DiscMasteringError.RecorderUnsupported,
                $"{what}: the speed cannot be set for this media, whose 1x is not known; record without a speed to use the fastest."),
        };
        var sectors = (int)Math.Min(int.MaxValue, Math.Round(speed * unit));
        ImapiErrors.ThrowIfFailed(format.SetWriteSpeed(sectors, 0), Address, what);
    }

    private void ReleaseExclusive()
    {
        if (_exclusive && _recorder is { } recorder)
        {
            _exclusive = false;
            _ = recorder.Close();
        }
    }

    /// <summary>Takes v1's exclusive hold again after IMAPI2 or RecordDisc had the drive; if another program got in between, the device stays usable for what needs no hold.</summary>
    private void RetakeExclusive()
    {
        if (!_exclusive && _recorder is { } recorder)
        {
            _exclusive = recorder.OpenExclusive() >= 0;
        }
    }
}
