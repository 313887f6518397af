using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace DiscMastering.Imapi.Interop.Windows;

/// <summary>
/// Turns raw COM pointers into generated-interface objects and back, each wrapper unique to its owner, so that
/// releasing one (<see cref="Release"/>) never pulls an object from under another owner.
/// </summary>
internal static class ComObjects
{
    private static readonly StrategyBasedComWrappers s_wrappers = new();

    /// <summary>Wraps <paramref name="pointer"/> in a wrapper of its own and gives up the caller's reference (the wrapper holds one).</summary>
    public static T Take<T>(nint pointer)
        where T : class
    {
        if (pointer == 0)
        {
            throw new ArgumentNullException(nameof(pointer));
        }

        try
        {
            return (T)s_wrappers.GetOrCreateObjectForComInstance(pointer, CreateObjectFlags.UniqueInstance);
        }
        finally
        {
            Marshal.Release(pointer);
        }
    }

    /// <summary>A new reference to <paramref name="managed"/>'s COM interface <paramref name="iid"/>; the caller releases it.</summary>
    public static nint PointerFor(object managed, in Guid iid)
    {
        var unknown = s_wrappers.GetOrCreateComInterfaceForObject(managed, CreateComInterfaceFlags.None);
        try
        {
            var hr = Marshal.QueryInterface(unknown, in iid, out var pointer);
            Marshal.ThrowExceptionForHR(hr);
            return pointer;
        }
        finally
        {
            Marshal.Release(unknown);
        }
    }

    /// <summary>Releases a wrapper made by <see cref="Take{T}"/> now, not when the GC gets to it. Null and twice are harmless.</summary>
    public static void Release(object? wrapper)
    {
        if (wrapper is ComObject comObject)
        {
            comObject.FinalRelease();
        }
    }
}
