using DiscMastering.Imapi.Iso9660;
using DiscMastering.Imapi.Recording;
using DiscMastering.Imapi.Recording.Imapi;
using DiscMastering.Imapi.Sources;
using DiscMastering.Imapi.Tests.Interop.Windows.NativeFake;

namespace DiscMastering.Imapi.Tests.Interop.Windows;

/// <summary>
/// Recording and blanking with the Windows IMAPI backend against the native IMAPI fake: IMAPI v1's Joliet staging and
/// RecordDisc with the progress sink and QueryCancel, IMAPI2's image write through IStreamOnStream with CancelWrite and
/// its exclusive lock, and IDiscRecorder::Erase. Every test ends with no reference left on any fake object and the
/// session closed (<see cref="NativeFakeScope"/>), those that throw midway included.
/// </summary>
[Collection(NativeFakeCollection.Name)]
[Trait("Category", "ImapiNativeFake")]
public sealed class ImapiOverNativeFakeRecordingTests : IDisposable
{
    private const string FakePath = @"\\?\fake#cdrom#0";
    private const int IMAPI_E_USERABORT = unchecked((int)0x8004020D); // imapierror.h
    private const int IMAPI_E_LOSS_OF_STREAMING = unchecked((int)0x80040227); // imapierror.h
    private const int E_IMAPI_RECORDER_MEDIA_BUSY = unchecked((int)0xC0AA0207); // imapi2error.h

    private static readonly MasteringOptions s_options = new() { VolumeLabel = "FAKEBURN", SourceDateEpoch = DateTimeOffset.FromUnixTimeSeconds(1_600_000_000) };

    private readonly NativeFakeScope _fake = new();
    private readonly TempDirectory _temp = new();
    private readonly string _folder;

    public ImapiOverNativeFakeRecordingTests()
    {
        _folder = _temp.CreateDirectory("content");
        _temp.WriteFile("content/setup.exe", Bytes(3_000, seed: 1));
        _temp.WriteFile("content/docs/readme.txt", "read me");
        _temp.WriteFile("content/docs/deep/data.bin", Bytes(200_000, seed: 2));
        _temp.WriteFile("content/empty.txt", []);
    }

    public void Dispose()
    {
        _temp.Dispose();
        _fake.Dispose();
    }

    [Fact]
    public void RecordFolder_StagesExactlyTheFolder_AndTheSinkReportsAsProgress()
    {
        // ClearFormatContent empties the staging after the burn, so it is read while the disc closes.
        string[] staged = [];
        var progress = new ListProgress(p =>
        {
            if (p.Phase == RecordingPhase.Closing)
            {
                staged = NativeFakeLibrary.Staged();
            }
        });
        using (var backend = ImapiBackend.Open(new NativeFakeActivator()))
        using (var device = (ImapiDevice)backend.Open(FakePath))
        {
            device.RecordFolder(_folder, new RecordOptions(), progress, CancellationToken.None);
        }

        Assert.Equal(
            [
                $"docs\\deep\\data.bin\t200000\t{Fnv1a(Bytes(200_000, seed: 2))}",
                $"docs\\readme.txt\t7\t{Fnv1a("read me"u8.ToArray())}",
                $"empty.txt\t0\t{Fnv1a([])}",
                $"setup.exe\t3000\t{Fnv1a(Bytes(3_000, seed: 1))}",
            ],
            staged.Order(StringComparer.Ordinal));
        Assert.Empty(NativeFakeLibrary.Staged());
        Assert.Equal(1, NativeFakeLibrary.BurnCount());
        var blockReports = progress.Reports.Where(p => p.Phase == RecordingPhase.Writing && p.BlocksTotal > 0).ToList();
        Assert.Equal(NativeFakeLibrary.ProgressCalls("NotifyBlockProgress"), blockReports.Count);
        Assert.True(blockReports.Count > 1);
        Assert.Equal(blockReports[^1].BlocksTotal, blockReports[^1].BlocksDone);
        Assert.Equal(
            NativeFakeLibrary.ProgressCalls("NotifyAddProgress") + NativeFakeLibrary.ProgressCalls("NotifyPreparingBurn"),
            progress.Reports.Count(p => p.Phase == RecordingPhase.Preparing));
        Assert.Equal(1, progress.Reports.Count(p => p.Phase == RecordingPhase.Closing));
        Assert.Equal(RecordingPhase.Closing, progress.Reports[^1].Phase);
        Assert.Equal("IDiscMaster::ClearFormatContent", NativeFakeLibrary.Calls().SkipWhile(c => c != "IDiscMaster::RecordDisc").ElementAt(1));
    }

    [Fact]
    public void RecordFolder_CancelledMidway_IsAnsweredByQueryCancel_AndNothingIsBurnt()
    {
        using var cancellation = new CancellationTokenSource();
        var progress = new ListProgress(p =>
        {
            if (p.Phase == RecordingPhase.Writing && p.BlocksDone > 0)
            {
                cancellation.Cancel();
            }
        });
        using (var backend = ImapiBackend.Open(new NativeFakeActivator()))
        using (var device = (ImapiDevice)backend.Open(FakePath))
        {
            var exception = Assert.ThrowsAny<OperationCanceledException>(() => device.RecordFolder(_folder, new RecordOptions(), progress, cancellation.Token));

            Assert.Equal(cancellation.Token, exception.CancellationToken);
        }

        Assert.Equal(0, NativeFakeLibrary.BurnCount());
        Assert.Equal(1, progress.Reports.Count(p => p.Phase == RecordingPhase.Writing && p.BlocksDone > 0));
        Assert.True(NativeFakeLibrary.ProgressCalls("QueryCancel") > 1);
        Assert.Equal(1, NativeFakeLibrary.ProgressCalls("NotifyBurnComplete"));
        Assert.Contains("IDiscMaster::ClearFormatContent", NativeFakeLibrary.Calls());
    }

    [Fact]
    public void RecordFolder_AbortedByImapiItself_IsCancelledDm1008()
    {
        NativeFakeLibrary.Fail("IDiscMaster::RecordDisc", IMAPI_E_USERABORT);
        using var backend = ImapiBackend.Open(new NativeFakeActivator());
        using var device = (ImapiDevice)backend.Open(FakePath);

        var exception = Assert.Throws<DiscMasteringException>(() => device.RecordFolder(_folder, new RecordOptions(), new ListProgress(), CancellationToken.None));

        Assert.Equal(DiscMasteringError.Cancelled, exception.Error);
        Assert.Equal(1008, (int)exception.Error);
        Assert.Contains("IMAPI_E_USERABORT", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordFolder_FailingMidBurn_StillClearsReleasesAndCloses()
    {
        NativeFakeLibrary.Fail("IDiscMaster::RecordDisc", IMAPI_E_LOSS_OF_STREAMING);
        using (var backend = ImapiBackend.Open(new NativeFakeActivator()))
        using (var device = (ImapiDevice)backend.Open(FakePath))
        {
            var exception = Assert.Throws<DiscMasteringException>(() => device.RecordFolder(_folder, new RecordOptions(), new ListProgress(), CancellationToken.None));

            Assert.Equal(DiscMasteringError.RecordingFailed, exception.Error);
            Assert.Contains("IMAPI_E_LOSS_OF_STREAMING", exception.Message, StringComparison.Ordinal);
            Assert.Equal(1, NativeFakeLibrary.RecorderIsOpen());
        }

        Assert.Contains("IDiscMaster::ClearFormatContent", NativeFakeLibrary.Calls());
    }

    [Fact]
    public void RecordFolder_ProgressHandlerThrowingMidBurn_IsRethrown_AndEverythingIsReleased()
    {
        var progress = new ListProgress(p =>
        {
            if (p.Phase == RecordingPhase.Writing && p.BlocksDone > 0)
            {
                throw new InvalidOperationException("the progress display failed");
            }
        });
        using (var backend = ImapiBackend.Open(new NativeFakeActivator()))
        using (var device = (ImapiDevice)backend.Open(FakePath))
        {
            var exception = Assert.Throws<InvalidOperationException>(() => device.RecordFolder(_folder, new RecordOptions(), progress, CancellationToken.None));

            Assert.Equal("the progress display failed", exception.Message);
        }

        Assert.Equal(0, NativeFakeLibrary.BurnCount());
    }

    [Fact]
    public void Record_Image_IsReadWholeThroughIStream_ByteForByteTheImageFile()
    {
        var sources = new[] { new DiscSource("", _folder) };
        var imagePath = _temp.Combine("expected.iso");
        ImageMaster.MasterToFile(sources, imagePath, s_options);
        var events = new List<string>();
        long lastDone = 0, lastTotal = -1;
        RecordingResult result;
        using (var master = Open())
        using (var image = ImageMaster.MasterToStream(sources, s_options))
        {
            var recorder = master.Recorders[0];
            recorder.PreparingBurn += (_, _) => events.Add("PreparingBurn");
            recorder.TrackProgress += (_, _) => events.Add("TrackProgress");
            recorder.ClosingDisc += (_, _) => events.Add("ClosingDisc");
            recorder.BurnComplete += (_, _) => events.Add("BurnComplete");
            recorder.BlockProgress += (_, e) => (lastDone, lastTotal) = (e.Progress.BlocksDone, e.Progress.BlocksTotal);

            result = recorder.Record(image);

            var media = recorder.GetMediaDetails();
            Assert.Equal(MediaFlags.Closed, media.Flags);
        }

        var expected = File.ReadAllBytes(imagePath);
        Assert.Equal(expected.Length, NativeFakeLibrary.WrittenLength());
        Assert.True(expected.AsSpan().SequenceEqual(NativeFakeLibrary.Written()), "the bytes IMAPI2 read differ from the image file");
        Assert.Equal(expected.Length / 2048, result.Blocks);
        Assert.Equal(["PreparingBurn", "TrackProgress", "ClosingDisc", "BurnComplete"], events);
        Assert.Equal((result.Blocks, result.Blocks), (lastDone, lastTotal));
        var calls = NativeFakeLibrary.Calls();
        Assert.True(NativeFakeLibrary.ProgressCalls("Update") > 2, "IMAPI2's Update events did not reach the sink");
        Assert.Equal(
            ["IConnectionPointContainer::FindConnectionPoint", "IConnectionPoint::Advise", "IDiscFormat2Data::Write", "IConnectionPoint::Unadvise"],
            calls.Where(c => c.StartsWith("IConnection", StringComparison.Ordinal) || c == "IDiscFormat2Data::Write"));
        Assert.True(
            Array.IndexOf(calls, "IDiscRecorder2::AcquireExclusiveAccess") < Array.IndexOf(calls, "IDiscFormat2Data::Write")
            && Array.IndexOf(calls, "IDiscFormat2Data::Write") < Array.IndexOf(calls, "IDiscRecorder2::ReleaseExclusiveAccess"),
            string.Join(", ", calls));
    }

    [Fact]
    public void Record_CancelledDuringTheWrite_CallsCancelWrite_AndWritesNotAll()
    {
        using var cancellation = new CancellationTokenSource();
        using (var master = Open())
        using (var image = ImageMaster.MasterToStream([new DiscSource("", _folder)], s_options))
        {
            var recorder = master.Recorders[0];
            recorder.BlockProgress += (_, e) =>
            {
                if (e.Progress.BlocksDone > 0)
                {
                    cancellation.Cancel();
                }
            };

            Assert.ThrowsAny<OperationCanceledException>(() => recorder.Record(image, cancellationToken: cancellation.Token));

            Assert.True(NativeFakeLibrary.WrittenLength() < image.Length);
            Assert.True(recorder.GetMediaDetails().Flags.HasFlag(MediaFlags.Blank));
        }

        Assert.Contains("IDiscFormat2Data::CancelWrite", NativeFakeLibrary.Calls());
        Assert.Contains("IDiscRecorder2::ReleaseExclusiveAccess", NativeFakeLibrary.Calls());
    }

    [Fact]
    public void Record_EventsReportTheBlocksWritten_InOrder_UpToTheWhole()
    {
        var done = new List<long>();
        using (var master = Open())
        using (var image = ImageMaster.MasterToStream([new DiscSource("", _folder)], s_options))
        {
            var recorder = master.Recorders[0];
            recorder.BlockProgress += (_, e) => done.Add(e.Progress.BlocksDone);

            var result = recorder.Record(image);

            Assert.Equal(result.Blocks, done[^1]);
        }

        // One report before Write, one from the first read (before any event), then one per Update while writing.
        Assert.Equal(NativeFakeLibrary.ProgressCalls("Update") - 1 + 2, done.Count);
        Assert.Equal(done.Order(), done);
    }

    [Fact]
    public void Record_ProgressHandlerThrowingOnAnEvent_StopsTheWrite_AndIsRethrown()
    {
        using var master = Open();
        using var image = ImageMaster.MasterToStream([new DiscSource("", _folder)], s_options);
        var recorder = master.Recorders[0];
        var reports = 0;
        recorder.BlockProgress += (_, e) =>
        {
            // The third report is the first Update event's.
            if (++reports == 3)
            {
                throw new InvalidOperationException("the progress display failed");
            }
        };

        var exception = Assert.Throws<InvalidOperationException>(() => recorder.Record(image));

        Assert.Equal("the progress display failed", exception.Message);
        Assert.True(NativeFakeLibrary.WrittenLength() < image.Length, "the write went on to the end after the progress handler failed");
        Assert.Contains("IDiscFormat2Data::CancelWrite", NativeFakeLibrary.Calls());
    }

    [Fact]
    public void Record_CancelledAsTheWriteStarts_WritesNothing()
    {
        using var cancellation = new CancellationTokenSource();
        using (var master = Open())
        using (var image = ImageMaster.MasterToStream([new DiscSource("", _folder)], s_options))
        {
            var recorder = master.Recorders[0];
            recorder.TrackProgress += (_, _) => cancellation.Cancel();

            Assert.ThrowsAny<OperationCanceledException>(() => recorder.Record(image, cancellationToken: cancellation.Token));

            Assert.True(recorder.GetMediaDetails().Flags.HasFlag(MediaFlags.Blank));
        }

        Assert.True(NativeFakeLibrary.WrittenLength() == 0, $"{NativeFakeLibrary.WrittenLength()} bytes were written after the cancellation");
    }

    [Fact]
    public void Record_RecorderLockedByAnotherProgram_NamesIt()
    {
        NativeFakeLibrary.LockRecorder("OtherBurner");
        using var master = Open();
        using var image = ImageMaster.MasterToStream([new DiscSource("", _folder)], s_options);

        var exception = Assert.Throws<DiscMasteringException>(() => master.Recorders[0].Record(image));

        Assert.Equal(DiscMasteringError.ImapiRecorderLocked, exception.Error);
        Assert.Contains("OtherBurner", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("IDiscFormat2Data::Write", NativeFakeLibrary.Calls());
    }

    [Fact]
    public void Record_WriteFailing_IsMapped_AndEverythingIsReleased()
    {
        NativeFakeLibrary.Fail("IDiscFormat2Data::Write", E_IMAPI_RECORDER_MEDIA_BUSY);
        using var master = Open();
        using var image = ImageMaster.MasterToStream([new DiscSource("", _folder)], s_options);

        var exception = Assert.Throws<DiscMasteringException>(() => master.Recorders[0].Record(image));

        Assert.Equal(DiscMasteringError.RecorderBusy, exception.Error);
        Assert.Contains("E_IMAPI_RECORDER_MEDIA_BUSY", exception.Message, StringComparison.Ordinal);
        Assert.Contains("IDiscRecorder2::ReleaseExclusiveAccess", NativeFakeLibrary.Calls());
    }

    [Fact]
    public void Record_ProgressHandlerThrowingMidWrite_IsRethrown_AndEverythingIsReleased()
    {
        using var master = Open();
        using var image = ImageMaster.MasterToStream([new DiscSource("", _folder)], s_options);
        var recorder = master.Recorders[0];
        recorder.BlockProgress += (_, e) =>
        {
            if (e.Progress.BlocksDone > 0)
            {
                throw new InvalidOperationException("the progress display failed");
            }
        };

        var exception = Assert.Throws<InvalidOperationException>(() => recorder.Record(image));

        Assert.Equal("the progress display failed", exception.Message);
        Assert.True(NativeFakeLibrary.WrittenLength() < image.Length);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Erase_CdrwWithData_LeavesItBlank(bool full)
    {
        NativeFakeLibrary.SetMedia(4);
        var completed = 0;
        using (var master = Open())
        {
            var recorder = master.Recorders[0];
            recorder.EraseComplete += (_, _) => completed++;

            recorder.Erase(full);

            Assert.Equal(MediaFlags.Writable | MediaFlags.Rewritable | MediaFlags.Blank, recorder.GetMediaDetails().Flags);
        }

        Assert.Equal(1, completed);
        Assert.Single(NativeFakeLibrary.Calls(), c => c == "IDiscRecorder::Erase");
        Assert.Equal((full ? 0 : 1, full ? 1 : 0), (NativeFakeLibrary.EraseCount(0), NativeFakeLibrary.EraseCount(1)));
    }

    [Fact]
    public void Erase_Cdr_IsMediaNotErasable_WithoutAskingTheDrive()
    {
        NativeFakeLibrary.SetMedia(2);
        using var master = Open();

        var exception = Assert.Throws<DiscMasteringException>(() => master.Recorders[0].Erase(full: true));

        Assert.Equal(DiscMasteringError.MediaNotErasable, exception.Error);
        Assert.DoesNotContain("IDiscRecorder::Erase", NativeFakeLibrary.Calls());
    }

    [Fact]
    public void Eject_EjectsBeforeLettingTheRecorderGo()
    {
        using (var master = Open())
        {
            master.Recorders[0].Eject();
        }

        var calls = NativeFakeLibrary.Calls();
        Assert.Equal(["IDiscRecorder::OpenExclusive", "IDiscRecorder::Eject", "IDiscRecorder::Close"], calls.Where(c => c.StartsWith("IDiscRecorder::", StringComparison.Ordinal) && c is not ("IDiscRecorder::GetDisplayNames" or "IDiscRecorder::GetPath" or "IDiscRecorder::GetBasePnPID")).TakeLast(3));
    }

    private static DiscMaster Open() => new(ImapiBackend.Open(new NativeFakeActivator()));

    /// <summary>Deterministic content, different per seed.</summary>
    private static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>FNV-1a, 32 bits (offset basis 2166136261, prime 16777619), as the fake's header says it checksums staged files.</summary>
    private static string Fnv1a(byte[] bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
    }
}
