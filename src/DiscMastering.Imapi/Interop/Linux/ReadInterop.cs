using System.Runtime.InteropServices;

namespace DiscMastering.Imapi.Interop.Linux;

/// <summary>
/// pread(2) and close(2) on a bare descriptor, for the many small source files the writer reads once each:
/// no SafeFileHandle to allocate per file, and no lseek the runtime spends on a new handle to learn whether
/// it can seek.
/// </summary>
internal static unsafe partial class ReadInterop
{
    /// <summary>Returns the bytes read (0 at end of file) or -1 with the errno in Marshal.GetLastPInvokeError.</summary>
    [LibraryImport("libc", EntryPoint = "pread64", SetLastError = true)]
    internal static partial nint Pread(int fd, byte* buffer, nuint count, long offset);

    [LibraryImport("libc", EntryPoint = "close")]
    internal static partial int Close(int fd);
}
