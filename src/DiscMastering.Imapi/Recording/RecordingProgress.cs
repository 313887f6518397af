namespace DiscMastering.Imapi.Recording;

/// <summary>The stage a recording or erase is in; the original wrapper's notifications, one per value.</summary>
public enum RecordingPhase
{
    /// <summary>Getting the drive and media ready (the original's PreparingBurn).</summary>
    Preparing,

    /// <summary>Writing blocks (BlockProgress, TrackProgress).</summary>
    Writing,

    /// <summary>Writing the lead-out, closing the track, session or disc (ClosingDisc).</summary>
    Closing,

    /// <summary>Reading blocks back and comparing them with the image.</summary>
    Verifying,

    /// <summary>Blanking rewritable media.</summary>
    Erasing,

    /// <summary>Done (BurnComplete or EraseComplete).</summary>
    Complete,
}

/// <summary>How far a recording or erase has come.</summary>
/// <param name="Phase">The current stage.</param>
/// <param name="BlocksDone">Blocks written, read back or blanked so far.</param>
/// <param name="BlocksTotal">Blocks to do; 0 when the backend cannot tell.</param>
/// <param name="Track">The track being written (1-based), 0 outside writing.</param>
/// <param name="Tracks">Tracks to write.</param>
public readonly record struct RecordingProgress(RecordingPhase Phase, long BlocksDone, long BlocksTotal, int Track, int Tracks)
{
    /// <summary>A remark from the recorder about how it writes, such as a fallback that leaves something out; usually null.</summary>
    public string? Note { get; init; }
}
