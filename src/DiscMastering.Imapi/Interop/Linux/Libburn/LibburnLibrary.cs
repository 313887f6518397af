using System.Runtime.InteropServices;

namespace DiscMastering.Imapi.Interop.Linux.Libburn;

/// <summary>
/// The one place that decides how libburn is found: the system's library by its soname. Only recording calls
/// <see cref="Load"/>; mastering never does, so it works where libburn is not installed.
/// </summary>
internal static class LibburnLibrary
{
    /// <summary>The soname of libburn 1.x (Debian and Ubuntu package libburn4). The runtime loads a name with ".so" in it as given.</summary>
    public const string SoName = "libburn.so.4";

    private static readonly Lock s_gate = new();
    private static nint s_handle;

    /// <summary>Loads libburn, or fails with <see cref="DiscMasteringError.RecordingUnavailable"/> saying how to install it.</summary>
    public static void Load()
    {
        lock (s_gate)
        {
            if (s_handle != 0)
            {
                return;
            }

            // Load by the same name the imports use, so every call binds to this one copy.
            if (!NativeLibrary.TryLoad(SoName, out s_handle))
            {
                throw new DiscMasteringException(
                    DiscMasteringError.RecordingUnavailable,
                    $"recording needs libburn ({SoName}), which is not installed; install it with: sudo apt-get install libburn4 (or your distribution's libburn package), then try again.");
            }
        }
    }
}
