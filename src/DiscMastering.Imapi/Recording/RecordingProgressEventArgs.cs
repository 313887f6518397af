namespace DiscMastering.Imapi.Recording;

/// <summary>A progress notification raised by <see cref="DiscRecorder"/>.</summary>
public sealed class RecordingProgressEventArgs(RecordingProgress progress) : EventArgs
{
    /// <summary>Where the operation is.</summary>
    public RecordingProgress Progress { get; } = progress;
}
