using System.Runtime.InteropServices;

namespace DiscMastering.Imapi.Interop.Windows;

/// <summary>One property of a property set, as IEnumSTATPROPSTG::Next gives it (propidl.h, Windows SDK): name pointer, PROPID, VARTYPE; 16 bytes on x64. The name is CoTaskMemAlloc'd and the caller frees it.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct STATPROPSTG
{
    public nint lpwstrName;
    public uint propid;
    public ushort vt;
}
