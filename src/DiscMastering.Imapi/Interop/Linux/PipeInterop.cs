using System.Runtime.InteropServices;

namespace DiscMastering.Imapi.Interop.Linux;

/// <summary>pipe2(2): a kernel pipe whose read end a native library can own (and close) while .NET writes the other.</summary>
internal static unsafe partial class PipeInterop
{
    /// <summary>O_CLOEXEC (asm-generic/fcntl.h; the same on x86-64 and arm64): a child process does not inherit the ends.</summary>
    public const int CloseOnExec = 0x80000;

    /// <summary>Fills <paramref name="fds"/> with the read end then the write end; returns 0 or -1 with errno.</summary>
    [LibraryImport("libc", EntryPoint = "pipe2", SetLastError = true)]
    internal static partial int Pipe2(int* fds, int flags);
}
