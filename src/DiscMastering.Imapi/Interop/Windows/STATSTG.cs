using System.Runtime.InteropServices;

namespace DiscMastering.Imapi.Interop.Windows;

/// <summary>
/// What IStream::Stat, IStorage::Stat and IEnumSTATSTG::Next give (objidl.h, Windows SDK). On x64: name pointer at 0,
/// type at 8, cbSize at 16, mtime/ctime/atime at 24/32/40, grfMode 48, grfLocksSupported 52, clsid 56, grfStateBits 72,
/// reserved 76; 80 bytes. <see cref="pwcsName"/> is allocated with CoTaskMemAlloc by the callee and freed by the caller.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct STATSTG
{
    public nint pwcsName;
    public uint type;
    public ulong cbSize;
    public FILETIME mtime;
    public FILETIME ctime;
    public FILETIME atime;
    public uint grfMode;
    public uint grfLocksSupported;
    public Guid clsid;
    public uint grfStateBits;
    public uint reserved;

    /// <summary>STGTY_STORAGE, STGTY_STREAM (objidl.h).</summary>
    public const uint STGTY_STORAGE = 1;
    public const uint STGTY_STREAM = 2;

    /// <summary>STATFLAG_NONAME: the caller does not want the name (objidl.h).</summary>
    public const uint STATFLAG_NONAME = 1;

    /// <summary>STGM access and sharing flags (objbase.h, Windows SDK).</summary>
    public const uint STGM_READ = 0;
    public const uint STGM_WRITE = 1;
    public const uint STGM_READWRITE = 2;
    public const uint STGM_SHARE_EXCLUSIVE = 0x10;
}
