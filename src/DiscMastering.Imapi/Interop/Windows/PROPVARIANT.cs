using System.Runtime.InteropServices;

namespace DiscMastering.Imapi.Interop.Windows;

/// <summary>
/// A property value (propidl.h, Windows SDK): VARTYPE vt, three reserved WORDs, then a union whose largest arms are
/// two pointers (BLOB, CA*): 24 bytes on x64, 16 on x86. Blittable; only the arms IMAPI's properties use are read.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PROPVARIANT
{
    /// <summary>VARENUM values (wtypes.h, Windows SDK) for the types IMAPI uses.</summary>
    public const ushort VT_EMPTY = 0;
    public const ushort VT_I2 = 2;
    public const ushort VT_I4 = 3;
    public const ushort VT_BSTR = 8;
    public const ushort VT_BOOL = 11;
    public const ushort VT_UI4 = 19;
    public const ushort VT_LPWSTR = 31;

    public ushort vt;
    public ushort wReserved1;
    public ushort wReserved2;
    public ushort wReserved3;
    public nint value;
    public nint value2;

    public readonly int Int32 => unchecked((int)(long)value);

    public readonly short Int16 => unchecked((short)(long)value);
}
