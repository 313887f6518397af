using System.Runtime.InteropServices;

namespace DiscMastering.Imapi.Interop.Linux;

/// <summary>
/// stat(2) through the runtime's own portable shim (libSystem.Native), whose struct does not change with
/// the C library's layout. Layout and file-type bits from dotnet/runtime
/// src/libraries/Common/src/Interop/Unix/System.Native/Interop.Stat.cs.
/// </summary>
internal static partial class FileStatusInterop
{
    /// <summary>The file-type bits of the mode; every type but these two (FIFO, socket, device) is refused.</summary>
    public const int FileTypeMask = 0xF000;
    public const int FileTypeDirectory = 0x4000;
    public const int FileTypeRegular = 0x8000;

    [StructLayout(LayoutKind.Sequential)]
    internal struct FileStatus
    {
        public int Flags;
        public int Mode;
        public uint Uid;
        public uint Gid;
        public long Size;
        public long ATime;
        public long ATimeNsec;
        public long MTime;
        public long MTimeNsec;
        public long CTime;
        public long CTimeNsec;
        public long BirthTime;
        public long BirthTimeNsec;
        public long Dev;
        public long RDev;
        public long Ino;
        public uint UserFlags;
    }

    /// <summary>Follows symbolic links; returns 0 or -1 with the errno in Marshal.GetLastPInvokeError.</summary>
    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial int Stat(string path, out FileStatus status);
}
