using System.Runtime.InteropServices;
using DiscMastering.Imapi.Interop.Linux.Libburn;

namespace DiscMastering.Imapi.Recording.Libburn;

/// <summary>A struct burn_write_opts from burn_write_opts_new, freed with burn_write_opts_free.</summary>
internal sealed class LibburnWriteOptionsHandle : SafeHandle
{
    public LibburnWriteOptionsHandle(nint writeOptions)
        : base(invalidHandleValue: 0, ownsHandle: true)
    {
        SetHandle(writeOptions);
    }

    /// <inheritdoc/>
    public override bool IsInvalid => handle == 0;

    /// <summary>The options pointer, for the calls that take one.</summary>
    public nint Options => handle;

    /// <inheritdoc/>
    protected override bool ReleaseHandle()
    {
        LibburnInterop.WriteOptionsFree(handle);
        return true;
    }
}
