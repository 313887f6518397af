using System.Runtime.InteropServices.Marshalling;
using DiscMastering.Imapi.Interop.Windows;

namespace DiscMastering.Imapi.Recording.Imapi;

/// <summary>
/// The sink for IMAPI2's DDiscFormat2DataEvents, advised on IDiscFormat2Data's connection point for one write. IMAPI2
/// fires Update through IDispatch::Invoke (DISPID 0x200, arguments last first: progress, then the format); the progress
/// argument is read as IDiscFormat2DataEventArgs and reported as <see cref="RecordingProgress"/>: writing as blocks
/// past the start (LastWrittenLba - StartLba of SectorCount), finalization as closing, verification as verifying.
/// Nothing thrown here reaches IMAPI2: a failing progress handler is kept for the caller, <c>stop</c> is called once (the
/// writer cancels the write with it, which IMAPI2 allows from within its own event) and the event still succeeds.
/// </summary>
[GeneratedComClass]
internal sealed unsafe partial class ImapiWriteEvents(IProgress<RecordingProgress> progress, Action? stop = null) : DDiscFormat2DataEvents
{
    /// <summary>Whether an Update has arrived (so the write is reporting through events).</summary>
    public bool Updated { get; private set; }

    /// <summary>What a progress handler threw, if it did.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>No type information: IMAPI2 calls Invoke by DISPID.</summary>
    public int GetTypeInfoCount(uint* pctinfo)
    {
        if (pctinfo is not null)
        {
            *pctinfo = 0;
        }

        return ComHResults.S_OK;
    }

    /// <inheritdoc/>
    public int GetTypeInfo(uint iTInfo, uint lcid, nint* ppTInfo)
    {
        if (ppTInfo is not null)
        {
            *ppTInfo = 0;
        }

        return ComHResults.E_NOTIMPL;
    }

    /// <inheritdoc/>
    public int GetIDsOfNames(Guid* riid, nint* rgszNames, uint cNames, uint lcid, int* rgDispId) => ComHResults.DISP_E_UNKNOWNNAME;

    /// <summary>Update (DISPID 0x200) with its two VT_DISPATCH arguments; any other member is not found.</summary>
    public int Invoke(int dispIdMember, Guid* riid, uint lcid, ushort wFlags, nint pDispParams, nint pVarResult, nint pExcepInfo, uint* puArgErr)
    {
        if (dispIdMember != DDiscFormat2DataEvents.DispIdUpdate)
        {
            return ComHResults.DISP_E_MEMBERNOTFOUND;
        }

        var parameters = (DISPPARAMS*)pDispParams;
        if (parameters is null || parameters->cArgs != 2 || parameters->rgvarg is null)
        {
            return ComHResults.DISP_E_BADPARAMCOUNT;
        }

        var progressArgument = parameters->rgvarg[0];
        var senderArgument = parameters->rgvarg[1];
        return Update(
            senderArgument.vt == VARIANT.VT_DISPATCH ? senderArgument.value : 0,
            progressArgument.vt == VARIANT.VT_DISPATCH ? progressArgument.value : 0);
    }

    /// <summary>Reads the progress argument (borrowed: IMAPI2 keeps its reference) and reports it.</summary>
    public int Update(nint sender, nint progressArguments)
    {
        Updated = true;
        if (progressArguments == 0 || Failure is not null)
        {
            return ComHResults.S_OK;
        }

        if (System.Runtime.InteropServices.Marshal.QueryInterface(progressArguments, typeof(IDiscFormat2DataEventArgs).GUID, out var pointer) < 0)
        {
            return ComHResults.S_OK;
        }

        var arguments = ComObjects.Take<IDiscFormat2DataEventArgs>(pointer);
        try
        {
            int action = 0, start = 0, count = 0, written = 0;
            _ = arguments.get_CurrentAction(&action);
            _ = arguments.get_StartLba(&start);
            _ = arguments.get_SectorCount(&count);
            _ = arguments.get_LastWrittenLba(&written);
            var report = action switch
            {
                IDiscFormat2DataEventArgs.ActionWritingData => new RecordingProgress(RecordingPhase.Writing, Math.Clamp(written - start, 0, count), count, 1, 1),
                IDiscFormat2DataEventArgs.ActionFinalization or IDiscFormat2DataEventArgs.ActionCompleted => new RecordingProgress(RecordingPhase.Closing, count, count, 1, 1),
                IDiscFormat2DataEventArgs.ActionVerifying => new RecordingProgress(RecordingPhase.Verifying, 0, count, 1, 1),
                _ => new RecordingProgress(RecordingPhase.Preparing, 0, count, 0, 1),
            };
            progress.Report(report);
        }
        catch (Exception e)
        {
            Failure = e;
        }
        finally
        {
            ComObjects.Release(arguments);
        }

        if (Failure is not null)
        {
            // Otherwise the disc would be written to the end for a caller that is told it failed.
            stop?.Invoke();
        }

        return ComHResults.S_OK;
    }
}
