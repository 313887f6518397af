using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace DiscMastering.Imapi.Interop.Windows;

/// <summary>Enumerates a property set's properties (propidl.h, Windows SDK; IID 00000139-0000-0000-C000-000000000046): Next, Skip, Reset, Clone.</summary>
[GeneratedComInterface]
[Guid("00000139-0000-0000-C000-000000000046")]
internal unsafe partial interface IEnumSTATPROPSTG
{
    [PreserveSig]
    int Next(uint celt, STATPROPSTG* rgelt, uint* pceltFetched);

    [PreserveSig]
    int Skip(uint celt);

    [PreserveSig]
    int Reset();

    [PreserveSig]
    int Clone(nint* ppenum);
}
