using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace DiscMastering.Imapi.Interop.Windows;

/// <summary>Enumerates a storage's elements (objidl.h, Windows SDK; IID 0000000D-0000-0000-C000-000000000046): Next, Skip, Reset, Clone.</summary>
[GeneratedComInterface]
[Guid("0000000D-0000-0000-C000-000000000046")]
internal unsafe partial interface IEnumSTATSTG
{
    [PreserveSig]
    int Next(uint celt, STATSTG* rgelt, uint* pceltFetched);

    [PreserveSig]
    int Skip(uint celt);

    [PreserveSig]
    int Reset();

    [PreserveSig]
    int Clone(nint* ppenum);
}
