using DiscMastering.Imapi.Recording.Imapi;

namespace DiscMastering.Imapi.Tests.Interop.Windows.NativeFake;

/// <summary>
/// The IMAPI backend's activation seam answered by the native fake (fake_create_instance), so the backend's generated
/// COM marshalling meets the fake's real vtables. Classes named in <paramref name="unregistered"/> are asked for under
/// a class id the fake does not know, so it answers as an unregistered class would.
/// </summary>
internal sealed class NativeFakeActivator(params Guid[] unregistered) : IComActivator
{
    private static readonly Guid s_unknownClass = new("0D1E5C0A-0000-4000-8000-000000000001");

    public int CreateInstance(in Guid clsid, in Guid iid, out nint instance)
    {
        var asked = Array.IndexOf(unregistered, clsid) >= 0 ? s_unknownClass : clsid;
        return NativeFakeLibrary.CreateInstance(asked, iid, out instance);
    }
}
