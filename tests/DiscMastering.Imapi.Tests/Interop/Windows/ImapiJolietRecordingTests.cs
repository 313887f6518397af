using DiscMastering.Imapi.Recording;
using DiscMastering.Imapi.Recording.Imapi;

namespace DiscMastering.Imapi.Tests.Interop.Windows;

/// <summary>
/// IMAPI v1's Joliet path over managed COM objects: a folder is staged through <c>FolderStorage</c>, recorded with
/// RecordDisc, progress arrives through the sink, and QueryCancel answers from the token.
/// </summary>
public sealed class ImapiJolietRecordingTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly ManagedDiscRecorder _recorder = new("HL-DT-ST", "DVDRAM GH24NSD1", "LG00", @"\Device\CdRom0");
    private readonly ManagedDiscMaster _master;

    public ImapiJolietRecordingTests()
    {
        _master = new ManagedDiscMaster(_recorder);
        _temp.WriteFile("content/setup.exe", "MZ");
        _temp.WriteFile("content/docs/readme.txt", "read me");
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void RecordFolder_StagesRecordsReportsAndClears()
    {
        using var backend = ImapiBackend.Open(new ManagedComActivator(_ => _master));
        using var device = (ImapiDevice)backend.Open(@"\Device\CdRom0");
        var progress = new ListProgress();

        device.RecordFolder(_temp.Combine("content"), new RecordOptions { Eject = true }, progress, CancellationToken.None);

        Assert.Equal(["docs", "setup.exe"], _master.Joliet.Staged);
        Assert.Equal(
            ["Open", "ProgressAdvise", "SetActiveDiscMasterFormat", "SetActiveDiscRecorder", "RecordDisc(0,1)", "ClearFormatContent"],
            _master.Calls);
        Assert.Equal(["OpenExclusive", "Close", "OpenExclusive"], _recorder.Calls);
        Assert.Equal(
            [
                new RecordingProgress(RecordingPhase.Preparing, 0, 0, 0, 0),
                new RecordingProgress(RecordingPhase.Writing, 0, 0, 1, 1),
                new RecordingProgress(RecordingPhase.Writing, 50, 100, 1, 1),
                new RecordingProgress(RecordingPhase.Writing, 100, 100, 1, 1),
                new RecordingProgress(RecordingPhase.Closing, 0, 0, 1, 1),
            ],
            progress.Reports);
    }

    [Fact]
    public void RecordFolder_Cancelled_StopsThroughQueryCancel_AndStillClears()
    {
        using var backend = ImapiBackend.Open(new ManagedComActivator(_ => _master));
        using var device = (ImapiDevice)backend.Open(@"\Device\CdRom0");
        using var cancellation = new CancellationTokenSource();
        var progress = new ListProgress(p =>
        {
            if (p.BlocksDone == 50)
            {
                cancellation.Cancel();
            }
        });

        Assert.ThrowsAny<OperationCanceledException>(() =>
            device.RecordFolder(_temp.Combine("content"), new RecordOptions(), progress, cancellation.Token));

        Assert.DoesNotContain(progress.Reports, p => p.BlocksDone == 100);
        Assert.Equal("ClearFormatContent", _master.Calls[^1]);
        Assert.Equal(["OpenExclusive", "Close", "OpenExclusive"], _recorder.Calls);
    }
}
