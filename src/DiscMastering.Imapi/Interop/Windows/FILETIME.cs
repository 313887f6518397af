using System.Runtime.InteropServices;

namespace DiscMastering.Imapi.Interop.Windows;

/// <summary>A time as 100 ns ticks since 1601-01-01 UTC, low half first (minwinbase.h, Windows SDK): 8 bytes, 4-aligned.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct FILETIME
{
    public uint dwLowDateTime;
    public uint dwHighDateTime;

    public static FILETIME From(DateTime time)
    {
        var ticks = time.Kind == DateTimeKind.Unspecified ? 0 : time.ToFileTimeUtc();
        return new FILETIME { dwLowDateTime = (uint)ticks, dwHighDateTime = (uint)(ticks >> 32) };
    }

    public readonly DateTime ToDateTime() => DateTime.FromFileTimeUtc(((long)dwHighDateTime << 32) | dwLowDateTime);
}
