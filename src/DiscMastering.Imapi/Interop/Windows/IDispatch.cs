using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace DiscMastering.Imapi.Interop.Windows;

/// <summary>
/// Automation's late binding (oaidl.h, Windows SDK; IID 00020400-0000-0000-C000-000000000046), slots 3-6:
/// GetTypeInfoCount, GetTypeInfo, GetIDsOfNames, Invoke. Source-generated COM does not implement IDispatch; IMAPI2's
/// dual interfaces derive from this so their own methods land at slot 7 onwards, as in the SDK's vtables.
/// </summary>
[GeneratedComInterface]
[Guid("00020400-0000-0000-C000-000000000046")]
internal unsafe partial interface IDispatch
{
    [PreserveSig]
    int GetTypeInfoCount(uint* pctinfo);

    [PreserveSig]
    int GetTypeInfo(uint iTInfo, uint lcid, nint* ppTInfo);

    [PreserveSig]
    int GetIDsOfNames(Guid* riid, nint* rgszNames, uint cNames, uint lcid, int* rgDispId);

    [PreserveSig]
    int Invoke(int dispIdMember, Guid* riid, uint lcid, ushort wFlags, nint pDispParams, nint pVarResult, nint pExcepInfo, uint* puArgErr);
}
