using DiscMastering.Imapi.Interop.Linux;
using DiscMastering.Imapi.Interop.Linux.Libburn;

namespace DiscMastering.Imapi.Recording.Libburn;

/// <summary>
/// Recorders on Linux through the system's libburn (Debian package libburn4): real drives such as <c>/dev/sr0</c>
/// and libburn's <c>stdio:/path/file</c> pseudo-drives. Each backend keeps libburn started until it is disposed.
/// </summary>
internal sealed unsafe class LibburnBackend : IRecorderBackend
{
    /// <summary>The prefix of libburn's pseudo-drive addresses.</summary>
    public const string StdioPrefix = "stdio:";

    private bool _disposed;

    private LibburnBackend(string name)
    {
        Name = name;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <summary>Never raised: libburn does not announce drives arriving or leaving; a new scan finds them.</summary>
    public event EventHandler? RecordersChanged
    {
        add { }
        remove { }
    }

    /// <summary>Loads and starts libburn; fails with <see cref="DiscMasteringError.RecordingUnavailable"/> where it is missing.</summary>
    public static IRecorderBackend Open()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new DiscMasteringException(DiscMasteringError.RecordingUnavailable, "libburn recording works on Linux only; on this system master the image with 'dotnet discmaster image' and record it with the system's own tools.");
        }

        LibburnRuntime.Acquire();
        try
        {
            return new LibburnBackend(LibburnRuntime.Name);
        }
        catch
        {
            LibburnRuntime.Release();
            throw;
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<RecorderIdentity> Scan()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        LibburnRuntime.BeginHold("scanning for recorders");
        BurnDriveInfo* infos = null;
        try
        {
            LibburnMessages.Discard();
            int result;
            uint count;
            while ((result = LibburnInterop.DriveScan(out infos, out count)) == 0)
            {
                // libburn asks to be called until the scan is complete.
                Thread.Sleep(10);
            }

            if (result < 0)
            {
                var why = LibburnMessages.Explain(LibburnMessages.Drain());
                throw new DiscMasteringException(DiscMasteringError.RecordingFailed, $"scanning for recorders failed ({why}); check that you may open the optical drives (group 'cdrom') and try again.");
            }

            var found = new List<RecorderIdentity>((int)count);
            for (var i = 0; i < count; i++)
            {
                var info = &infos[i];
                var address = DeviceAddress(info->Drive);
                found.Add(new RecorderIdentity(
                    address,
                    BurnDriveInfo.Text(info->Vendor, 9),
                    BurnDriveInfo.Text(info->Product, 17),
                    BurnDriveInfo.Text(info->Revision, 5),
                    address,
                    DriveLetter: null));
            }

            return found.OrderBy(r => r.Address, StringComparer.Ordinal).ToList();
        }
        finally
        {
            if (infos is not null)
            {
                LibburnInterop.DriveInfoFree(infos);
            }

            LibburnRuntime.EndHold();
        }
    }

    /// <inheritdoc/>
    public IRecorderDevice Open(string address)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(address);
        address = address.Trim();
        RequireUsableStdioPath(address);
        LibburnRuntime.BeginHold(address);
        LibburnDriveHandle? handle = null;
        StdioDriveLock? stdioLock = null;
        try
        {
            if (address.StartsWith(StdioPrefix, StringComparison.Ordinal))
            {
                stdioLock = StdioDriveLock.Acquire(address, address[StdioPrefix.Length..]);
            }

            LibburnMessages.Discard();
            if (LibburnInterop.DriveScanAndGrab(out var infos, address, load: 1) <= 0 || infos is null)
            {
                throw GrabFailure(address, LibburnMessages.Drain());
            }

            // From here the handle gives the slot back when it releases the drive.
            handle = new LibburnDriveHandle(infos) { ProcessLock = stdioLock };
            return new LibburnDevice(handle, address, Name);
        }
        catch
        {
            if (handle is null)
            {
                stdioLock?.Dispose();
                LibburnRuntime.EndHold();
            }
            else
            {
                handle.Dispose();
            }

            throw;
        }
    }

    /// <summary>Lets libburn go when this was its last backend. Safe twice.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        LibburnRuntime.Release();
    }

    private static string DeviceAddress(nint drive)
    {
        var address = stackalloc byte[LibburnInterop.AddressLength];
        return LibburnInterop.DriveGetAddress(drive, address) > 0 ? LibburnMessages.CString(address, LibburnInterop.AddressLength) : "";
    }

    /// <summary>
    /// libburn takes <c>stdio:</c> with nothing after it, or a folder, as a drive that can never be written
    /// (a folder becomes a write-only "black hole"); say so before grabbing.
    /// </summary>
    private static void RequireUsableStdioPath(string address)
    {
        if (!address.StartsWith(StdioPrefix, StringComparison.Ordinal))
        {
            return;
        }

        var path = address[StdioPrefix.Length..];
        if (path.Length == 0)
        {
            throw new DiscMasteringException(DiscMasteringError.RecorderNotFound, $"'{address}' names no file; write the pseudo-drive's file after the prefix, such as stdio:/tmp/disc.iso.");
        }

        if (Directory.Exists(path))
        {
            throw new DiscMasteringException(
                DiscMasteringError.RecorderNotFound,
                $"{address} is a folder, not a file; name a file in it, such as {StdioPrefix}{Path.Combine(path, "disc.iso")}.");
        }
    }

    private static DiscMasteringException GrabFailure(string address, IReadOnlyCollection<LibburnMessage> messages)
    {
        var why = LibburnMessages.Explain(messages);
        if (messages.Any(m => m.Text.Contains("Neither stdio-path nor its directory exist", StringComparison.OrdinalIgnoreCase)))
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(address[StdioPrefix.Length..])) ?? address;
            return new DiscMasteringException(
                DiscMasteringError.RecorderNotFound,
                $"there is no pseudo-drive at {address}: the folder {folder} does not exist; create it or name another file.");
        }

        if (messages.Any(m => m.Text.Contains("busy", StringComparison.OrdinalIgnoreCase)))
        {
            return new DiscMasteringException(
                DiscMasteringError.RecorderBusy,
                $"{address} is in use by another program ({why}); close the program that holds it (another burner, or a file manager that mounted the disc) and try again.");
        }

        if (messages.Any(m => m.OsErrno == Errno.EACCES || m.Text.Contains("Permission denied", StringComparison.OrdinalIgnoreCase)))
        {
            return new DiscMasteringException(
                DiscMasteringError.RecorderNotFound,
                $"{address} cannot be opened: permission denied ({why}); add your user to the group that owns it (usually 'cdrom') and log in again.");
        }

        return new DiscMasteringException(
            DiscMasteringError.RecorderNotFound,
            $"no recorder answers at {address} ({why}); give a device such as /dev/sr0, an index from 'dotnet discmaster recorders', or a pseudo-drive such as stdio:/tmp/disc.iso.");
    }
}
