using System.Runtime.InteropServices;

namespace DiscMastering.Imapi.Interop.Linux;

/// <summary>
/// pread(2). The runtime's positional read first asks lseek whether the handle can seek, one more system call
/// per file; reading a few bytes of every source file needs none of that.
/// </summary>
internal static partial class PreadInterop
{
    [LibraryImport("libc", EntryPoint = "pread", SetLastError = true)]
    internal static partial nint Pread(int fd, ref byte buffer, nuint count, long offset);
}
