using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using DiscMastering.Imapi.Interop.Windows;

namespace DiscMastering.Imapi.Recording.Imapi;

/// <summary>Creates COM objects with ole32's CoCreateInstance, in process or in a local server (IMAPI v1 is a service).</summary>
[SupportedOSPlatform("windows")]
internal sealed partial class Ole32ComActivator : IComActivator
{
    /// <summary>CO_E_NOTINITIALIZED (winerror.h): this thread has not joined COM yet.</summary>
    private const int CoENotInitialized = unchecked((int)0x800401F0);

    /// <summary>COINIT_MULTITHREADED (objbase.h).</summary>
    private const uint CoinitMultithreaded = 0;

    /// <inheritdoc/>
    public int CreateInstance(in Guid clsid, in Guid iid, out nint instance)
    {
        var hr = Ole32.CoCreateInstance(clsid, 0, Ole32.ClsctxInprocOrLocalServer, iid, out instance);
        if (hr == CoENotInitialized)
        {
            // A thread the runtime has not initialised for COM joins the multithreaded apartment, as .NET threads do by default.
            _ = CoInitializeEx(0, CoinitMultithreaded);
            hr = Ole32.CoCreateInstance(clsid, 0, Ole32.ClsctxInprocOrLocalServer, iid, out instance);
        }

        return hr;
    }

    [LibraryImport("ole32.dll")]
    private static partial int CoInitializeEx(nint pvReserved, uint dwCoInit);
}
