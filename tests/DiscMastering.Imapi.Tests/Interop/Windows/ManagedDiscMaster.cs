using System.Runtime.InteropServices.Marshalling;
using DiscMastering.Imapi.Interop.Windows;

namespace DiscMastering.Imapi.Tests.Interop.Windows;

/// <summary>An IMAPI v1 disc master in managed code: its recorders, what Open answers, and a log of session calls.</summary>
[GeneratedComClass]
internal sealed unsafe partial class ManagedDiscMaster(params ManagedDiscRecorder[] recorders) : IDiscMaster
{
    public List<string> Calls { get; } = [];

    public int OpenResult { get; set; }

    public ManagedJolietDiscMaster Joliet { get; } = new();

    /// <summary>The sink the backend advised, as IMAPI sees it: a proxy over its native vtable.</summary>
    public IDiscMasterProgressEvents? Sink { get; private set; }

    public int Open()
    {
        Calls.Add("Open");
        return OpenResult;
    }

    public int EnumDiscMasterFormats(nint* ppEnum) => ComHResults.E_NOTIMPL;

    public int GetActiveDiscMasterFormat(Guid* lpiid) => ComHResults.E_NOTIMPL;

    public int SetActiveDiscMasterFormat(Guid* riid, nint* ppUnk)
    {
        Calls.Add("SetActiveDiscMasterFormat");
        return ComRoundTrip.TryPointer(Joliet, *riid, out *ppUnk);
    }

    public int EnumDiscRecorders(nint* ppEnum)
    {
        *ppEnum = ComRoundTrip.Pointer<IEnumDiscRecorders>(new ManagedEnumDiscRecorders(recorders));
        return ComHResults.S_OK;
    }

    public int GetActiveDiscRecorder(nint* ppRecorder) => ComHResults.E_NOTIMPL;

    public int SetActiveDiscRecorder(IDiscRecorder pRecorder)
    {
        Calls.Add("SetActiveDiscRecorder");
        return ComHResults.S_OK;
    }

    public int ClearFormatContent()
    {
        Calls.Add("ClearFormatContent");
        return ComHResults.S_OK;
    }

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

    /// <summary>Burns as IMAPI reports it: preparing, one track, block progress with a cancel check per step, closing, complete.</summary>
    public int RecordDisc(byte bSimulate, byte bEjectAfterBurn)
    {
        Calls.Add($"RecordDisc({bSimulate},{bEjectAfterBurn})");
        var sink = Sink!;
        sink.NotifyPreparingBurn(5);
        sink.NotifyTrackProgress(1, 1);
        for (var block = 50; block <= 100; block += 50)
        {
            sink.NotifyBlockProgress(block, 100);
            byte cancel;
            sink.QueryCancel(&cancel);
            if (cancel != 0)
            {
                return unchecked((int)0x8004020D);
            }
        }

        sink.NotifyClosingDisc(10);
        sink.NotifyBurnComplete(ComHResults.S_OK);
        return ComHResults.S_OK;
    }

    public int Close()
    {
        Calls.Add("Close");
        return ComHResults.S_OK;
    }
}
