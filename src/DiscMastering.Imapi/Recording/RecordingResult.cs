namespace DiscMastering.Imapi.Recording;

/// <summary>What a recording did.</summary>
/// <param name="StartBlock">The block where the track begins on the media (its next writable address before the write).</param>
/// <param name="Blocks">Blocks written.</param>
/// <param name="Simulated">True when the laser stayed off and nothing reached the media.</param>
/// <param name="Elapsed">How long it took.</param>
public sealed record RecordingResult(long StartBlock, long Blocks, bool Simulated, TimeSpan Elapsed)
{
    /// <summary>What the recorder remarked on while writing (<see cref="RecordingProgress.Note"/>), such as CD-TEXT left out; empty when nothing.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
