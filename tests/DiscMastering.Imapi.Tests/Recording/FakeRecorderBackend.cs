using DiscMastering.Imapi.Recording;

namespace DiscMastering.Imapi.Tests.Recording;

/// <summary>An in-memory recorder library: drives that tests configure, with counters of what the model did to them.</summary>
internal sealed class FakeRecorderBackend : IRecorderBackend
{
    private readonly List<(FakeRecorderDevice Drive, bool Listed)> _drives = [];

    public event EventHandler? RecordersChanged;

    public string Name => "fake 1.0";

    public int Scans { get; private set; }

    public int Disposals { get; private set; }

    public IEnumerable<FakeRecorderDevice> Drives => _drives.Select(d => d.Drive);

    /// <summary>Every open of every drive, and every release: equal when nothing was left held.</summary>
    public int Opens => _drives.Sum(d => d.Drive.Opens);

    public int Releases => _drives.Sum(d => d.Drive.Releases);

    /// <summary>Adds a drive; an unlisted one is left out of scans like a pseudo-drive, but opens by address.</summary>
    public FakeRecorderDevice Add(string address, MediaDetails? media = null, bool listed = true)
    {
        var drive = new FakeRecorderDevice(address);
        drive.Insert(media ?? MediaDetails.None);
        _drives.Add((drive, listed));
        return drive;
    }

    public void RaiseRecordersChanged() => RecordersChanged?.Invoke(this, EventArgs.Empty);

    public IReadOnlyList<RecorderIdentity> Scan()
    {
        RequireAlive();
        Scans++;
        return _drives.Where(d => d.Listed).Select(d => d.Drive.Identity).ToList();
    }

    public IRecorderDevice Open(string address)
    {
        RequireAlive();
        var drive = _drives.Select(d => d.Drive).FirstOrDefault(d => d.Identity.Address == address)
            ?? throw new DiscMasteringException(DiscMasteringError.RecorderNotFound, $"no recorder answers at {address}.");
        drive.Take();
        return drive;
    }

    public void Dispose() => Disposals++;

    // A real library is gone after its dispose; reaching it then is a bug in the model, not a user's error.
    private void RequireAlive()
    {
        if (Disposals > 0)
        {
            throw new InvalidOperationException("the recorder library was used after it was disposed");
        }
    }
}
