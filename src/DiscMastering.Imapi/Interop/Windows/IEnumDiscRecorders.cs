using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace DiscMastering.Imapi.Interop.Windows;

/// <summary>Enumerates IMAPI v1 recorders (imapi.h, Windows SDK; IID 9B1921E1-54AC-11D3-9144-00104BA11C5E): Next, Skip, Reset, Clone.</summary>
[GeneratedComInterface]
[Guid("9B1921E1-54AC-11D3-9144-00104BA11C5E")]
internal unsafe partial interface IEnumDiscRecorders
{
    /// <summary>Fills <paramref name="ppRecorder"/> with up to <paramref name="cRecorders"/> IDiscRecorder pointers, each owned by the caller.</summary>
    [PreserveSig]
    int Next(uint cRecorders, nint* ppRecorder, uint* pcFetched);

    [PreserveSig]
    int Skip(uint cRecorders);

    [PreserveSig]
    int Reset();

    [PreserveSig]
    int Clone(nint* ppEnum);
}
