using System.Runtime.InteropServices;

namespace DiscMastering.Imapi.Tests.Interop.Windows.NativeFake;

/// <summary>
/// Calling COM objects by hand: an object starts with a pointer to its vtable, whose slots 0 to 2 are
/// IUnknown's QueryInterface, AddRef and Release.
/// </summary>
internal static unsafe class NativeCom
{
    /// <summary>The function in the given slot of the object's vtable.</summary>
    internal static nint Slot(nint instance, int index) => (*(nint**)instance)[index];

    internal static int QueryInterface(nint instance, Guid iid, out nint result)
    {
        nint found = 0;
        var hr = ((delegate* unmanaged<nint, Guid*, nint*, int>)Slot(instance, 0))(instance, &iid, &found);
        result = found;
        return hr;
    }

    internal static uint AddRef(nint instance) => ((delegate* unmanaged<nint, uint>)Slot(instance, 1))(instance);

    internal static uint Release(nint instance) => ((delegate* unmanaged<nint, uint>)Slot(instance, 2))(instance);

    /// <summary>Reads a BSTR the callee allocated and frees it, as a COM caller must.</summary>
    internal static string TakeBstr(nint bstr)
    {
        Assert.NotEqual(0, bstr);
        var text = Marshal.PtrToStringBSTR(bstr);
        Marshal.FreeBSTR(bstr);
        return text;
    }

    /// <summary>Creates an object of the fake asking for the given interface.</summary>
    internal static nint Create(Guid clsid, Guid iid)
    {
        var hr = NativeFakeLibrary.CreateInstance(clsid, iid, out var instance);
        Assert.Equal(0, hr);
        Assert.NotEqual(0, instance);
        return instance;
    }
}
