using System.Runtime.InteropServices;

namespace DiscMastering.Imapi.Interop.Linux;

/// <summary>realpath(3): the absolute path with every symbolic link resolved.</summary>
internal static unsafe partial class RealPathInterop
{
    [LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial byte* RealPath(string path, byte* resolved);

    /// <summary>Returns null when the path does not exist.</summary>
    public static string? Resolve(string path)
    {
        var resolved = RealPath(path, null);
        if (resolved is null)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8((nint)resolved);
        }
        finally
        {
            NativeMemory.Free(resolved);
        }
    }
}
