using System.Runtime.InteropServices.Marshalling;

namespace DiscMastering.Imapi.Interop.Windows;

/// <summary>
/// A folder as a read-only IStorage, for IMAPI v1's IJolietDiscMaster::AddData: files are streams
/// (<see cref="IStreamOnFileStream"/>), subfolders are storages, listed in ordinal name order. Everything that would
/// change the folder answers STG_E_ACCESSDENIED. COM never tells when it lets go of a stream, so this storage keeps
/// what it opened and closes all of it (files and subfolders) on <see cref="Dispose"/>, after AddData has returned.
/// </summary>
[GeneratedComClass]
internal sealed unsafe partial class FolderStorage : IStorage, IDisposable
{
    private readonly List<IDisposable> _opened = [];
    private readonly object _gate = new();
    private bool _disposed;

    /// <summary>Serves <paramref name="folder"/>, which must exist.</summary>
    public FolderStorage(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        Folder = Path.GetFullPath(folder);
        if (!Directory.Exists(Folder))
        {
            throw new DirectoryNotFoundException($"the folder {Folder} does not exist.");
        }
    }

    /// <summary>The folder served, as a full path.</summary>
    public string Folder { get; }

    /// <summary>The folder's files and subfolders, ordinal by name.</summary>
    public IReadOnlyList<FolderElement> Elements() =>
        new DirectoryInfo(Folder).EnumerateFileSystemInfos()
            .Where(i => i is DirectoryInfo || (i.Attributes & FileAttributes.Device) == 0)
            .Select(FolderElement.From)
            .OrderBy(e => e.Name, StringComparer.Ordinal)
            .ToList();

    /// <summary>Closes every stream and storage handed out. Twice is harmless.</summary>
    public void Dispose()
    {
        List<IDisposable> opened;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            opened = [.. _opened];
            _opened.Clear();
        }

        foreach (var item in opened)
        {
            item.Dispose();
        }
    }

    /// <inheritdoc/>
    public int CreateStream(char* pwcsName, uint grfMode, uint reserved1, uint reserved2, nint* ppstm) => Refuse(ppstm);

    /// <inheritdoc/>
    public int OpenStream(char* pwcsName, nint reserved1, uint grfMode, uint reserved2, nint* ppstm)
    {
        if (ppstm is null)
        {
            return ComHResults.STG_E_INVALIDPOINTER;
        }

        *ppstm = 0;
        if ((grfMode & 3) != STATSTG.STGM_READ)
        {
            return ComHResults.STG_E_ACCESSDENIED;
        }

        return Guard(() =>
        {
            if (!TryResolve(pwcsName, out var path))
            {
                return ComHResults.STG_E_INVALIDNAME;
            }

            if (!File.Exists(path))
            {
                return ComHResults.STG_E_FILENOTFOUND;
            }

            var stream = new IStreamOnFileStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read));
            Keep(stream);
            *ppstm = ComObjects.PointerFor(stream, typeof(IStream).GUID);
            return ComHResults.S_OK;
        });
    }

    /// <inheritdoc/>
    public int CreateStorage(char* pwcsName, uint grfMode, uint reserved1, uint reserved2, nint* ppstg) => Refuse(ppstg);

    /// <inheritdoc/>
    public int OpenStorage(char* pwcsName, nint pstgPriority, uint grfMode, nint snbExclude, uint reserved, nint* ppstg)
    {
        if (ppstg is null)
        {
            return ComHResults.STG_E_INVALIDPOINTER;
        }

        *ppstg = 0;
        if ((grfMode & 3) != STATSTG.STGM_READ)
        {
            return ComHResults.STG_E_ACCESSDENIED;
        }

        return Guard(() =>
        {
            if (!TryResolve(pwcsName, out var path))
            {
                return ComHResults.STG_E_INVALIDNAME;
            }

            if (!Directory.Exists(path))
            {
                return ComHResults.STG_E_FILENOTFOUND;
            }

            var storage = new FolderStorage(path);
            Keep(storage);
            *ppstg = ComObjects.PointerFor(storage, typeof(IStorage).GUID);
            return ComHResults.S_OK;
        });
    }

    /// <inheritdoc/>
    public int CopyTo(uint ciidExclude, Guid* rgiidExclude, nint snbExclude, nint pstgDest) => ComHResults.STG_E_ACCESSDENIED;

    /// <inheritdoc/>
    public int MoveElementTo(char* pwcsName, nint pstgDest, char* pwcsNewName, uint grfFlags) => ComHResults.STG_E_ACCESSDENIED;

    /// <summary>Nothing to commit: the storage is read-only.</summary>
    public int Commit(uint grfCommitFlags) => ComHResults.S_OK;

    /// <summary>Nothing to revert: the storage is read-only.</summary>
    public int Revert() => ComHResults.S_OK;

    /// <inheritdoc/>
    public int EnumElements(uint reserved1, nint reserved2, uint reserved3, nint* ppenum)
    {
        if (ppenum is null)
        {
            return ComHResults.STG_E_INVALIDPOINTER;
        }

        *ppenum = 0;
        return Guard(() =>
        {
            *ppenum = ComObjects.PointerFor(new FolderElementEnumerator(Elements()), typeof(IEnumSTATSTG).GUID);
            return ComHResults.S_OK;
        });
    }

    /// <inheritdoc/>
    public int DestroyElement(char* pwcsName) => ComHResults.STG_E_ACCESSDENIED;

    /// <inheritdoc/>
    public int RenameElement(char* pwcsOldName, char* pwcsNewName) => ComHResults.STG_E_ACCESSDENIED;

    /// <inheritdoc/>
    public int SetElementTimes(char* pwcsName, FILETIME* pctime, FILETIME* patime, FILETIME* pmtime) => ComHResults.STG_E_ACCESSDENIED;

    /// <inheritdoc/>
    public int SetClass(Guid* clsid) => ComHResults.STG_E_ACCESSDENIED;

    /// <inheritdoc/>
    public int SetStateBits(uint grfStateBits, uint grfMask) => ComHResults.STG_E_ACCESSDENIED;

    /// <inheritdoc/>
    public int Stat(STATSTG* pstatstg, uint grfStatFlag)
    {
        if (pstatstg is null)
        {
            return ComHResults.STG_E_INVALIDPOINTER;
        }

        *pstatstg = default;
        return Guard(() =>
        {
            *pstatstg = FolderElement.From(new DirectoryInfo(Folder)).ToStat(withName: (grfStatFlag & STATSTG.STATFLAG_NONAME) == 0);
            return ComHResults.S_OK;
        });
    }

    private static int Refuse(nint* result)
    {
        if (result is not null)
        {
            *result = 0;
        }

        return ComHResults.STG_E_ACCESSDENIED;
    }

    /// <summary>An element name is one name in this folder: no separators, not "." or "..".</summary>
    private bool TryResolve(char* name, out string path)
    {
        path = "";
        if (name is null)
        {
            return false;
        }

        var text = new string(name);
        if (text.Length == 0 || text is "." or ".." || text.IndexOfAny(['/', '\\', '\0']) >= 0)
        {
            return false;
        }

        path = Path.Combine(Folder, text);
        return true;
    }

    private void Keep(IDisposable opened)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                opened.Dispose();
                throw new ObjectDisposedException(nameof(FolderStorage));
            }

            _opened.Add(opened);
        }
    }

    private int Guard(Func<int> call)
    {
        if (_disposed)
        {
            return ComHResults.STG_E_REVERTED;
        }

        try
        {
            return call();
        }
        catch (Exception e)
        {
            return ComHResults.FromException(e);
        }
    }
}
