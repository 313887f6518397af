using System.Runtime.InteropServices;
using DiscMastering.Imapi.Interop.Windows;
using DiscMastering.Imapi.Recording;
using DiscMastering.Imapi.Recording.Imapi;

namespace DiscMastering.Imapi.Tests.Interop.Windows;

/// <summary>The IMAPI2 write-event sink called as IMAPI2 fires it: IDispatch::Invoke through its native vtable.</summary>
public sealed unsafe class ImapiWriteEventsTests
{
    [Theory]
    [InlineData(IDiscFormat2DataEventArgs.ActionWritingData, RecordingPhase.Writing, 300)]
    [InlineData(IDiscFormat2DataEventArgs.ActionFinalization, RecordingPhase.Closing, 1000)]
    [InlineData(IDiscFormat2DataEventArgs.ActionVerifying, RecordingPhase.Verifying, 0)]
    [InlineData(2, RecordingPhase.Preparing, 0)]
    public void Update_ThroughInvoke_ReportsThePhaseAndBlocks(int action, RecordingPhase phase, long done)
    {
        var reports = new List<RecordingProgress>();
        var events = new ImapiWriteEvents(new SyncProgress(reports.Add));
        var sink = ComRoundTrip.Through<IDispatch>(events);
        var arguments = ComRoundTrip.Pointer<IDiscFormat2DataEventArgs>(new ManagedDataEventArgs(action, startLba: 100, sectorCount: 1000, lastWrittenLba: 400));
        try
        {
            // Arguments go last first: the progress, then the format that fired.
            var variants = stackalloc VARIANT[2];
            variants[0] = new VARIANT { vt = VARIANT.VT_DISPATCH, value = arguments };
            variants[1] = new VARIANT { vt = VARIANT.VT_DISPATCH, value = 0 };
            var parameters = new DISPPARAMS { rgvarg = variants, cArgs = 2 };
            var iid = Guid.Empty;

            Assert.Equal(ComHResults.S_OK, sink.Invoke(DDiscFormat2DataEvents.DispIdUpdate, &iid, 0, 1, (nint)(&parameters), 0, 0, null));
            Assert.Equal(ComHResults.DISP_E_MEMBERNOTFOUND, sink.Invoke(0x201, &iid, 0, 1, (nint)(&parameters), 0, 0, null));
            parameters.cArgs = 1;
            Assert.Equal(ComHResults.DISP_E_BADPARAMCOUNT, sink.Invoke(DDiscFormat2DataEvents.DispIdUpdate, &iid, 0, 1, (nint)(&parameters), 0, 0, null));

            var report = Assert.Single(reports);
            Assert.Equal(phase, report.Phase);
            Assert.Equal(done, report.BlocksDone);
            Assert.Equal(1000, report.BlocksTotal);
            Assert.True(events.Updated);
        }
        finally
        {
            Marshal.Release(arguments);
            ComRoundTrip.Release(sink);
        }
    }

    [Fact]
    public void FailingHandler_IsKept_AndTheEventStillSucceeds()
    {
        var events = new ImapiWriteEvents(new SyncProgress(_ => throw new InvalidOperationException("handler failed")));
        var arguments = ComRoundTrip.Pointer<IDiscFormat2DataEventArgs>(new ManagedDataEventArgs(4, 0, 10, 5));
        try
        {
            Assert.Equal(ComHResults.S_OK, events.Update(0, arguments));
            Assert.IsType<InvalidOperationException>(events.Failure);
        }
        finally
        {
            Marshal.Release(arguments);
        }
    }

    private sealed class SyncProgress(Action<RecordingProgress> report) : IProgress<RecordingProgress>
    {
        public void Report(RecordingProgress value) => report(value);
    }
}
