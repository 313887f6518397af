using System.Runtime.InteropServices;

namespace DiscMastering.Imapi.Tests.Interop.Windows.NativeFake;

/// <summary>
/// A read-only IStream (objidl.h) over bytes. Its vtable follows objidl.h: IUnknown (0-2), ISequentialStream's
/// Read (3) and Write (4), then Seek, SetSize, CopyTo, Commit, Revert, LockRegion, UnlockRegion (5-11, not
/// implemented), Stat (12), Clone (13, not implemented).
/// </summary>
internal sealed unsafe class ManagedStream : ManagedComObject
{
    private const int STG_E_ACCESSDENIED = unchecked((int)0x80030005);

    private static readonly nint* s_vtable = CreateStreamVtable();

    private readonly byte[] _data;
    private int _position;
    private int _reads;

    internal ManagedStream(byte[] data)
        : base(s_vtable) => _data = data;

    /// <summary>Calls of Read so far.</summary>
    internal int Reads => _reads;

    /// <summary>Runs after each Read with its number (1 for the first); it must not throw.</summary>
    internal Action<int>? AfterRead { get; set; }

    protected override bool Answers(Guid iid) => iid == ImapiGuids.ISequentialStream || iid == ImapiGuids.IStream;

    private static nint* CreateStreamVtable()
    {
        var vtable = CreateVtable(14);
        vtable[3] = (nint)(delegate* unmanaged<nint, byte*, uint, uint*, int>)&Read;
        vtable[4] = (nint)(delegate* unmanaged<nint, byte*, uint, uint*, int>)&Write;
        vtable[12] = (nint)(delegate* unmanaged<nint, byte*, uint, int>)&Stat;
        return vtable;
    }

    [UnmanagedCallersOnly]
    private static int Read(nint self, byte* buffer, uint count, uint* read)
    {
        var stream = From<ManagedStream>(self);
        var n = (int)Math.Min(count, (uint)(stream._data.Length - stream._position));
        stream._data.AsSpan(stream._position, n).CopyTo(new Span<byte>(buffer, n));
        stream._position += n;
        if (read != null)
        {
            *read = (uint)n;
        }
        stream._reads++;
        stream.AfterRead?.Invoke(stream._reads);
        return n < count ? S_FALSE : S_OK;
    }

    [UnmanagedCallersOnly]
    private static int Write(nint self, byte* buffer, uint count, uint* written) => STG_E_ACCESSDENIED;

    // STATSTG (objidl.h) on 64-bit: pwcsName at 0, type at 8, cbSize at 16, 80 bytes in all.
    [UnmanagedCallersOnly]
    private static int Stat(nint self, byte* statstg, uint flags)
    {
        new Span<byte>(statstg, 80).Clear();
        *(uint*)(statstg + 8) = 2; // STGTY_STREAM
        *(ulong*)(statstg + 16) = (ulong)From<ManagedStream>(self)._data.Length;
        return S_OK;
    }
}
