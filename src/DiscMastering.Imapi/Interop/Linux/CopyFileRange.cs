using System.Runtime.InteropServices;

namespace DiscMastering.Imapi.Interop.Linux;

/// <summary>copy_file_range(2): the kernel moves file data between two files without a user-space copy.</summary>
internal static partial class CopyFileRangeInterop
{
    [LibraryImport("libc", EntryPoint = "copy_file_range", SetLastError = true)]
    internal static partial nint CopyFileRange(int inputFd, ref long inputOffset, int outputFd, ref long outputOffset, nuint length, uint flags);
}
