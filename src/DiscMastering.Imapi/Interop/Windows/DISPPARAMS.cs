using System.Runtime.InteropServices;

namespace DiscMastering.Imapi.Interop.Windows;

/// <summary>IDispatch::Invoke's arguments (oaidl.h, Windows SDK): rgvarg (last argument first), named-argument DISPIDs, their counts.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct DISPPARAMS
{
    public VARIANT* rgvarg;
    public int* rgdispidNamedArgs;
    public uint cArgs;
    public uint cNamedArgs;
}
