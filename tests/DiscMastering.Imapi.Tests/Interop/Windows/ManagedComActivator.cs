using DiscMastering.Imapi.Interop.Windows;
using DiscMastering.Imapi.Recording.Imapi;

namespace DiscMastering.Imapi.Tests.Interop.Windows;

/// <summary>The backend's activation seam answered by managed COM objects behind their native vtables; unknown classes are not registered.</summary>
internal sealed class ManagedComActivator(Func<Guid, object?> create) : IComActivator
{
    public List<Guid> Created { get; } = [];

    public int CreateInstance(in Guid clsid, in Guid iid, out nint instance)
    {
        instance = 0;
        var managed = create(clsid);
        if (managed is null)
        {
            return ComHResults.REGDB_E_CLASSNOTREG;
        }

        Created.Add(clsid);
        return ComRoundTrip.TryPointer(managed, iid, out instance);
    }
}
