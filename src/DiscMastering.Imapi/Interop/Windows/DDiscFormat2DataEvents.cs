using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace DiscMastering.Imapi.Interop.Windows;

/// <summary>
/// IMAPI2's data-write events, implemented by the client (imapi2.h, Windows SDK; DIID 2735413C-7F64-5B0F-8F00-5D77AFBE261E):
/// a dispinterface whose one method, Update(object, progress), has DISPID 0x200 (DISPID_DDISCFORMAT2DATAEVENTS_UPDATE)
/// and is fired through IDispatch::Invoke; its vtable form sits at slot 7.
/// </summary>
[GeneratedComInterface]
[Guid("2735413C-7F64-5B0F-8F00-5D77AFBE261E")]
internal unsafe partial interface DDiscFormat2DataEvents : IDispatch
{
    /// <summary>DISPID_DDISCFORMAT2DATAEVENTS_UPDATE (imapi2.h).</summary>
    public const int DispIdUpdate = 0x200;

    [PreserveSig]
    int Update(nint sender, nint progress);
}
