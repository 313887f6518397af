using DiscMastering.Imapi.Recording;

namespace DiscMastering.Imapi.Tests.Recording;

/// <summary>Finding recorders: the lazy scan, naming by index, path or address, change notices and disposal.</summary>
public sealed class DiscMasterTests
{
    private readonly FakeRecorderBackend _backend = new();

    [Fact]
    public void RecordersAreScannedOnFirstUseAndNumberedFromZero()
    {
        _backend.Add("/dev/fake0");
        _backend.Add("/dev/fake1");
        using var master = new DiscMaster(_backend);
        Assert.Equal(0, _backend.Scans);

        var recorders = master.Recorders;

        Assert.Same(recorders, master.Recorders);
        Assert.Equal(1, _backend.Scans);
        Assert.Equal(["/dev/fake0", "/dev/fake1"], recorders.Select(r => r.Address));
        Assert.Equal([0, 1], recorders.Select(r => r.Index));
        Assert.Equal("fake 1.0", master.BackendName);
        Assert.Equal(0, _backend.Opens);
    }

    [Fact]
    public void PseudoDrivesAreNotListed()
    {
        _backend.Add("/dev/fake0");
        _backend.Add("stdio:/tmp/disc", listed: false);
        using var master = new DiscMaster(_backend);

        Assert.Equal("/dev/fake0", Assert.Single(master.Recorders).Address);
    }

    [Fact]
    public void IndexNamesTheListedRecorder()
    {
        _backend.Add("/dev/fake0");
        _backend.Add("/dev/fake1");
        using var master = new DiscMaster(_backend);

        Assert.Same(master.Recorders[0], master.GetRecorder("0"));
        Assert.Same(master.Recorders[1], master.GetRecorder(" 1 "));
        Assert.Equal(0, _backend.Opens);
    }

    [Fact]
    public void IndexBeyondTheRecordersListsTheRange()
    {
        _backend.Add("/dev/fake0");
        using var master = new DiscMaster(_backend);

        var e = Assert.Throws<DiscMasteringException>(() => master.GetRecorder("7"));

        Assert.Equal(DiscMasteringError.RecorderNotFound, e.Error);
        Assert.Contains("there is no recorder 7: the recorders are numbered 0 to 0", e.Message);
        Assert.Equal(0, _backend.Opens);
    }

    [Fact]
    public void IndexWithoutRecordersSaysNoneWereFound()
    {
        using var master = new DiscMaster(_backend);

        var e = Assert.Throws<DiscMasteringException>(() => master.GetRecorder("0"));

        Assert.Equal(DiscMasteringError.RecorderNotFound, e.Error);
        Assert.Contains("no recorders were found", e.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void EmptyAddressIsRecorderNotFound(string address)
    {
        _backend.Add("/dev/fake0");
        using var master = new DiscMaster(_backend);

        var e = Assert.Throws<DiscMasteringException>(() => master.GetRecorder(address));

        Assert.Equal(DiscMasteringError.RecorderNotFound, e.Error);
        Assert.Contains("no recorder was named", e.Message);
        Assert.Equal(0, _backend.Opens);
    }

    [Fact]
    public void ListedAddressNamesTheListedRecorderWithoutOpeningIt()
    {
        _backend.Add("/dev/fake0");
        _backend.Add("/dev/fake1");
        using var master = new DiscMaster(_backend);

        var recorder = master.GetRecorder("/dev/fake1");

        Assert.Same(master.Recorders[1], recorder);
        Assert.Equal(1, recorder.Index);
        Assert.Equal(0, _backend.Opens);
    }

    [Fact]
    public void UnlistedAddressIsOpenedAndReleased()
    {
        _backend.Add("/dev/fake0");
        var pseudo = _backend.Add("stdio:/tmp/disc", listed: false);
        using var master = new DiscMaster(_backend);

        var recorder = master.GetRecorder("stdio:/tmp/disc");

        Assert.Null(recorder.Index);
        Assert.Equal("stdio:/tmp/disc", recorder.Address);
        Assert.Equal("FAKE", recorder.Vendor);
        Assert.Equal(1, pseudo.Opens);
        Assert.Equal(1, pseudo.Releases);
        Assert.False(pseudo.IsHeld);
    }

    [Fact]
    public void UnknownAddressIsRecorderNotFound()
    {
        _backend.Add("/dev/fake0");
        using var master = new DiscMaster(_backend);

        var e = Assert.Throws<DiscMasteringException>(() => master.GetRecorder("/dev/sr9"));

        Assert.Equal(DiscMasteringError.RecorderNotFound, e.Error);
        Assert.Equal(0, _backend.Opens);
    }

    [Fact]
    public void RecordersChangedClearsTheListAndIsRaised()
    {
        _backend.Add("/dev/fake0");
        using var master = new DiscMaster(_backend);
        var before = master.Recorders;
        var raised = new List<object?>();
        master.RecordersChanged += (sender, _) => raised.Add(sender);

        _backend.Add("/dev/fake1");
        _backend.RaiseRecordersChanged();

        Assert.Equal([master], raised);
        Assert.Equal(2, master.Recorders.Count);
        Assert.NotSame(before, master.Recorders);
        Assert.Equal(2, _backend.Scans);
        Assert.Same(master.Recorders[1], master.GetRecorder("1"));
    }

    [Fact]
    public void DisposingTwiceDisposesTheBackendOnce()
    {
        var master = new DiscMaster(_backend);
        var raised = 0;
        master.RecordersChanged += (_, _) => raised++;

        master.Dispose();
        master.Dispose();
        _backend.RaiseRecordersChanged();

        Assert.Equal(1, _backend.Disposals);
        Assert.Equal(0, raised);
    }

    [Fact]
    public void DisposedMasterThrowsObjectDisposed()
    {
        _backend.Add("/dev/fake0");
        var master = new DiscMaster(_backend);
        master.Dispose();

        Assert.Throws<ObjectDisposedException>(() => master.Recorders);
        Assert.Throws<ObjectDisposedException>(() => master.GetRecorder("0"));
        Assert.Throws<ObjectDisposedException>(() => master.GetRecorder("/dev/fake0"));
        Assert.Throws<ObjectDisposedException>(() => master.BackendName);
        Assert.Equal(0, _backend.Scans);
    }

    [Fact]
    public void RecorderOfADisposedMasterThrowsObjectDisposed()
    {
        var drive = _backend.Add("/dev/fake0", FakeRecorderDevice.BlankCdr());
        var master = new DiscMaster(_backend);
        var recorder = master.GetRecorder("0");
        master.Dispose();

        Assert.Throws<ObjectDisposedException>(() => recorder.GetMediaDetails());
        Assert.Throws<ObjectDisposedException>(() => recorder.Record(new MemoryStream(new byte[2048])));
        Assert.Throws<ObjectDisposedException>(() => recorder.Eject());
        Assert.Equal(0, drive.Opens);
    }
}
