using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace DiscMastering.Imapi.Sources;

/// <summary>Opens source files for reading, with errors a user can act on.</summary>
internal static class SourceFile
{
    public static SafeFileHandle OpenRead(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            try
            {
                return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                throw Failure(path, e is FileNotFoundException or DirectoryNotFoundException, e.Message, e);
            }
        }

        return new SafeFileHandle(OpenDescriptor(path), ownsHandle: true);
    }

    /// <summary>Linux: open(2) for reading; the caller closes the descriptor.</summary>
    public static int OpenDescriptor(string path)
    {
        var fd = Interop.Linux.OpenInterop.Open(path, Interop.Linux.OpenInterop.ReadOnlyCloseOnExec);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw Failure(path, errno is Interop.Linux.Errno.ENOENT or Interop.Linux.Errno.ENOTDIR, Marshal.GetPInvokeErrorMessage(errno), null);
        }

        return fd;
    }

    /// <summary>A source file that opened but could not be read.</summary>
    public static DiscMasteringException Unreadable(string path, string reason) => Failure(path, vanished: false, reason, null);

    private static DiscMasteringException Failure(string path, bool vanished, string reason, Exception? inner) => vanished
        ? new DiscMasteringException(DiscMasteringError.FileChanged, $"the file '{path}' disappeared while the image was written ({reason}); stop whatever deletes it and master again.", inner)
        : new DiscMasteringException(DiscMasteringError.Unreadable, $"the file '{path}' cannot be read ({reason}); give the build user read access, or leave it out.", inner);
}
