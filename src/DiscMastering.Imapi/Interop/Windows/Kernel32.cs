using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace DiscMastering.Imapi.Interop.Windows;

/// <summary>The kernel32 functions that name a recorder's drive letter (fileapi.h, Windows SDK); Windows only.</summary>
[SupportedOSPlatform("windows")]
internal static unsafe partial class Kernel32
{
    [LibraryImport("kernel32.dll", SetLastError = true)]
    public static partial uint GetLogicalDrives();

    [LibraryImport("kernel32.dll", EntryPoint = "QueryDosDeviceW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    public static partial uint QueryDosDevice(string lpDeviceName, char* lpTargetPath, uint ucchMax);

    /// <summary>The drive letter ("E:") whose DOS device is <paramref name="devicePath"/> (such as \Device\CdRom0), or null.</summary>
    public static string? DriveLetterFor(string devicePath)
    {
        var drives = GetLogicalDrives();
        var target = stackalloc char[1024];
        for (var i = 0; i < 26; i++)
        {
            if ((drives & (1u << i)) == 0)
            {
                continue;
            }

            var letter = $"{(char)('A' + i)}:";
            var length = QueryDosDevice(letter, target, 1024);
            if (length > 0 && string.Equals(new string(target), devicePath, StringComparison.OrdinalIgnoreCase))
            {
                return letter;
            }
        }

        return null;
    }
}
