using System.Globalization;

namespace DiscMastering.Imapi.Recording;

/// <summary>
/// The recorders of this machine, as the original IMAPI wrapper's <c>DiscMaster</c> gave them. It owns the platform's
/// recorder library for its lifetime: dispose it (twice is harmless) to let the library go. Every operation on a
/// <see cref="DiscRecorder"/> takes the drive for its own duration and always releases it.
/// </summary>
public sealed class DiscMaster : IDisposable
{
    private readonly IRecorderBackend _backend;
    private IReadOnlyList<DiscRecorder>? _recorders;
    private bool _disposed;

    /// <summary>Opens this platform's recorders (libburn on Linux, IMAPI on Windows); fails with <see cref="DiscMasteringError.RecordingUnavailable"/> where there is none.</summary>
    public DiscMaster()
        : this(RecorderBackends.ForThisPlatform())
    {
    }

    /// <summary>Opens the recorders of <paramref name="backend"/>, which this master then owns and disposes.</summary>
    public DiscMaster(IRecorderBackend backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        _backend = backend;
        _backend.RecordersChanged += OnRecordersChanged;
    }

    /// <summary>Raised when a recorder arrives or leaves; <see cref="Recorders"/> is scanned again on its next use.</summary>
    public event EventHandler? RecordersChanged;

    /// <summary>What drives the recorders, such as "libburn 1.5.4".</summary>
    public string BackendName
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _backend.Name;
        }
    }

    /// <summary>The recorders found by scanning, numbered from 0. Pseudo-drives are not listed; name them with <see cref="GetRecorder"/>.</summary>
    public IReadOnlyList<DiscRecorder> Recorders
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _recorders ??= _backend.Scan().Select((identity, index) => new DiscRecorder(this, identity, index)).ToList();
        }
    }

    /// <summary>The shell's simple recorder on Windows (drive letter, staging area), as the original wrapper showed it; null elsewhere.</summary>
    public SimpleDiscRecorder? SimpleDiscRecorder
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _backend.GetSimpleRecorder();
        }
    }

    /// <summary>
    /// The recorder at <paramref name="address"/>: an index from <see cref="Recorders"/>, a device path such as
    /// <c>/dev/sr0</c>, or a backend's own address such as libburn's <c>stdio:/path/file</c> pseudo-drive.
    /// </summary>
    public DiscRecorder GetRecorder(string address)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(address);
        address = address.Trim();
        if (address.Length == 0)
        {
            throw new DiscMasteringException(DiscMasteringError.RecorderNotFound, "no recorder was named; give an index from 'dotnet discmaster recorders', a device such as /dev/sr0, or stdio:/path/file.");
        }

        if (int.TryParse(address, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            var recorders = Recorders;
            if (index >= recorders.Count)
            {
                var found = recorders.Count == 0 ? "no recorders were found" : $"the recorders are numbered 0 to {recorders.Count - 1}";
                throw new DiscMasteringException(DiscMasteringError.RecorderNotFound, $"there is no recorder {index}: {found}; run 'dotnet discmaster recorders' to list them.");
            }

            return recorders[index];
        }

        var listed = Recorders.FirstOrDefault(r => string.Equals(r.Address, address, StringComparison.Ordinal) || string.Equals(r.OsPath, address, StringComparison.Ordinal));
        if (listed is not null)
        {
            return listed;
        }

        using var device = _backend.Open(address);
        return new DiscRecorder(this, device.Identity, index: null);
    }

    /// <summary>Lets the platform's recorder library go. Safe to call twice.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _backend.RecordersChanged -= OnRecordersChanged;
        _backend.Dispose();
    }

    /// <summary>Takes a drive for a recorder's operation; refused once the library has been let go.</summary>
    internal IRecorderDevice Open(string address)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _backend.Open(address);
    }

    private void OnRecordersChanged(object? sender, EventArgs e)
    {
        _recorders = null;
        RecordersChanged?.Invoke(this, EventArgs.Empty);
    }
}
