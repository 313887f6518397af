using System.Runtime.InteropServices;

namespace DiscMastering.Imapi.Tests.Interop.Windows.NativeFake;

/// <summary>
/// The native IMAPI fake driven by hand through its vtables, as the Windows backend will drive the real
/// IMAPI: slot numbers are those of the Windows SDK headers (imapi.h, imapi2.h, shobjidl.h, propidl.h),
/// counting IUnknown's three (and, for IMAPI2's dual interfaces, IDispatch's four) first.
/// </summary>
[Collection(NativeFakeCollection.Name)]
[Trait("Category", "ImapiNativeFake")]
public sealed unsafe class NativeFakeTests
{
    private const int S_FALSE = 1;
    private const int E_NOINTERFACE = unchecked((int)0x80004002);
    private const int REGDB_E_CLASSNOTREG = unchecked((int)0x80040154);
    private const int IMAPI_E_NOTOPENED = unchecked((int)0x8004020B); // imapierror.h
    private const int IMAPI_E_USERABORT = unchecked((int)0x8004020D); // imapierror.h
    private const int IMAPI_E_GENERIC = unchecked((int)0x8004020E); // imapierror.h
    private const int IMAPI_E_FILEEXISTS = unchecked((int)0x80040224); // imapierror.h
    private const int E_IMAPI_REQUEST_CANCELLED = unchecked((int)0xC0AA0002); // imapi2error.h
    private const int E_IMAPI_RECORDER_LOCKED = unchecked((int)0xC0AA0210); // imapi2error.h
    private const int E_IMAPI_DF2DATA_WRITE_NOT_IN_PROGRESS = unchecked((int)0xC0AA0401); // imapi2error.h
    private const int E_IMAPI_DF2DATA_INVALID_MEDIA_STATE = unchecked((int)0xC0AA0402); // imapi2error.h
    private const int E_IMAPI_DF2TAO_MEDIA_IS_NOT_PREPARED = unchecked((int)0xC0AA0502); // imapi2error.h
    private const int E_IMAPI_DF2TAO_STREAM_NOT_SUPPORTED = unchecked((int)0xC0AA050D); // imapi2error.h
    private const string RecorderPath = @"\\?\fake#cdrom#0";

    public NativeFakeTests() => NativeFakeLibrary.Reset();

    [Fact]
    public void DiscMaster_OpensEnumeratesAndNamesTheRecorder_AndEveryObjectIsReleased()
    {
        var unknown = NativeCom.Create(ImapiGuids.MSDiscMasterObj, ImapiGuids.IUnknown);
        Assert.Equal(0, NativeCom.QueryInterface(unknown, ImapiGuids.IDiscMaster, out var master));
        Assert.Equal(E_NOINTERFACE, NativeCom.QueryInterface(unknown, ImapiGuids.IDiscMaster2, out var none));
        Assert.Equal(0, none);
        Assert.Equal(1u, NativeCom.Release(unknown));
        Assert.Equal(1, NativeFakeLibrary.LiveObjects());
        Assert.Equal(1, NativeFakeLibrary.OutstandingReferences());

        Assert.Equal(0, ((delegate* unmanaged<nint, int>)NativeCom.Slot(master, 3))(master)); // Open
        Assert.Equal(1, NativeFakeLibrary.MasterIsOpen());

        nint enumerator = 0, recorder = 0, more = 0;
        uint fetched = 0;
        Assert.Equal(0, ((delegate* unmanaged<nint, nint*, int>)NativeCom.Slot(master, 7))(master, &enumerator)); // EnumDiscRecorders
        var next = (delegate* unmanaged<nint, uint, nint*, uint*, int>)NativeCom.Slot(enumerator, 3);
        Assert.Equal(0, next(enumerator, 1, &recorder, &fetched));
        Assert.Equal(1u, fetched);
        Assert.Equal(S_FALSE, next(enumerator, 1, &more, &fetched));
        Assert.Equal(0u, fetched);

        nint vendor = 0, product = 0, revision = 0, path = 0;
        Assert.Equal(0, ((delegate* unmanaged<nint, nint*, nint*, nint*, int>)NativeCom.Slot(recorder, 6))(
            recorder, &vendor, &product, &revision)); // GetDisplayNames
        Assert.Equal("FAKEVEND", NativeCom.TakeBstr(vendor));
        Assert.Equal("IMAPI FAKE RW", NativeCom.TakeBstr(product));
        Assert.Equal("1.00", NativeCom.TakeBstr(revision));
        Assert.Equal(0, ((delegate* unmanaged<nint, nint*, int>)NativeCom.Slot(recorder, 8))(recorder, &path)); // GetPath
        Assert.Equal(RecorderPath, NativeCom.TakeBstr(path));

        Assert.Equal(0, ((delegate* unmanaged<nint, int>)NativeCom.Slot(master, 14))(master)); // Close
        Assert.Equal(0, NativeFakeLibrary.MasterIsOpen());
        Assert.Equal(3, NativeFakeLibrary.LiveObjects());

        Assert.Equal(0u, NativeCom.Release(recorder));
        Assert.Equal(0u, NativeCom.Release(enumerator));
        Assert.Equal(0u, NativeCom.Release(master));
        Assert.Equal(0, NativeFakeLibrary.LiveObjects());
        Assert.Equal(0, NativeFakeLibrary.OutstandingReferences());
        Assert.Equal(3, NativeFakeLibrary.ReleasedObjects());
        Assert.Equal(
            ["IDiscMaster::Open", "IDiscMaster::EnumDiscRecorders", "IEnumDiscRecorders::Next", "IEnumDiscRecorders::Next",
             "IDiscRecorder::GetDisplayNames", "IDiscRecorder::GetPath", "IDiscMaster::Close"],
            NativeFakeLibrary.Calls());
    }

    [Fact]
    public void CreateInstance_AnswersUnknownClassesAndInterfacesLikeCoCreateInstance()
    {
        Assert.Equal(REGDB_E_CLASSNOTREG, NativeFakeLibrary.CreateInstance(Guid.NewGuid(), ImapiGuids.IUnknown, out var nothing));
        Assert.Equal(0, nothing);
        Assert.Equal(E_NOINTERFACE, NativeFakeLibrary.CreateInstance(ImapiGuids.MSDiscMasterObj, ImapiGuids.IDiscRecorder2, out nothing));
        Assert.Equal(0, nothing);
        Assert.Equal(0, NativeFakeLibrary.LiveObjects());
    }

    [Fact]
    public void Fail_MakesTheNamedMethodReturnTheHresult_UntilCleared()
    {
        var master = NativeCom.Create(ImapiGuids.MSDiscMasterObj, ImapiGuids.IDiscMaster);
        var open = (delegate* unmanaged<nint, int>)NativeCom.Slot(master, 3);

        NativeFakeLibrary.Fail("IDiscMaster::Open", IMAPI_E_GENERIC);
        Assert.Equal(IMAPI_E_GENERIC, open(master));
        Assert.Equal(0, NativeFakeLibrary.MasterIsOpen());

        NativeFakeLibrary.Fail("IDiscMaster::Open", 0);
        Assert.Equal(0, open(master));
        Assert.Equal(1, NativeFakeLibrary.MasterIsOpen());
        Assert.Equal(["IDiscMaster::Open", "IDiscMaster::Open"], NativeFakeLibrary.Calls());

        NativeCom.Release(master);
        Assert.Equal(0, NativeFakeLibrary.MasterIsOpen());
    }

    [Fact]
    public void DiscRecorder_ReportsTheMediumOnlyWhenOpenedExclusively()
    {
        var recorder = NativeCom.Create(ImapiGuids.MSDiscRecorderObj, ImapiGuids.IDiscRecorder);
        var queryMediaType = (delegate* unmanaged<nint, int*, int*, int>)NativeCom.Slot(recorder, 13);
        var queryMediaInfo = (delegate* unmanaged<nint, byte*, byte*, uint*, uint*, uint*, int>)NativeCom.Slot(recorder, 14);
        int type = 0, flags = 0;
        Assert.Equal(IMAPI_E_NOTOPENED, queryMediaType(recorder, &type, &flags));

        Assert.Equal(0, ((delegate* unmanaged<nint, int>)NativeCom.Slot(recorder, 12))(recorder)); // OpenExclusive
        Assert.Equal(1, NativeFakeLibrary.RecorderIsOpen());
        Assert.Equal(0, queryMediaType(recorder, &type, &flags));
        Assert.Equal((1, 0x1 | 0x4), (type, flags)); // MEDIA_CDDA_CDROM; MEDIA_BLANK | MEDIA_WRITABLE (imapi.h)

        byte sessions = 0, lastTrack = 0;
        uint start = 0, nextWritable = 0, free = 0;
        Assert.Equal(0, queryMediaInfo(recorder, &sessions, &lastTrack, &start, &nextWritable, &free));
        Assert.Equal((0, 0, 359_847u), (sessions, lastTrack, free));

        NativeFakeLibrary.SetMedia(3);
        Assert.Equal(0, queryMediaInfo(recorder, &sessions, &lastTrack, &start, &nextWritable, &free));
        Assert.Equal((2, 2), (sessions, lastTrack));
        Assert.True(start > 0 && nextWritable > start);
        Assert.Equal(359_847u - nextWritable, free);

        Assert.Equal(0, ((delegate* unmanaged<nint, int>)NativeCom.Slot(recorder, 17))(recorder)); // Close
        Assert.Equal(0, NativeFakeLibrary.RecorderIsOpen());
        NativeCom.Release(recorder);
        Assert.Equal(0, NativeFakeLibrary.LiveObjects());
    }

    [Fact]
    public void RecorderProperties_EnumerateAndReadByName()
    {
        var recorder = NativeCom.Create(ImapiGuids.MSDiscRecorderObj, ImapiGuids.IDiscRecorder);
        nint storage = 0, enumerator = 0;
        Assert.Equal(0, ((delegate* unmanaged<nint, nint*, int>)NativeCom.Slot(recorder, 9))(recorder, &storage)); // GetRecorderProperties
        Assert.Equal(0, NativeCom.QueryInterface(storage, ImapiGuids.IPropertyStorage, out var same));
        Assert.Equal(storage, same);
        NativeCom.Release(same);

        // STATPROPSTG (propidl.h), 16 bytes on 64-bit: name at 0, propid at 8, vt at 12.
        Assert.Equal(0, ((delegate* unmanaged<nint, nint*, int>)NativeCom.Slot(storage, 11))(storage, &enumerator)); // Enum
        var items = stackalloc byte[16 * 8];
        uint fetched = 0;
        Assert.Equal(S_FALSE, ((delegate* unmanaged<nint, uint, byte*, uint*, int>)NativeCom.Slot(enumerator, 3))(
            enumerator, 8, items, &fetched));
        var types = new Dictionary<string, ushort>();
        for (var i = 0; i < fetched; i++)
        {
            var name = *(nint*)(items + 16 * i);
            types[Marshal.PtrToStringUni(name)!] = *(ushort*)(items + 16 * i + 12);
            Marshal.FreeCoTaskMem(name);
        }
        Assert.Equal(3, types["WriteSpeed"]); // VT_I4
        Assert.Equal(3, types["MaxWriteSpeed"]);
        Assert.Equal(3, types["AudioGapSize"]);
        Assert.Equal(11, types["EnableBufferUnderrunFree"]); // VT_BOOL
        Assert.Equal(8, types["RecorderName"]); // VT_BSTR

        // PROPSPEC (16 bytes: ulKind, then the name) and PROPVARIANT (24 bytes: vt, then the value at 8).
        var readMultiple = (delegate* unmanaged<nint, uint, byte*, byte*, int>)NativeCom.Slot(storage, 3);
        var spec = stackalloc byte[16];
        var value = stackalloc byte[24];
        var writeSpeed = Marshal.StringToCoTaskMemUni("WriteSpeed");
        var recorderName = Marshal.StringToCoTaskMemUni("RecorderName");
        *(uint*)spec = 0; // PRSPEC_LPWSTR
        *(nint*)(spec + 8) = writeSpeed;
        Assert.Equal(0, readMultiple(storage, 1, spec, value));
        Assert.Equal((3, 24), (*(ushort*)value, *(int*)(value + 8)));
        *(nint*)(spec + 8) = recorderName;
        Assert.Equal(0, readMultiple(storage, 1, spec, value));
        Assert.Equal(8, *(ushort*)value);
        Assert.Equal("FAKEVEND IMAPI FAKE RW", NativeCom.TakeBstr(*(nint*)(value + 8)));
        Marshal.FreeCoTaskMem(writeSpeed);
        Marshal.FreeCoTaskMem(recorderName);

        // The recorder 1, the enumerator 1, the storage 2: ours and the enumerator's.
        Assert.Equal(4, NativeFakeLibrary.OutstandingReferences());
        NativeCom.Release(storage);
        NativeCom.Release(enumerator);
        NativeCom.Release(recorder);
        Assert.Equal(0, NativeFakeLibrary.LiveObjects());
    }

    [Fact]
    public void RedbookBurn_CallsTheProgressSink_AndStopsWhenItCancels()
    {
        using var sink = new ManagedProgressSink();
        var master = NativeCom.Create(ImapiGuids.MSDiscMasterObj, ImapiGuids.IDiscMaster);
        Assert.Equal(0, ((delegate* unmanaged<nint, int>)NativeCom.Slot(master, 3))(master)); // Open
        var recorder = NativeCom.Create(ImapiGuids.MSDiscRecorderObj, ImapiGuids.IDiscRecorder);
        Assert.Equal(0, ((delegate* unmanaged<nint, nint, int>)NativeCom.Slot(master, 9))(master, recorder)); // SetActiveDiscRecorder

        nint redbook = 0;
        var iid = ImapiGuids.IRedbookDiscMaster;
        Assert.Equal(0, ((delegate* unmanaged<nint, Guid*, nint*, int>)NativeCom.Slot(master, 6))(master, &iid, &redbook)); // SetActiveDiscMasterFormat
        var audio = new byte[4 * 2352];
        Assert.Equal(0, ((delegate* unmanaged<nint, int, int>)NativeCom.Slot(redbook, 8))(redbook, 4)); // CreateAudioTrack
        fixed (byte* blocks = audio)
        {
            Assert.Equal(0, ((delegate* unmanaged<nint, byte*, int, int>)NativeCom.Slot(redbook, 9))(redbook, blocks, audio.Length)); // AddAudioTrackBlocks
        }
        Assert.Equal(0, ((delegate* unmanaged<nint, int>)NativeCom.Slot(redbook, 10))(redbook)); // CloseAudioTrack
        Assert.Equal(1, NativeFakeLibrary.AudioTracks());

        nuint cookie = 0;
        Assert.Equal(0, ((delegate* unmanaged<nint, nint, nuint*, int>)NativeCom.Slot(master, 11))(master, sink.Pointer, &cookie)); // ProgressAdvise
        Assert.Equal(2, sink.References);
        var recordDisc = (delegate* unmanaged<nint, byte, byte, int>)NativeCom.Slot(master, 13);

        sink.CancelAtQuery = 2;
        Assert.Equal(IMAPI_E_USERABORT, recordDisc(master, 0, 0));
        Assert.Equal(IMAPI_E_USERABORT, sink.BurnStatus);
        Assert.Equal(0, NativeFakeLibrary.BurnCount());

        sink.CancelAtQuery = 0;
        Assert.Equal(0, recordDisc(master, 0, 0));
        Assert.Equal(0, sink.BurnStatus);
        Assert.Equal(1, NativeFakeLibrary.BurnCount());
        Assert.Equal(2, sink.Calls("NotifyPreparingBurn"));
        Assert.True(sink.Calls("NotifyBlockProgress") >= 2);
        Assert.True(sink.Calls("NotifyTrackProgress") >= 2);
        Assert.Equal(1, sink.Calls("NotifyClosingDisc"));
        Assert.Equal(2, NativeFakeLibrary.ProgressCalls("NotifyBurnComplete"));
        Assert.Equal(sink.Calls("QueryCancel"), NativeFakeLibrary.ProgressCalls("QueryCancel"));

        Assert.Equal(0, ((delegate* unmanaged<nint, nuint, int>)NativeCom.Slot(master, 12))(master, cookie)); // ProgressUnadvise
        Assert.Equal(1, sink.References);
        NativeCom.Release(redbook);
        NativeCom.Release(recorder);
        NativeCom.Release(master);
        Assert.Equal(0, NativeFakeLibrary.LiveObjects());
    }

    [Fact]
    public void JolietAddData_WalksTheStorage_StagesEveryFile_AndBurnsIt()
    {
        var readme = new byte[1000];
        var big = new byte[70_000];
        new Random(11).NextBytes(readme);
        new Random(12).NextBytes(big);
        using var root = new ManagedStorage();
        root.AddFile("readme.txt", readme);
        var docs = root.AddFolder("docs");
        docs.AddFile("a.bin", big);
        docs.AddFolder("sub").AddFile("empty.dat", []);
        using var sink = new ManagedProgressSink();

        var master = NativeCom.Create(ImapiGuids.MSDiscMasterObj, ImapiGuids.IDiscMaster);
        Assert.Equal(0, ((delegate* unmanaged<nint, int>)NativeCom.Slot(master, 3))(master)); // Open
        nuint cookie = 0;
        Assert.Equal(0, ((delegate* unmanaged<nint, nint, nuint*, int>)NativeCom.Slot(master, 11))(master, sink.Pointer, &cookie)); // ProgressAdvise
        nint joliet = 0;
        var iid = ImapiGuids.IJolietDiscMaster;
        Assert.Equal(0, ((delegate* unmanaged<nint, Guid*, nint*, int>)NativeCom.Slot(master, 6))(master, &iid, &joliet)); // SetActiveDiscMasterFormat
        var addData = (delegate* unmanaged<nint, nint, int, int>)NativeCom.Slot(joliet, 6);

        Assert.Equal(0, addData(joliet, root.Pointer, 0));
        Assert.Equal(
            [$"readme.txt\t1000\t{Fnv1a(readme)}", $"docs\\a.bin\t70000\t{Fnv1a(big)}", "docs\\sub\\empty.dat\t0\t811c9dc5"],
            NativeFakeLibrary.Staged());
        Assert.Equal(3, sink.Calls("NotifyAddProgress"));
        Assert.Equal(IMAPI_E_FILEEXISTS, addData(joliet, root.Pointer, 0));
        Assert.Equal(0, addData(joliet, root.Pointer, 1));
        Assert.Equal(3, NativeFakeLibrary.Staged().Length);

        int used = 0;
        Assert.Equal(0, ((delegate* unmanaged<nint, int*, int>)NativeCom.Slot(joliet, 4))(joliet, &used)); // GetUsedDataBlocks
        Assert.True(used >= 1 + 35);

        var recorder = NativeCom.Create(ImapiGuids.MSDiscRecorderObj, ImapiGuids.IDiscRecorder);
        Assert.Equal(0, ((delegate* unmanaged<nint, nint, int>)NativeCom.Slot(master, 9))(master, recorder)); // SetActiveDiscRecorder
        Assert.Equal(0, ((delegate* unmanaged<nint, byte, byte, int>)NativeCom.Slot(master, 13))(master, 0, 1)); // RecordDisc
        Assert.Equal(0, sink.BurnStatus);
        Assert.Equal(1, NativeFakeLibrary.BurnCount());

        Assert.Equal(0, ((delegate* unmanaged<nint, nuint, int>)NativeCom.Slot(master, 12))(master, cookie)); // ProgressUnadvise
        NativeCom.Release(recorder);
        NativeCom.Release(joliet);
        NativeCom.Release(master);
        Assert.Equal(0, NativeFakeLibrary.LiveObjects());
        Assert.Equal(1, root.References);
        Assert.Equal(1, sink.References);
        Assert.All(root.HandedOut, handed => Assert.Equal(handed is ManagedStorage ? 1 : 0, handed.References));
        foreach (var handed in root.HandedOut)
        {
            handed.Dispose();
        }
    }

    [Fact]
    public void DiscFormat2DataWrite_ReadsTheStreamInChunks_AndKeepsTheExactBytes()
    {
        var data = new byte[150_000];
        new Random(2024).NextBytes(data);
        using var stream = new ManagedStream(data);
        var (recorder, format) = CreateDataFormat();

        Assert.Equal(0, ((delegate* unmanaged<nint, nint, int>)NativeCom.Slot(format, 41))(format, stream.Pointer)); // Write
        Assert.Equal(data, NativeFakeLibrary.Written());
        Assert.Equal(4, stream.Reads); // 64 KiB, 64 KiB, the rest, then the end
        Assert.Equal(1, stream.References);

        int free = 0;
        Assert.Equal(0, ((delegate* unmanaged<nint, int*, int>)NativeCom.Slot(format, 21))(format, &free)); // get_FreeSectorsOnMedia
        Assert.True(free < 359_847 - 74);

        NativeCom.Release(format);
        NativeCom.Release(recorder);
        Assert.Equal(0, NativeFakeLibrary.LiveObjects());
    }

    [Fact]
    public void DiscFormat2DataCancelWrite_StopsTheWriteAtTheNextChunk()
    {
        var data = new byte[300_000];
        using var stream = new ManagedStream(data);
        var (recorder, format) = CreateDataFormat();
        var cancelled = 1;
        stream.AfterRead = read =>
        {
            if (read == 1)
            {
                cancelled = ((delegate* unmanaged<nint, int>)NativeCom.Slot(format, 42))(format); // CancelWrite
            }
        };

        Assert.Equal(E_IMAPI_REQUEST_CANCELLED, ((delegate* unmanaged<nint, nint, int>)NativeCom.Slot(format, 41))(format, stream.Pointer));
        Assert.Equal(0, cancelled);
        Assert.Equal(1, stream.Reads);
        Assert.True(NativeFakeLibrary.WrittenLength() < data.Length);
        Assert.Equal(1, stream.References);

        NativeCom.Release(format);
        NativeCom.Release(recorder);
        Assert.Equal(0, NativeFakeLibrary.LiveObjects());
    }

    [Fact]
    public void DiscFormat2DataCancelWrite_FromAnotherThread_StopsTheWriteInProgress()
    {
        using var stream = new ManagedStream(new byte[300_000]);
        using var firstRead = new ManualResetEventSlim();
        using var cancelled = new ManualResetEventSlim();
        var (recorder, format) = CreateDataFormat();
        var cancelWrite = (delegate* unmanaged<nint, int>)NativeCom.Slot(format, 42);
        Assert.Equal(E_IMAPI_DF2DATA_WRITE_NOT_IN_PROGRESS, cancelWrite(format));
        stream.AfterRead = read =>
        {
            if (read == 1)
            {
                firstRead.Set();
                cancelled.Wait(TimeSpan.FromSeconds(30));
            }
        };
        var cancelResult = 1;
        var canceller = new Thread(() =>
        {
            firstRead.Wait(TimeSpan.FromSeconds(30));
            cancelResult = ((delegate* unmanaged<nint, int>)NativeCom.Slot(format, 42))(format); // CancelWrite
            cancelled.Set();
        });
        canceller.Start();

        Assert.Equal(E_IMAPI_REQUEST_CANCELLED, ((delegate* unmanaged<nint, nint, int>)NativeCom.Slot(format, 41))(format, stream.Pointer)); // Write
        canceller.Join();
        Assert.Equal(0, cancelResult);
        Assert.Contains("IDiscFormat2Data::CancelWrite", NativeFakeLibrary.Calls());

        NativeCom.Release(format);
        NativeCom.Release(recorder);
        Assert.Equal(0, NativeFakeLibrary.LiveObjects());
    }

    [Fact]
    public void DiscFormat2Data_RefusesAClosedDisc()
    {
        NativeFakeLibrary.SetMedia(2);
        using var stream = new ManagedStream(new byte[4096]);
        var (recorder, format) = CreateDataFormat();
        int status = 0;
        Assert.Equal(0, ((delegate* unmanaged<nint, int*, int>)NativeCom.Slot(format, 18))(format, &status)); // get_CurrentMediaStatus
        Assert.Equal(0x4000, status); // IMAPI_FORMAT2_DATA_MEDIA_STATE_FINALIZED (imapi2.h)
        Assert.Equal(E_IMAPI_DF2DATA_INVALID_MEDIA_STATE, ((delegate* unmanaged<nint, nint, int>)NativeCom.Slot(format, 41))(format, stream.Pointer));
        Assert.Equal(0, stream.Reads);
        NativeCom.Release(format);
        NativeCom.Release(recorder);
    }

    [Fact]
    public void DiscFormat2Erase_BlanksARewritableDisc()
    {
        NativeFakeLibrary.SetMedia(4);
        var recorder = CreateRecorder2();
        var erase = NativeCom.Create(ImapiGuids.MsftDiscFormat2Erase, ImapiGuids.IDiscFormat2Erase);
        var physicallyBlank = (delegate* unmanaged<nint, short*, int>)NativeCom.Slot(erase, 9);
        short blank = 0;
        Assert.Equal(0, ((delegate* unmanaged<nint, nint, int>)NativeCom.Slot(erase, 12))(erase, recorder)); // put_Recorder
        Assert.Equal(0, physicallyBlank(erase, &blank));
        Assert.Equal(0, blank);
        Assert.Equal(0, ((delegate* unmanaged<nint, short, int>)NativeCom.Slot(erase, 14))(erase, -1)); // put_FullErase
        Assert.Equal(0, ((delegate* unmanaged<nint, int>)NativeCom.Slot(erase, 19))(erase)); // EraseMedia
        Assert.Equal(0, physicallyBlank(erase, &blank));
        Assert.Equal(-1, blank); // VARIANT_TRUE
        NativeCom.Release(erase);
        NativeCom.Release(recorder);
        Assert.Equal(0, NativeFakeLibrary.LiveObjects());
    }

    [Fact]
    public void DiscFormat2TrackAtOnce_WritesAudioTracksBetweenPrepareAndRelease()
    {
        using var track = new ManagedStream(new byte[3 * 2352]);
        using var odd = new ManagedStream(new byte[1000]);
        var recorder = CreateRecorder2();
        var tao = NativeCom.Create(ImapiGuids.MsftDiscFormat2TrackAtOnce, ImapiGuids.IDiscFormat2TrackAtOnce);
        var addAudioTrack = (delegate* unmanaged<nint, nint, int>)NativeCom.Slot(tao, 13);
        Assert.Equal(E_IMAPI_DF2TAO_MEDIA_IS_NOT_PREPARED, addAudioTrack(tao, track.Pointer));
        Assert.Equal(0, ((delegate* unmanaged<nint, nint, int>)NativeCom.Slot(tao, 17))(tao, recorder)); // put_Recorder
        Assert.Equal(0, ((delegate* unmanaged<nint, int>)NativeCom.Slot(tao, 12))(tao)); // PrepareMedia
        Assert.Equal(0, addAudioTrack(tao, track.Pointer));
        Assert.Equal(E_IMAPI_DF2TAO_STREAM_NOT_SUPPORTED, addAudioTrack(tao, odd.Pointer));
        int tracks = 0;
        Assert.Equal(0, ((delegate* unmanaged<nint, int*, int>)NativeCom.Slot(tao, 21))(tao, &tracks)); // get_NumberOfExistingTracks
        Assert.Equal(1, tracks);
        Assert.Equal(0, ((delegate* unmanaged<nint, int>)NativeCom.Slot(tao, 15))(tao)); // ReleaseMedia
        Assert.Equal(1, NativeFakeLibrary.AudioTracks());
        Assert.Equal((1, 1), (track.References, odd.References));
        NativeCom.Release(tao);
        NativeCom.Release(recorder);
        Assert.Equal(0, NativeFakeLibrary.LiveObjects());
    }

    [Fact]
    public void DiscRecorder2_LockedByAnotherClient_RefusesExclusiveAccessAndNamesTheOwner()
    {
        var recorder = CreateRecorder2();
        var acquire = (delegate* unmanaged<nint, short, nint, int>)NativeCom.Slot(recorder, 9);
        var owner = (delegate* unmanaged<nint, nint*, int>)NativeCom.Slot(recorder, 27);
        var client = Marshal.StringToBSTR("DiscMastering tests");
        nint name = 0;

        NativeFakeLibrary.LockRecorder("Other Burner");
        Assert.Equal(E_IMAPI_RECORDER_LOCKED, acquire(recorder, 0, client));
        Assert.Equal(0, owner(recorder, &name));
        Assert.Equal("Other Burner", NativeCom.TakeBstr(name));

        NativeFakeLibrary.LockRecorder(null);
        Assert.Equal(0, acquire(recorder, 0, client));
        Assert.Equal(0, owner(recorder, &name));
        Assert.Equal("DiscMastering tests", NativeCom.TakeBstr(name));
        Assert.Equal(0, ((delegate* unmanaged<nint, int>)NativeCom.Slot(recorder, 10))(recorder)); // ReleaseExclusiveAccess
        Marshal.FreeBSTR(client);

        nint vendor = 0;
        Assert.Equal(0, ((delegate* unmanaged<nint, nint*, int>)NativeCom.Slot(recorder, 15))(recorder, &vendor)); // get_VendorId
        Assert.Equal("FAKEVEND", NativeCom.TakeBstr(vendor));
        NativeCom.Release(recorder);
        Assert.Equal(0, NativeFakeLibrary.LiveObjects());
    }

    [Fact]
    public void CdBurn_GivesTheDriveLetter()
    {
        var burn = NativeCom.Create(ImapiGuids.CDBurn, ImapiGuids.ICDBurn);
        var letter = stackalloc char[4];
        Assert.Equal(0, ((delegate* unmanaged<nint, char*, uint, int>)NativeCom.Slot(burn, 3))(burn, letter, 4)); // GetRecorderDriveLetter
        Assert.Equal(@"F:\", new string(letter));
        int has = 0;
        Assert.Equal(0, ((delegate* unmanaged<nint, int*, int>)NativeCom.Slot(burn, 5))(burn, &has)); // HasRecordableDrive
        Assert.Equal(1, has);
        NativeCom.Release(burn);
        Assert.Equal(0, NativeFakeLibrary.LiveObjects());
    }

    /// <summary>FNV-1a, 32 bits, as 8 lower-case hex digits: the fake's checksum of a staged file.</summary>
    private static string Fnv1a(byte[] bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }
        return hash.ToString("x8");
    }

    /// <summary>An IDiscRecorder2 initialized with the unique id IDiscMaster2 gives for the only drive.</summary>
    private static nint CreateRecorder2()
    {
        var master = NativeCom.Create(ImapiGuids.MsftDiscMaster2, ImapiGuids.IDiscMaster2);
        int count = 0;
        nint id = 0;
        Assert.Equal(0, ((delegate* unmanaged<nint, int*, int>)NativeCom.Slot(master, 9))(master, &count)); // get_Count
        Assert.Equal(1, count);
        Assert.Equal(0, ((delegate* unmanaged<nint, int, nint*, int>)NativeCom.Slot(master, 8))(master, 0, &id)); // get_Item
        NativeCom.Release(master);

        var recorder = NativeCom.Create(ImapiGuids.MsftDiscRecorder2, ImapiGuids.IDiscRecorder2);
        Assert.Equal(0, ((delegate* unmanaged<nint, nint, int>)NativeCom.Slot(recorder, 13))(recorder, id)); // InitializeDiscRecorder
        Assert.Equal(RecorderPath, NativeCom.TakeBstr(id));
        return recorder;
    }

    private static (nint Recorder, nint Format) CreateDataFormat()
    {
        var recorder = CreateRecorder2();
        var format = NativeCom.Create(ImapiGuids.MsftDiscFormat2Data, ImapiGuids.IDiscFormat2Data);
        Assert.Equal(0, NativeCom.QueryInterface(format, ImapiGuids.IDiscFormat2, out var baseFormat));
        NativeCom.Release(baseFormat);
        Assert.Equal(0, ((delegate* unmanaged<nint, nint, int>)NativeCom.Slot(format, 12))(format, recorder)); // put_Recorder
        var client = Marshal.StringToBSTR("DiscMastering tests");
        Assert.Equal(0, ((delegate* unmanaged<nint, nint, int>)NativeCom.Slot(format, 30))(format, client)); // put_ClientName
        Marshal.FreeBSTR(client);
        return (recorder, format);
    }
}
