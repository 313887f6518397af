using System.Runtime.InteropServices;
using DiscMastering.Imapi.Interop.Linux.Libburn;

namespace DiscMastering.Imapi.Recording.Libburn;

/// <summary>
/// A struct burn_disc: either one being built for burn_disc_write, or the media's table of contents from
/// burn_drive_get_disc. Freeing it drops its sessions, tracks and sources, which closes a source's pipe.
/// </summary>
internal sealed class LibburnDiscHandle : SafeHandle
{
    public LibburnDiscHandle(nint disc)
        : base(invalidHandleValue: 0, ownsHandle: true)
    {
        SetHandle(disc);
    }

    /// <inheritdoc/>
    public override bool IsInvalid => handle == 0;

    /// <summary>The disc pointer, for the calls that take one.</summary>
    public nint Disc => handle;

    /// <inheritdoc/>
    protected override bool ReleaseHandle()
    {
        LibburnInterop.DiscFree(handle);
        return true;
    }
}
