using DiscMastering.Imapi.Interop.Windows;
using DiscMastering.Imapi.Recording;
using DiscMastering.Imapi.Recording.Imapi;
using DiscMastering.Imapi.Tests.Interop.Windows.NativeFake;

namespace DiscMastering.Imapi.Tests.Interop.Windows;

/// <summary>
/// The Windows IMAPI backend, through its generated COM marshalling, against the native IMAPI fake: listing the
/// recorder, its properties and media, and IMAPI's failures as DM codes. Every test ends with no reference left on any
/// fake object and the session closed (<see cref="NativeFakeScope"/>), failures included.
/// </summary>
[Collection(NativeFakeCollection.Name)]
[Trait("Category", "ImapiNativeFake")]
public sealed class ImapiOverNativeFakeTests : IDisposable
{
    private const string FakePath = @"\\?\fake#cdrom#0";
    private const int IMAPI_E_STASHINUSE = unchecked((int)0x80040225); // imapierror.h
    private const int IMAPI_E_DEVICE_NOTACCESSIBLE = unchecked((int)0x80040212); // imapierror.h
    private const int IMAPI_E_GENERIC = unchecked((int)0x8004020E); // imapierror.h

    private readonly NativeFakeScope _fake = new();

    public void Dispose() => _fake.Dispose();

    [Fact]
    public void Recorders_ListTheFakeRecorder_WithItsNamesAndPath()
    {
        using (var master = Open())
        {
            var recorder = Assert.Single(master.Recorders);

            Assert.Equal(("FAKEVEND", "IMAPI FAKE RW", "1.00"), (recorder.Vendor, recorder.Product, recorder.Revision));
            Assert.Equal(FakePath, recorder.OsPath);
            Assert.Equal(FakePath, recorder.Address);
            Assert.Null(recorder.DriveLetter);
            Assert.Equal(0, recorder.Index);
            Assert.Equal(1, NativeFakeLibrary.MasterIsOpen());
        }

        Assert.Equal(
            ["IDiscMaster::Open", "IDiscMaster::ProgressAdvise", "IDiscMaster::EnumDiscRecorders", "IEnumDiscRecorders::Next",
             "IDiscRecorder::GetDisplayNames", "IDiscRecorder::GetPath", "IDiscRecorder::GetBasePnPID", "IEnumDiscRecorders::Next",
             "IDiscMaster::ProgressUnadvise", "IDiscMaster::Close"],
            NativeFakeLibrary.Calls());
    }

    [Fact]
    public void Properties_AreReadFromThePropertyStorage_AsIdNameAndText()
    {
        using var master = Open();

        var properties = master.Recorders[0].Properties;

        Assert.Equal(
            [
                new RecorderProperty(0x2000, "WriteSpeed", "24"),
                new RecorderProperty(0x2001, "MaxWriteSpeed", "48"),
                new RecorderProperty(0x2002, "AudioGapSize", "150"),
                new RecorderProperty(0x2003, "EnableBufferUnderrunFree", "true"),
                new RecorderProperty(0x2004, "RecorderName", "FAKEVEND IMAPI FAKE RW"),
            ],
            properties.OrderBy(p => p.Id));
        Assert.Equal(0, NativeFakeLibrary.RecorderIsOpen());
    }

    [Fact]
    public void Media_None_IsNotPresent()
    {
        NativeFakeLibrary.SetMedia(0);
        using var master = Open();

        var media = master.Recorders[0].GetMediaDetails();

        Assert.False(media.MediaPresent);
        Assert.False(media.IsWritable);
        Assert.Contains("IDiscRecorder::QueryMediaType", NativeFakeLibrary.Calls());
    }

    [Fact]
    public void Media_BlankCdr_IsWritableAndBlank_WithTheWholeDiscFree()
    {
        using var master = Open();

        var media = master.Recorders[0].GetMediaDetails();

        Assert.True(media.IsWritable);
        Assert.Equal(MediaFlags.Writable | MediaFlags.Blank, media.Flags);
        Assert.Equal((0, 0, 0L, 359_847L), (media.Sessions, media.LastTrack, media.NextWritable, media.FreeBlocks));
        Assert.Equal(("CD-R", 0x09), (media.MediaType, media.Profile));
    }

    [Fact]
    public void Media_ClosedCdr_IsClosed_WithNothingFree()
    {
        NativeFakeLibrary.SetMedia(2);
        using var master = Open();

        var media = master.Recorders[0].GetMediaDetails();

        Assert.True(media.MediaPresent);
        Assert.False(media.IsWritable);
        Assert.Equal(MediaFlags.Closed, media.Flags);
        Assert.Equal((1, 1, 0L), (media.Sessions, media.LastTrack, media.FreeBlocks));
        Assert.StartsWith("CD-ROM", media.MediaType, StringComparison.Ordinal);
    }

    [Fact]
    public void Media_AppendableCdr_HasTwoSessions_AndWhereTheNextOneGoes()
    {
        NativeFakeLibrary.SetMedia(3);
        using var master = Open();

        var media = master.Recorders[0].GetMediaDetails();

        Assert.Equal(MediaFlags.Writable | MediaFlags.Appendable, media.Flags);
        Assert.Equal((2, 2, 24_850L, 41_950L, 359_847L - 41_950L), (media.Sessions, media.LastTrack, media.StartAddress, media.NextWritable, media.FreeBlocks));
        Assert.Equal(("CD-R (CD-ROM XA)", 0x09), (media.MediaType, media.Profile));
    }

    [Fact]
    public void Media_CdrwWithData_IsRewritable()
    {
        NativeFakeLibrary.SetMedia(4);
        using var master = Open();

        var media = master.Recorders[0].GetMediaDetails();

        Assert.True(media.Flags.HasFlag(MediaFlags.Rewritable));
        Assert.False(media.Flags.HasFlag(MediaFlags.Blank));
        Assert.Equal(("CD-RW (CD-ROM XA)", 0x0A), (media.MediaType, media.Profile));
    }

    [Fact]
    public void StashInUse_OnOpen_IsDm5002WithItsAdvice_AndNothingIsLeft()
    {
        NativeFakeLibrary.Fail("IDiscMaster::Open", IMAPI_E_STASHINUSE);

        var exception = Assert.Throws<DiscMasteringException>(Open);

        Assert.Equal(DiscMasteringError.ImapiStashInUse, exception.Error);
        Assert.Contains("IMAPI_E_STASHINUSE", exception.Message, StringComparison.Ordinal);
        Assert.Contains("restart the IMAPI CD-Burning COM Service", exception.Message, StringComparison.Ordinal);
        Assert.Equal(1, NativeFakeLibrary.ReleasedObjects());
    }

    [Fact]
    public void ClassNotRegistered_IsImapiUnavailable()
    {
        var exception = Assert.Throws<DiscMasteringException>(() => new DiscMaster(ImapiBackend.Open(new NativeFakeActivator(ImapiClassIds.MSDiscMasterObj))));

        Assert.Equal(DiscMasteringError.ImapiUnavailable, exception.Error);
        Assert.Contains("REGDB_E_CLASSNOTREG", exception.Message, StringComparison.Ordinal);
        Assert.Empty(NativeFakeLibrary.Calls());
    }

    [Fact]
    public void RecorderHeldElsewhere_IsRecorderBusy_AndTheSessionStaysUsable()
    {
        using var master = Open();
        var recorder = master.Recorders[0];
        NativeFakeLibrary.Fail("IDiscRecorder::OpenExclusive", IMAPI_E_DEVICE_NOTACCESSIBLE);

        var exception = Assert.Throws<DiscMasteringException>(() => recorder.GetMediaDetails());
        NativeFakeLibrary.Fail("IDiscRecorder::OpenExclusive", 0);

        Assert.Equal(DiscMasteringError.RecorderBusy, exception.Error);
        Assert.Contains(FakePath, exception.Message, StringComparison.Ordinal);
        Assert.True(recorder.GetMediaDetails().IsWritable);
    }

    [Fact]
    public void MediaQueryFailing_IsMapped_AndTheRecorderIsClosedAgain()
    {
        using var master = Open();
        NativeFakeLibrary.Fail("IDiscRecorder::QueryMediaInfo", IMAPI_E_GENERIC);

        var exception = Assert.Throws<DiscMasteringException>(() => master.Recorders[0].GetMediaDetails());

        Assert.Equal(DiscMasteringError.RecordingFailed, exception.Error);
        Assert.Contains("IMAPI_E_GENERIC", exception.Message, StringComparison.Ordinal);
        Assert.Equal("IDiscRecorder::Close", NativeFakeLibrary.Calls()[^1]);
    }

    [Fact]
    public void DiscMaster_DisposedTwice_ClosesTheSessionOnce()
    {
        var master = Open();
        _ = master.Recorders;

        master.Dispose();
        master.Dispose();

        Assert.Single(NativeFakeLibrary.Calls(), c => c == "IDiscMaster::Close");
        Assert.Single(NativeFakeLibrary.Calls(), c => c == "IDiscMaster::ProgressUnadvise");
        Assert.Throws<ObjectDisposedException>(() => master.Recorders);
    }

    private static DiscMaster Open() => new(ImapiBackend.Open(new NativeFakeActivator()));
}
