using System.Runtime.InteropServices.Marshalling;
using DiscMastering.Imapi.Interop.Windows;

namespace DiscMastering.Imapi.Recording.Imapi;

/// <summary>
/// IMAPI v1's progress callbacks (IDiscMasterProgressEvents), advised once per backend. Between <see cref="Begin"/> and
/// <see cref="End"/> it forwards progress to one operation and answers QueryCancel from its token; NotifyPnPActivity
/// raises <see cref="RecordersChanged"/>. IMAPI calls it on its own threads, and nothing thrown here reaches IMAPI: a
/// failing progress handler is kept, cancels the operation, and is rethrown by the caller after IMAPI returns.
/// </summary>
[GeneratedComClass]
internal sealed unsafe partial class ImapiProgressSink : IDiscMasterProgressEvents
{
    private volatile Operation? _operation;

    /// <summary>Raised when IMAPI reports a recorder arriving or leaving.</summary>
    public event EventHandler? RecordersChanged;

    /// <summary>Starts forwarding to <paramref name="progress"/>, cancelling when <paramref name="cancellationToken"/> is.</summary>
    public void Begin(IProgress<RecordingProgress> progress, CancellationToken cancellationToken) =>
        _operation = new Operation(progress, cancellationToken);

    /// <summary>Stops forwarding and rethrows what a progress handler threw, if it did.</summary>
    public void End()
    {
        var operation = _operation;
        _operation = null;
        if (operation?.Failure is { } failure)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
    }

    /// <summary>The status NotifyBurnComplete or NotifyEraseComplete gave, if either came.</summary>
    public int? CompletionStatus => _operation?.CompletionStatus;

    /// <inheritdoc/>
    public int QueryCancel(byte* pbCancel)
    {
        if (pbCancel is null)
        {
            return ComHResults.E_POINTER;
        }

        var operation = _operation;
        *pbCancel = operation is not null && (operation.Token.IsCancellationRequested || operation.Failure is not null) ? (byte)1 : (byte)0;
        return ComHResults.S_OK;
    }

    /// <inheritdoc/>
    public int NotifyPnPActivity()
    {
        try
        {
            RecordersChanged?.Invoke(this, EventArgs.Empty);
        }
        catch
        {
            // A subscriber's failure must not reach IMAPI's thread; the next scan still finds the change.
        }

        return ComHResults.S_OK;
    }

    /// <inheritdoc/>
    public int NotifyAddProgress(int nCompletedSteps, int nTotalSteps) =>
        Report(o => new RecordingProgress(RecordingPhase.Preparing, nCompletedSteps, nTotalSteps, 0, o.Tracks));

    /// <inheritdoc/>
    public int NotifyBlockProgress(int nCompleted, int nTotal) =>
        Report(o => new RecordingProgress(RecordingPhase.Writing, nCompleted, nTotal, Math.Max(o.Track, 1), Math.Max(o.Tracks, 1)));

    /// <inheritdoc/>
    public int NotifyTrackProgress(int nCurrentTrack, int nTotalTracks) => Report(o =>
    {
        o.Track = nCurrentTrack;
        o.Tracks = nTotalTracks;
        return new RecordingProgress(RecordingPhase.Writing, 0, 0, nCurrentTrack, nTotalTracks);
    });

    /// <inheritdoc/>
    public int NotifyPreparingBurn(int nEstimatedSeconds) =>
        Report(o => new RecordingProgress(RecordingPhase.Preparing, 0, 0, 0, o.Tracks));

    /// <inheritdoc/>
    public int NotifyClosingDisc(int nEstimatedSeconds) =>
        Report(o => new RecordingProgress(RecordingPhase.Closing, 0, 0, o.Track, o.Tracks));

    /// <inheritdoc/>
    public int NotifyBurnComplete(int status) => Complete(status);

    /// <inheritdoc/>
    public int NotifyEraseComplete(int status) => Complete(status);

    private int Complete(int status)
    {
        if (_operation is { } operation)
        {
            operation.CompletionStatus = status;
        }

        return ComHResults.S_OK;
    }

    private int Report(Func<Operation, RecordingProgress> make)
    {
        var operation = _operation;
        if (operation is null || operation.Failure is not null)
        {
            return ComHResults.S_OK;
        }

        try
        {
            operation.Progress.Report(make(operation));
        }
        catch (Exception e)
        {
            operation.Failure = e;
        }

        return ComHResults.S_OK;
    }

    private sealed class Operation(IProgress<RecordingProgress> progress, CancellationToken token)
    {
        public IProgress<RecordingProgress> Progress { get; } = progress;

        public CancellationToken Token { get; } = token;

        public int Track { get; set; }

        public int Tracks { get; set; }

        public int? CompletionStatus { get; set; }

        public Exception? Failure { get; set; }
    }
}
