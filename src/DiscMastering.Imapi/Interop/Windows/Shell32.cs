using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace DiscMastering.Imapi.Interop.Windows;

/// <summary>The shell32 functions this library calls (shlobj_core.h, Windows SDK); Windows only.</summary>
[SupportedOSPlatform("windows")]
internal static unsafe partial class Shell32
{
    /// <summary>FOLDERID_CDBurning, the shell's staging area for discs (KnownFolders.h, Windows SDK).</summary>
    public static readonly Guid CdBurningFolder = new("9E52AB10-F80D-49DF-ACB8-4330F5687855");

    [LibraryImport("shell32.dll")]
    public static partial int SHGetKnownFolderPath(in Guid rfid, uint dwFlags, nint hToken, out char* ppszPath);

    /// <summary>The path of a known folder, or null when the shell has none.</summary>
    public static string? KnownFolderPath(in Guid folder)
    {
        char* path = null;
        try
        {
            return SHGetKnownFolderPath(folder, 0, 0, out path) >= 0 ? new string(path) : null;
        }
        finally
        {
            Marshal.FreeCoTaskMem((nint)path);
        }
    }
}
