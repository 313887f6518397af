using System.Runtime.InteropServices;

namespace DiscMastering.Imapi.Tests.Interop.Windows.NativeFake;

/// <summary>
/// An IEnumSTATSTG (objidl.h) over a storage's elements: IUnknown (0-2), Next 3, Skip 4, Reset 5, Clone 6
/// (not implemented). Next fills STATSTG (objidl.h; 80 bytes on 64-bit: pwcsName at 0, type at 8, cbSize at
/// 16) with a name from CoTaskMem, which the caller frees.
/// </summary>
internal sealed unsafe class ManagedStorageEnumerator : ManagedComObject
{
    private const int StatstgSize = 80;
    private const uint STGTY_STORAGE = 1;
    private const uint STGTY_STREAM = 2;

    private static readonly nint* s_vtable = CreateEnumeratorVtable();

    private readonly (string Name, byte[]? Bytes)[] _elements;
    private int _position;

    internal ManagedStorageEnumerator((string Name, byte[]? Bytes)[] elements)
        : base(s_vtable) => _elements = elements;

    protected override bool Answers(Guid iid) => iid == ImapiGuids.IEnumSTATSTG;

    private static nint* CreateEnumeratorVtable()
    {
        var vtable = CreateVtable(7);
        vtable[3] = (nint)(delegate* unmanaged<nint, uint, byte*, uint*, int>)&Next;
        vtable[4] = (nint)(delegate* unmanaged<nint, uint, int>)&Skip;
        vtable[5] = (nint)(delegate* unmanaged<nint, int>)&Reset;
        return vtable;
    }

    [UnmanagedCallersOnly]
    private static int Next(nint self, uint count, byte* items, uint* fetched)
    {
        var enumerator = From<ManagedStorageEnumerator>(self);
        uint n = 0;
        for (; n < count && enumerator._position < enumerator._elements.Length; n++)
        {
            var (name, bytes) = enumerator._elements[enumerator._position++];
            var item = items + n * StatstgSize;
            new Span<byte>(item, StatstgSize).Clear();
            *(nint*)item = Marshal.StringToCoTaskMemUni(name);
            *(uint*)(item + 8) = bytes is null ? STGTY_STORAGE : STGTY_STREAM;
            *(ulong*)(item + 16) = (ulong)(bytes?.Length ?? 0);
        }
        if (fetched != null)
        {
            *fetched = n;
        }
        return n == count ? S_OK : S_FALSE;
    }

    [UnmanagedCallersOnly]
    private static int Skip(nint self, uint count)
    {
        var enumerator = From<ManagedStorageEnumerator>(self);
        var left = enumerator._elements.Length - enumerator._position;
        enumerator._position += (int)Math.Min(count, (uint)left);
        return count <= left ? S_OK : S_FALSE;
    }

    [UnmanagedCallersOnly]
    private static int Reset(nint self)
    {
        From<ManagedStorageEnumerator>(self)._position = 0;
        return S_OK;
    }
}
