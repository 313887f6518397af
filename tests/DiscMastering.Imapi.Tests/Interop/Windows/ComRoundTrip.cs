using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace DiscMastering.Imapi.Tests.Interop.Windows;

/// <summary>
/// Puts a managed COM object behind its native vtable and wraps that pointer again, so that calls through the returned
/// interface leave .NET, go through the generated vtable and come back: what IMAPI would see.
/// </summary>
internal static class ComRoundTrip
{
    private static readonly StrategyBasedComWrappers s_wrappers = new();

    /// <summary>A raw pointer to <paramref name="managed"/>'s interface <typeparamref name="T"/>; the caller releases it.</summary>
    public static nint Pointer<T>(object managed) => Pointer(managed, typeof(T).GUID);

    /// <summary>A raw pointer to <paramref name="managed"/>'s interface <paramref name="iid"/>, or the QueryInterface failure; the caller releases it.</summary>
    public static int TryPointer(object managed, in Guid iid, out nint pointer)
    {
        var unknown = s_wrappers.GetOrCreateComInterfaceForObject(managed, CreateComInterfaceFlags.None);
        try
        {
            return Marshal.QueryInterface(unknown, in iid, out pointer);
        }
        finally
        {
            Marshal.Release(unknown);
        }
    }

    /// <summary>A raw pointer to <paramref name="managed"/>'s interface <paramref name="iid"/>; the caller releases it.</summary>
    public static nint Pointer(object managed, in Guid iid)
    {
        Marshal.ThrowExceptionForHR(TryPointer(managed, iid, out var pointer));
        return pointer;
    }

    /// <summary><paramref name="managed"/> seen through its native vtable as <typeparamref name="T"/>.</summary>
    public static T Through<T>(object managed)
        where T : class => Wrap<T>(Pointer<T>(managed));

    /// <summary>Wraps a raw pointer (taking over its reference) in a wrapper of its own.</summary>
    public static T Wrap<T>(nint pointer)
        where T : class
    {
        try
        {
            var wrapper = s_wrappers.GetOrCreateObjectForComInstance(pointer, CreateObjectFlags.UniqueInstance);
            // A proxy over the native vtable, never the managed object itself.
            Assert.IsType<ComObject>(wrapper);
            return (T)wrapper;
        }
        finally
        {
            Marshal.Release(pointer);
        }
    }

    /// <summary>Releases a wrapper now.</summary>
    public static void Release(object wrapper) => ((ComObject)wrapper).FinalRelease();
}
