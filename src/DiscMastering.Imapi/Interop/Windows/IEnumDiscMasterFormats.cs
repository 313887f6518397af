using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace DiscMastering.Imapi.Interop.Windows;

/// <summary>Enumerates the IMAPI v1 formats a disc master offers (imapi.h, Windows SDK; IID DDF445E1-54BA-11D3-9144-00104BA11C5E): Next, Skip, Reset, Clone.</summary>
[GeneratedComInterface]
[Guid("DDF445E1-54BA-11D3-9144-00104BA11C5E")]
internal unsafe partial interface IEnumDiscMasterFormats
{
    [PreserveSig]
    int Next(uint cFormats, Guid* lpiidFormatID, uint* pcFetched);

    [PreserveSig]
    int Skip(uint cFormats);

    [PreserveSig]
    int Reset();

    [PreserveSig]
    int Clone(nint* ppEnum);
}
