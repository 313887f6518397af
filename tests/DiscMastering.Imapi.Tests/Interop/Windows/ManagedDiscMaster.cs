using System.Runtime.InteropServices.Marshalling;
using DiscMastering.Imapi.Interop.Windows;

namespace DiscMastering.Imapi.Tests.Interop.Windows;

/// <summary>An IMAPI v1 disc master in managed code: its recorders, what Open answers, and a log of session calls.</summary>
[GeneratedComClass]
internal sealed unsafe partial class ManagedDiscMaster(params ManagedDiscRecorder[] recorders) : IDiscMaster
{
    public List<string> Calls { get; } = [];

    public int OpenResult { get; set; }

    /// <summary>The sink the backend advised, as IMAPI sees it: a proxy over its native vtable.</summary>
    public IDiscMasterProgressEvents? Sink { get; private set; }

    public int Open()
    {
        Calls.Add("Open");
        return OpenResult;
    }

    public int EnumDiscMasterFormats(nint* ppEnum) => ComHResults.E_NOTIMPL;

    public int GetActiveDiscMasterFormat(Guid* lpiid) => ComHResults.E_NOTIMPL;

    public int SetActiveDiscMasterFormat(Guid* riid, nint* ppUnk) => ComHResults.E_NOTIMPL;

    public int EnumDiscRecorders(nint* ppEnum)
    {
        *ppEnum = ComRoundTrip.Pointer<IEnumDiscRecorders>(new ManagedEnumDiscRecorders(recorders));
        return ComHResults.S_OK;
    }

    public int GetActiveDiscRecorder(nint* ppRecorder) => ComHResults.E_NOTIMPL;

    public int SetActiveDiscRecorder(IDiscRecorder pRecorder) => ComHResults.E_NOTIMPL;

    public int ClearFormatContent() => ComHResults.S_OK;

    public int ProgressAdvise(IDiscMasterProgressEvents pEvents, nuint* pvCookie)
    {
        Calls.Add("ProgressAdvise");
        Sink = pEvents;
        *pvCookie = 42;
        return ComHResults.S_OK;
    }

    public int ProgressUnadvise(nuint vCookie)
    {
        Calls.Add($"ProgressUnadvise({vCookie})");
        Sink = null;
        return ComHResults.S_OK;
    }

    public int RecordDisc(byte bSimulate, byte bEjectAfterBurn) => ComHResults.E_NOTIMPL;

    public int Close()
    {
        Calls.Add("Close");
        return ComHResults.S_OK;
    }
}
