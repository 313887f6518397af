using System.Runtime.InteropServices.Marshalling;
using DiscMastering.Imapi.Interop.Windows;

namespace DiscMastering.Imapi.Tests.Interop.Windows;

/// <summary>IMAPI2's write progress argument in managed code: an action and block addresses.</summary>
[GeneratedComClass]
internal sealed unsafe partial class ManagedDataEventArgs(int action, int startLba, int sectorCount, int lastWrittenLba) : IDiscFormat2DataEventArgs
{
    public int GetTypeInfoCount(uint* pctinfo) => ComHResults.E_NOTIMPL;

    public int GetTypeInfo(uint iTInfo, uint lcid, nint* ppTInfo) => ComHResults.E_NOTIMPL;

    public int GetIDsOfNames(Guid* riid, nint* rgszNames, uint cNames, uint lcid, int* rgDispId) => ComHResults.E_NOTIMPL;

    public int Invoke(int dispIdMember, Guid* riid, uint lcid, ushort wFlags, nint pDispParams, nint pVarResult, nint pExcepInfo, uint* puArgErr) => ComHResults.E_NOTIMPL;

    public int get_StartLba(int* value) => Give(value, startLba);

    public int get_SectorCount(int* value) => Give(value, sectorCount);

    public int get_LastReadLba(int* value) => Give(value, lastWrittenLba);

    public int get_LastWrittenLba(int* value) => Give(value, lastWrittenLba);

    public int get_TotalSystemBuffer(int* value) => Give(value, 0);

    public int get_UsedSystemBuffer(int* value) => Give(value, 0);

    public int get_FreeSystemBuffer(int* value) => Give(value, 0);

    public int get_ElapsedTime(int* value) => Give(value, 0);

    public int get_RemainingTime(int* value) => Give(value, 0);

    public int get_TotalTime(int* value) => Give(value, 0);

    public int get_CurrentAction(int* value) => Give(value, action);

    private static int Give(int* value, int answer)
    {
        *value = answer;
        return ComHResults.S_OK;
    }
}
