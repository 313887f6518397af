using System.Runtime.InteropServices;

namespace DiscMastering.Imapi.Tests.Interop.Windows.NativeFake;

/// <summary>
/// A read-only IStorage (objidl.h) of files and folders held in memory. Its vtable follows objidl.h:
/// IUnknown (0-2), CreateStream 3, OpenStream 4, CreateStorage 5, OpenStorage 6, CopyTo 7, MoveElementTo 8,
/// Commit 9, Revert 10, EnumElements 11, DestroyElement 12, RenameElement 13, SetElementTimes 14, SetClass 15,
/// SetStateBits 16, Stat 17; only OpenStream, OpenStorage and EnumElements do something. Everything it hands
/// out is kept in <see cref="HandedOut"/> so a test can check it was all released.
/// </summary>
internal sealed unsafe class ManagedStorage : ManagedComObject
{
    private const int STG_E_FILENOTFOUND = unchecked((int)0x80030002);

    private static readonly nint* s_vtable = CreateStorageVtable();

    private readonly List<ManagedComObject> _handedOut;

    internal ManagedStorage()
        : this([])
    {
    }

    private ManagedStorage(List<ManagedComObject> handedOut)
        : base(s_vtable) => _handedOut = handedOut;

    /// <summary>The elements in the order EnumElements gives them: a file's bytes, or a folder.</summary>
    internal List<(string Name, byte[]? Bytes, ManagedStorage? Folder)> Elements { get; } = [];

    /// <summary>Streams, folders and enumerators handed to native code, this storage's and its folders'.</summary>
    internal IReadOnlyList<ManagedComObject> HandedOut => _handedOut;

    internal void AddFile(string name, byte[] bytes) => Elements.Add((name, bytes, null));

    internal ManagedStorage AddFolder(string name)
    {
        var folder = new ManagedStorage(_handedOut);
        _handedOut.Add(folder);
        Elements.Add((name, null, folder));
        return folder;
    }

    protected override bool Answers(Guid iid) => iid == ImapiGuids.IStorage;

    private static nint* CreateStorageVtable()
    {
        var vtable = CreateVtable(18);
        vtable[4] = (nint)(delegate* unmanaged<nint, char*, void*, uint, uint, nint*, int>)&OpenStream;
        vtable[6] = (nint)(delegate* unmanaged<nint, char*, nint, uint, nint, uint, nint*, int>)&OpenStorage;
        vtable[11] = (nint)(delegate* unmanaged<nint, uint, void*, uint, nint*, int>)&EnumElements;
        return vtable;
    }

    private (string Name, byte[]? Bytes, ManagedStorage? Folder)? Find(char* name)
    {
        var wanted = new string(name);
        foreach (var element in Elements)
        {
            if (element.Name == wanted)
            {
                return element;
            }
        }
        return null;
    }

    // The new stream's one reference goes to the caller.
    [UnmanagedCallersOnly]
    private static int OpenStream(nint self, char* name, void* reserved1, uint mode, uint reserved2, nint* stream)
    {
        var storage = From<ManagedStorage>(self);
        var element = storage.Find(name);
        *stream = 0;
        if (element?.Bytes is not { } bytes)
        {
            return STG_E_FILENOTFOUND;
        }
        var opened = new ManagedStream(bytes);
        storage._handedOut.Add(opened);
        *stream = opened.Pointer;
        return S_OK;
    }

    [UnmanagedCallersOnly]
    private static int OpenStorage(nint self, char* name, nint priority, uint mode, nint exclude, uint reserved, nint* child)
    {
        var element = From<ManagedStorage>(self).Find(name);
        *child = 0;
        if (element?.Folder is not { } folder)
        {
            return STG_E_FILENOTFOUND;
        }
        NativeCom.AddRef(folder.Pointer);
        *child = folder.Pointer;
        return S_OK;
    }

    [UnmanagedCallersOnly]
    private static int EnumElements(nint self, uint reserved1, void* reserved2, uint reserved3, nint* enumerator)
    {
        var storage = From<ManagedStorage>(self);
        var elements = new ManagedStorageEnumerator(storage.Elements.Select(e => (e.Name, e.Bytes)).ToArray());
        storage._handedOut.Add(elements);
        *enumerator = elements.Pointer;
        return S_OK;
    }
}
