using System.Runtime.InteropServices;

namespace DiscMastering.Tasks;

/// <summary>The one POSIX call the task needs: asking the tool to stop (SIGTERM) before it is killed.</summary>
internal static class NativeMethods
{
    /// <summary>SIGTERM has the same number on Linux and macOS.</summary>
    internal const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    internal static extern int Kill(int pid, int signal);
}
