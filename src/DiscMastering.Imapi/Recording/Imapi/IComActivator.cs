namespace DiscMastering.Imapi.Recording.Imapi;

/// <summary>
/// The one way the IMAPI backend creates COM objects, shaped like CoCreateInstance: ole32 on Windows, a native
/// double in tests.
/// </summary>
internal interface IComActivator
{
    /// <summary>
    /// Creates an instance of class <paramref name="clsid"/> and returns its interface <paramref name="iid"/> in
    /// <paramref name="instance"/>, a reference the caller owns; the HRESULT says whether it worked.
    /// </summary>
    int CreateInstance(in Guid clsid, in Guid iid, out nint instance);
}
