using System.Runtime.InteropServices;

namespace DiscMastering.Imapi.Tests.Interop.Windows.NativeFake;

/// <summary>
/// A COM object built by hand for native code to call: a native block holding the vtable pointer and a handle
/// to this object. Subclasses fill the vtable after IUnknown's three slots, which this class provides. It
/// counts references but frees its memory only on <see cref="Dispose"/>, so a test can still read the count
/// after the last Release.
/// </summary>
internal abstract unsafe class ManagedComObject : IDisposable
{
    protected const int S_OK = 0;
    protected const int S_FALSE = 1;
    protected const int E_NOTIMPL = unchecked((int)0x80004001);
    protected const int E_NOINTERFACE = unchecked((int)0x80004002);

    private readonly GCHandle _handle;
    private int _references = 1;

    protected ManagedComObject(nint* vtable)
    {
        _handle = GCHandle.Alloc(this);
        var block = (nint*)NativeMemory.Alloc((nuint)(2 * sizeof(nint)));
        block[0] = (nint)vtable;
        block[1] = GCHandle.ToIntPtr(_handle);
        Pointer = (nint)block;
    }

    /// <summary>The interface pointer to give native code.</summary>
    internal nint Pointer { get; private set; }

    /// <summary>References held: 1 is the creator's own.</summary>
    internal int References => Volatile.Read(ref _references);

    public void Dispose()
    {
        if (Pointer != 0)
        {
            NativeMemory.Free((void*)Pointer);
            Pointer = 0;
            _handle.Free();
        }
    }

    /// <summary>Whether QueryInterface answers this interface (IUnknown is always answered).</summary>
    protected abstract bool Answers(Guid iid);

    protected static T From<T>(nint self)
        where T : ManagedComObject => (T)GCHandle.FromIntPtr(((nint*)self)[1]).Target!;

    /// <summary>A vtable of the given number of slots, IUnknown's filled, the rest E_NOTIMPL.</summary>
    protected static nint* CreateVtable(int slots)
    {
        var vtable = (nint*)NativeMemory.Alloc((nuint)slots, (nuint)sizeof(nint));
        vtable[0] = (nint)(delegate* unmanaged<nint, Guid*, nint*, int>)&QueryInterface;
        vtable[1] = (nint)(delegate* unmanaged<nint, uint>)&AddRef;
        vtable[2] = (nint)(delegate* unmanaged<nint, uint>)&Release;
        for (var slot = 3; slot < slots; slot++)
        {
            vtable[slot] = (nint)(delegate* unmanaged<nint, int>)&NotImplemented;
        }
        return vtable;
    }

    [UnmanagedCallersOnly]
    private static int QueryInterface(nint self, Guid* iid, nint* result)
    {
        var target = From<ManagedComObject>(self);
        if (*iid == ImapiGuids.IUnknown || target.Answers(*iid))
        {
            Interlocked.Increment(ref target._references);
            *result = self;
            return S_OK;
        }
        *result = 0;
        return E_NOINTERFACE;
    }

    [UnmanagedCallersOnly]
    private static uint AddRef(nint self) => (uint)Interlocked.Increment(ref From<ManagedComObject>(self)._references);

    [UnmanagedCallersOnly]
    private static uint Release(nint self) => (uint)Interlocked.Decrement(ref From<ManagedComObject>(self)._references);

    [UnmanagedCallersOnly]
    private static int NotImplemented(nint self) => E_NOTIMPL;
}
