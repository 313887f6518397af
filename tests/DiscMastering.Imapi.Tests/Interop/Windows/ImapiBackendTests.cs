using DiscMastering.Imapi.Interop.Windows;
using DiscMastering.Imapi.Recording;
using DiscMastering.Imapi.Recording.Imapi;

namespace DiscMastering.Imapi.Tests.Interop.Windows;

/// <summary>
/// The IMAPI backend over managed COM objects behind their native vtables, through its activation seam: the session is
/// always closed, recorders are listed and taken, and IMAPI's failures become DM codes.
/// </summary>
public sealed class ImapiBackendTests
{
    private readonly ManagedDiscRecorder _recorder = new("HL-DT-ST", "DVDRAM GH24NSD1", "LG00", @"\Device\CdRom0");
    private readonly ManagedDiscRecorder _second = new("ASUS", "DRW-24D5MT", "1.00", @"\Device\CdRom1");

    [Fact]
    public void ClassNotRegistered_IsImapiUnavailable()
    {
        var exception = Assert.Throws<DiscMasteringException>(() => ImapiBackend.Open(new ManagedComActivator(_ => null)));

        Assert.Equal(DiscMasteringError.ImapiUnavailable, exception.Error);
        Assert.Contains("IMAPI is not available on this system", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StashInUse_IsReported_AndTheSessionIsClosedAnyway()
    {
        var master = new ManagedDiscMaster(_recorder) { OpenResult = ImapiErrors.StashInUse };

        var exception = Assert.Throws<DiscMasteringException>(() => ImapiBackend.Open(Activator(master)));

        Assert.Equal(DiscMasteringError.ImapiStashInUse, exception.Error);
        Assert.Equal(["Open", "Close"], master.Calls);
    }

    [Fact]
    public void Dispose_UnadvisesAndClosesOnce()
    {
        var master = new ManagedDiscMaster(_recorder);
        var backend = ImapiBackend.Open(Activator(master));

        backend.Dispose();
        backend.Dispose();

        Assert.Equal(["Open", "ProgressAdvise", "ProgressUnadvise(42)", "Close"], master.Calls);
    }

    [Fact]
    public void DiscMaster_OverTheSeam_ListsRecordersWithIdentityPropertiesAndMedia()
    {
        var master = new ManagedDiscMaster(_second, _recorder);
        _recorder.Media = (2, ImapiMedia.MediaWritable);
        _recorder.Info = (1, 1, 0, 11_702, 348_145);
        using var discMaster = new DiscMaster(ImapiBackend.Open(Activator(master)));

        var recorders = discMaster.Recorders;
        var media = recorders[0].GetMediaDetails();

        Assert.Equal([@"\Device\CdRom0", @"\Device\CdRom1"], recorders.Select(r => r.Address));
        Assert.Equal(("HL-DT-ST", "DVDRAM GH24NSD1", "LG00"), (recorders[0].Vendor, recorders[0].Product, recorders[0].Revision));
        Assert.Equal([new RecorderProperty(1, "WriteSpeed", "8"), new RecorderProperty(2, "EnableBufferUnderrunFree", "true")], recorders[0].Properties);
        Assert.True(media.MediaPresent);
        Assert.Equal(MediaFlags.Writable | MediaFlags.Appendable, media.Flags);
        Assert.Equal((1, 1, 11_702L, 348_145L), (media.Sessions, media.LastTrack, media.NextWritable, media.FreeBlocks));
        Assert.Equal("CD-R (CD-ROM XA)", media.MediaType);
        Assert.Equal(["OpenExclusive", "Close", "OpenExclusive", "Close"], _recorder.Calls);
    }

    [Fact]
    public void Device_EjectOnRelease_EjectsThenCloses_AndEraseSaysFull()
    {
        using var backend = ImapiBackend.Open(Activator(new ManagedDiscMaster(_recorder)));
        var device = backend.Open(@"\Device\CdRom0");

        device.Erase(full: true, new Progress<RecordingProgress>(), CancellationToken.None);
        device.EjectOnRelease();
        device.Dispose();
        device.Dispose();

        Assert.Equal(["OpenExclusive", "Erase(1)", "Eject", "Close"], _recorder.Calls);
    }

    [Fact]
    public void Device_NoMedia_IsNone()
    {
        _recorder.MediaResult = unchecked((int)0x8004020F);
        using var backend = ImapiBackend.Open(Activator(new ManagedDiscMaster(_recorder)));
        using var device = backend.Open(@"\device\cdrom0");

        Assert.Same(MediaDetails.None, device.GetMediaDetails());
    }

    [Fact]
    public void Device_HeldByAnotherProgram_IsBusy()
    {
        _recorder.OpenExclusiveResult = unchecked((int)0x80040212);
        using var backend = ImapiBackend.Open(Activator(new ManagedDiscMaster(_recorder)));

        var exception = Assert.Throws<DiscMasteringException>(() => backend.Open(@"\Device\CdRom0"));

        Assert.Equal(DiscMasteringError.RecorderBusy, exception.Error);
        Assert.Contains("IMAPI_E_DEVICE_NOTACCESSIBLE", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownAddress_IsRecorderNotFound()
    {
        using var backend = ImapiBackend.Open(Activator(new ManagedDiscMaster(_recorder)));

        var exception = Assert.Throws<DiscMasteringException>(() => backend.Open("Z:"));

        Assert.Equal(DiscMasteringError.RecorderNotFound, exception.Error);
        Assert.Empty(_recorder.Calls);
    }

    [Fact]
    public void SimulatedImageWrite_IsRefused_BeforeTheDriveIsTouched()
    {
        using var backend = ImapiBackend.Open(Activator(new ManagedDiscMaster(_recorder)));
        using var device = backend.Open(@"\Device\CdRom0");

        var exception = Assert.Throws<DiscMasteringException>(() =>
            device.WriteData(new MemoryStream(new byte[2048]), 1, new RecordOptions { Simulate = true }, new Progress<RecordingProgress>(), CancellationToken.None));

        Assert.Equal(DiscMasteringError.RecorderUnsupported, exception.Error);
        Assert.Equal(["OpenExclusive"], _recorder.Calls);
    }

    [Fact]
    public unsafe void PnPActivity_RaisesRecordersChanged()
    {
        var master = new ManagedDiscMaster(_recorder);
        using var backend = ImapiBackend.Open(Activator(master));
        var raised = 0;
        backend.RecordersChanged += (_, _) => raised++;

        Assert.Equal(ComHResults.S_OK, master.Sink!.NotifyPnPActivity());
        byte cancel = 9;
        Assert.Equal(ComHResults.S_OK, master.Sink.QueryCancel(&cancel));

        Assert.Equal(1, raised);
        Assert.Equal(0, cancel);
    }

    private static ManagedComActivator Activator(ManagedDiscMaster master) =>
        new(clsid => clsid == ImapiClassIds.MSDiscMasterObj ? master : null);
}
