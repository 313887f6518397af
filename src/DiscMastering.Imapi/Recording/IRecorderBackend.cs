namespace DiscMastering.Imapi.Recording;

/// <summary>
/// One platform's way to reach recorders: libburn on Linux, IMAPI on Windows, a fake in tests.
/// <see cref="DiscMaster"/> and <see cref="DiscRecorder"/> hold the rules; a backend only talks to drives.
/// </summary>
public interface IRecorderBackend : IDisposable
{
    /// <summary>What drives the recorders, with its version, such as "libburn 1.5.4".</summary>
    string Name { get; }

    /// <summary>Raised when a recorder arrives or leaves, where the platform tells.</summary>
    event EventHandler? RecordersChanged;

    /// <summary>The recorders found by scanning, in a stable order; pseudo-drives are never listed.</summary>
    IReadOnlyList<RecorderIdentity> Scan();

    /// <summary>
    /// Takes the recorder at <paramref name="address"/> for exclusive use (a device path, or a backend's own form such
    /// as libburn's <c>stdio:/path/file</c>). Disposing the device releases it. Fails with
    /// <see cref="DiscMasteringError.RecorderNotFound"/> or <see cref="DiscMasteringError.RecorderBusy"/>, never waits.
    /// </summary>
    IRecorderDevice Open(string address);

    /// <summary>The platform's simple recorder (Windows' shell burner, through ICDBurn), or null where there is none.</summary>
    SimpleDiscRecorder? GetSimpleRecorder() => null;
}
