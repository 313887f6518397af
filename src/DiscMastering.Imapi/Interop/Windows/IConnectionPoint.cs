using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace DiscMastering.Imapi.Interop.Windows;

/// <summary>
/// One event source (ocidl.h, Windows SDK; IID B196B286-BAB4-101A-B69C-00AA00341D07): GetConnectionInterface,
/// GetConnectionPointContainer, Advise, Unadvise, EnumConnections. Advise takes its own reference on the sink.
/// </summary>
[GeneratedComInterface]
[Guid("B196B286-BAB4-101A-B69C-00AA00341D07")]
internal unsafe partial interface IConnectionPoint
{
    [PreserveSig]
    int GetConnectionInterface(Guid* pIID);

    [PreserveSig]
    int GetConnectionPointContainer(nint* ppCPC);

    [PreserveSig]
    int Advise(nint pUnkSink, uint* pdwCookie);

    [PreserveSig]
    int Unadvise(uint dwCookie);

    [PreserveSig]
    int EnumConnections(nint* ppEnum);
}
