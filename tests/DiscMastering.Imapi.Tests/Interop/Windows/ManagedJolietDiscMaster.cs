using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;
using DiscMastering.Imapi.Interop.Windows;

namespace DiscMastering.Imapi.Tests.Interop.Windows;

/// <summary>IMAPI v1's Joliet format in managed code: AddData walks the storage it is given, as IMAPI stages it.</summary>
[GeneratedComClass]
internal sealed unsafe partial class ManagedJolietDiscMaster : IJolietDiscMaster
{
    /// <summary>The top-level names AddData found.</summary>
    public List<string> Staged { get; } = [];

    public int GetTotalDataBlocks(int* pnBlocks) => ComHResults.E_NOTIMPL;

    public int GetUsedDataBlocks(int* pnBlocks) => ComHResults.E_NOTIMPL;

    public int GetDataBlockSize(int* pnBlockBytes) => ComHResults.E_NOTIMPL;

    public int AddData(IStorage pStorage, int lFileOverwrite)
    {
        nint pointer;
        var hr = pStorage.EnumElements(0, 0, 0, &pointer);
        if (hr < 0)
        {
            return hr;
        }

        var enumerator = ComRoundTrip.Wrap<IEnumSTATSTG>(pointer);
        try
        {
            STATSTG stat;
            uint fetched;
            while (enumerator.Next(1, &stat, &fetched) == ComHResults.S_OK)
            {
                Staged.Add(Marshal.PtrToStringUni(stat.pwcsName)!);
                Marshal.FreeCoTaskMem(stat.pwcsName);
            }
        }
        finally
        {
            ComRoundTrip.Release(enumerator);
        }

        return ComHResults.S_OK;
    }

    public int GetJolietProperties(nint* ppPropStg) => ComHResults.E_NOTIMPL;

    public int SetJolietProperties(nint pPropStg) => ComHResults.E_NOTIMPL;
}
