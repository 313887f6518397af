using System.Runtime.InteropServices;

namespace DiscMastering.Imapi.Interop.Windows;

/// <summary>
/// An automation argument (oaidl.h, Windows SDK): VARTYPE vt, three reserved WORDs, then a union whose largest arm is
/// BRECORD's two pointers: 24 bytes on x64, 16 on x86. Only VT_DISPATCH and VT_I4 are read here.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct VARIANT
{
    /// <summary>VT_I4 and VT_DISPATCH (wtypes.h).</summary>
    public const ushort VT_I4 = 3;
    public const ushort VT_DISPATCH = 9;

    public ushort vt;
    public ushort wReserved1;
    public ushort wReserved2;
    public ushort wReserved3;
    public nint value;
    public nint value2;
}
