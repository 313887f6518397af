using System.Runtime.InteropServices;
using System.Text;

namespace DiscMastering.Imapi.Interop.Linux.Libburn;

/// <summary>
/// struct burn_drive_info, as libburn.h 1.5.4 lays it out on LP64 (checked with offsetof: 80 bytes, drive at 72):
/// char vendor[9], product[17], revision[5], location[17], a word of capability bits at 48, buffer_size at 52,
/// four block-type masks at 56..71, then the struct burn_drive pointer every other call takes.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 80)]
internal unsafe struct BurnDriveInfo
{
    [FieldOffset(0)]
    public fixed byte Vendor[9];

    [FieldOffset(9)]
    public fixed byte Product[17];

    [FieldOffset(26)]
    public fixed byte Revision[5];

    [FieldOffset(72)]
    public nint Drive;

    /// <summary>Text from one of the fixed char arrays: up to its first NUL, without trailing blanks.</summary>
    public static string Text(byte* chars, int length)
    {
        var span = new ReadOnlySpan<byte>(chars, length);
        var end = span.IndexOf((byte)0);
        return Encoding.ASCII.GetString(end < 0 ? span : span[..end]).Trim();
    }
}
