using System.Text;

namespace DiscMastering.Imapi.Sources;

/// <summary>
/// Linux: the folder of the file opened last, kept open so that the next file in the same folder is opened
/// by its name alone (openat), not by its whole path: the kernel then looks up one name instead of walking
/// every folder from the root again, which for many small files was a tenth of the time.
/// </summary>
internal sealed class SourceFolderCache : IDisposable
{
    /// <summary>O_RDONLY | O_DIRECTORY | O_CLOEXEC (asm-generic/fcntl.h, x86-64 and arm64 alike).</summary>
    private const int FolderFlags = 0x80000 | 0x10000;

    private string? _folder;
    private int _descriptor = -1;

    /// <summary>Opens <paramref name="path"/> for reading; returns -1 (errno set) when it cannot, so the caller retries by path for its error.</summary>
    public int Open(string path)
    {
        var slash = path.LastIndexOf('/');
        if (slash <= 0 || !Folder(path, slash))
        {
            return -1;
        }

        // NAME_MAX is 255 bytes, so a name that does not fit here cannot open anyway.
        Span<byte> name = stackalloc byte[256];
        var nameChars = path.AsSpan(slash + 1);
        if (nameChars.IsEmpty || Encoding.UTF8.GetByteCount(nameChars) >= name.Length)
        {
            return -1;
        }

        var length = Encoding.UTF8.GetBytes(nameChars, name);
        name[length] = 0;
        return Interop.Linux.OpenInterop.OpenAt(_descriptor, name, Interop.Linux.OpenInterop.ReadOnlyCloseOnExec);
    }

    public void Dispose() => Close();

    /// <summary>Makes the cached folder the one of <paramref name="path"/>'s first <paramref name="length"/> characters.</summary>
    private bool Folder(string path, int length)
    {
        if (_descriptor >= 0 && path.AsSpan(0, length).SequenceEqual(_folder))
        {
            return true;
        }

        Close();
        var folder = path[..length];
        var fd = Interop.Linux.OpenInterop.Open(folder, FolderFlags);
        if (fd < 0)
        {
            return false;
        }

        _folder = folder;
        _descriptor = fd;
        return true;
    }

    private void Close()
    {
        if (_descriptor >= 0)
        {
            Interop.Linux.ReadInterop.Close(_descriptor);
            _descriptor = -1;
            _folder = null;
        }
    }
}
