using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace DiscMastering.Imapi.Interop.Windows;

/// <summary>An object's event sources (ocidl.h, Windows SDK; IID B196B284-BAB4-101A-B69C-00AA00341D07): EnumConnectionPoints, FindConnectionPoint.</summary>
[GeneratedComInterface]
[Guid("B196B284-BAB4-101A-B69C-00AA00341D07")]
internal unsafe partial interface IConnectionPointContainer
{
    [PreserveSig]
    int EnumConnectionPoints(nint* ppEnum);

    [PreserveSig]
    int FindConnectionPoint(Guid* riid, nint* ppCP);
}
