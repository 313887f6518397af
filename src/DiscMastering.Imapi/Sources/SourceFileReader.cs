using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace DiscMastering.Imapi.Sources;

/// <summary>
/// One source file open for positional reads. On Linux it is the bare descriptor read with pread, which
/// costs one open, the reads and one close per file, and nothing on the managed heap; elsewhere a handle
/// read through RandomAccess.
/// </summary>
internal readonly struct SourceFileReader : IDisposable
{
    private readonly string _path;
    private readonly SafeFileHandle? _handle;
    private readonly int _descriptor;

    private SourceFileReader(string path, SafeFileHandle? handle, int descriptor)
    {
        _path = path;
        _handle = handle;
        _descriptor = descriptor;
    }

    /// <summary>Opens <paramref name="path"/>; on Linux by its name in <paramref name="folders"/>' open folder where it can.</summary>
    public static SourceFileReader Open(string path, SourceFolderCache? folders)
    {
        if (!OperatingSystem.IsLinux())
        {
            return new SourceFileReader(path, SourceFile.OpenRead(path), -1);
        }

        var fd = folders?.Open(path) ?? -1;

        // By the whole path when the folder could not be used: that open also gives the error to report.
        return new SourceFileReader(path, null, fd >= 0 ? fd : SourceFile.OpenDescriptor(path));
    }

    /// <summary>Reads at <paramref name="offset"/>; returns the bytes read, 0 at end of file.</summary>
    public unsafe int Read(Span<byte> buffer, long offset)
    {
        if (_handle is not null)
        {
            return RandomAccess.Read(_handle, buffer, offset);
        }

        fixed (byte* bytes = buffer)
        {
            while (true)
            {
                var read = Interop.Linux.ReadInterop.Pread(_descriptor, bytes, (nuint)buffer.Length, offset);
                if (read >= 0)
                {
                    return (int)read;
                }

                var errno = Marshal.GetLastPInvokeError();
                if (errno != Interop.Linux.Errno.EINTR)
                {
                    throw SourceFile.Unreadable(_path, Marshal.GetPInvokeErrorMessage(errno));
                }
            }
        }
    }

    public void Dispose()
    {
        if (_handle is not null)
        {
            _handle.Dispose();
        }
        else
        {
            Interop.Linux.ReadInterop.Close(_descriptor);
        }
    }
}
