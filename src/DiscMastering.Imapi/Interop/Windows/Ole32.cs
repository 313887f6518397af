using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace DiscMastering.Imapi.Interop.Windows;

/// <summary>The ole32 functions this library calls (combaseapi.h, propidl.h, Windows SDK); Windows only.</summary>
[SupportedOSPlatform("windows")]
internal static unsafe partial class Ole32
{
    /// <summary>CLSCTX_INPROC_SERVER (1) | CLSCTX_LOCAL_SERVER (4), wtypesbase.h: IMAPI v1 runs in a local server, IMAPI2 in process.</summary>
    public const uint ClsctxInprocOrLocalServer = 0x1 | 0x4;

    [LibraryImport("ole32.dll")]
    public static partial int CoCreateInstance(in Guid rclsid, nint pUnkOuter, uint dwClsContext, in Guid riid, out nint ppv);

    [LibraryImport("ole32.dll")]
    public static partial int PropVariantClear(PROPVARIANT* pvar);
}
