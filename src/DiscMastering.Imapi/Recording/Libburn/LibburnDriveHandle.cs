using System.Runtime.InteropServices;
using DiscMastering.Imapi.Interop.Linux.Libburn;

namespace DiscMastering.Imapi.Recording.Libburn;

/// <summary>
/// A grabbed drive: the one-element burn_drive_info array from burn_drive_scan_and_grab. Releasing it releases the
/// drive (ejecting if asked), frees the array and gives the process's drive slot back.
/// </summary>
internal sealed unsafe class LibburnDriveHandle : SafeHandle
{
    public LibburnDriveHandle(BurnDriveInfo* driveInfos)
        : base(invalidHandleValue: 0, ownsHandle: true)
    {
        SetHandle((nint)driveInfos);
    }

    /// <inheritdoc/>
    public override bool IsInvalid => handle == 0;

    /// <summary>The drive's info record (vendor, product, revision).</summary>
    public BurnDriveInfo* Info => (BurnDriveInfo*)handle;

    /// <summary>The struct burn_drive pointer the drive calls take.</summary>
    public nint Drive => Info->Drive;

    /// <summary>Opens the tray on release.</summary>
    public bool EjectOnRelease { get; set; }

    /// <summary>A pseudo-drive's cross-process lock, let go after the drive.</summary>
    public IDisposable? ProcessLock { get; set; }

    /// <inheritdoc/>
    protected override bool ReleaseHandle()
    {
        var info = (BurnDriveInfo*)handle;
        try
        {
            LibburnInterop.DriveRelease(info->Drive, EjectOnRelease ? 1 : 0);
            LibburnInterop.DriveInfoFree(info);
        }
        finally
        {
            ProcessLock?.Dispose();
            LibburnRuntime.EndHold();
        }

        return true;
    }
}
