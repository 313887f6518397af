using System.Runtime.InteropServices;

namespace DiscMastering.Imapi.Interop.Windows;

/// <summary>Names a property by id or by string (propidl.h, Windows SDK): ULONG ulKind, then a union of PROPID and LPOLESTR; 16 bytes on x64.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PROPSPEC
{
    /// <summary>PRSPEC_LPWSTR = 0, PRSPEC_PROPID = 1 (propidl.h).</summary>
    public const uint PRSPEC_LPWSTR = 0;
    public const uint PRSPEC_PROPID = 1;

    public uint ulKind;

    /// <summary>The union: a PROPID in its low 32 bits, or a string pointer.</summary>
    public nint value;

    public static PROPSPEC ForId(uint propid) => new() { ulKind = PRSPEC_PROPID, value = (nint)propid };
}
