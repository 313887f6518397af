using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace DiscMastering.Imapi.Interop.Windows;

/// <summary>
/// What every IMAPI2 format shares (imapi2.h, Windows SDK; IID 27354152-8F64-5B0F-8F00-5D77AFBE261E), dual: IDispatch,
/// then slots 7-11: IsRecorderSupported, IsCurrentMediaSupported, get_MediaPhysicallyBlank, get_MediaHeuristicallyBlank,
/// get_SupportedMediaTypes.
/// </summary>
[GeneratedComInterface]
[Guid("27354152-8F64-5B0F-8F00-5D77AFBE261E")]
internal unsafe partial interface IDiscFormat2 : IDispatch
{
    [PreserveSig]
    int IsRecorderSupported(IDiscRecorder2 recorder, short* value);

    [PreserveSig]
    int IsCurrentMediaSupported(IDiscRecorder2 recorder, short* value);

    [PreserveSig]
    int get_MediaPhysicallyBlank(short* value);

    [PreserveSig]
    int get_MediaHeuristicallyBlank(short* value);

    [PreserveSig]
    int get_SupportedMediaTypes(nint* value);
}
