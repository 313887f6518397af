using System.Runtime.InteropServices;

namespace DiscMastering.Imapi.Interop.Linux;

/// <summary>
/// open(2) for reading source files. The runtime's own open adds an fstat and an advisory flock per file,
/// which for tens of thousands of small files costs more than reading them.
/// </summary>
internal static partial class OpenInterop
{
    /// <summary>O_RDONLY | O_CLOEXEC (asm-generic/fcntl.h; the same on x86-64 and arm64).</summary>
    public const int ReadOnlyCloseOnExec = 0x80000;

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial int Open(string path, int flags);

    /// <summary>openat(2): <paramref name="name"/> (NUL-terminated UTF-8) relative to the folder <paramref name="folder"/>.</summary>
    [LibraryImport("libc", EntryPoint = "openat", SetLastError = true)]
    internal static partial int OpenAt(int folder, ReadOnlySpan<byte> name, int flags);
}
