namespace DiscMastering.Imapi.Recording;

/// <summary>A recorder taken for exclusive use. Disposing it releases the drive, whatever happened before; twice is safe.</summary>
public interface IRecorderDevice : IDisposable
{
    /// <summary>Who the recorder is.</summary>
    RecorderIdentity Identity { get; }

    /// <summary>The recorder's properties as the backend knows them, each with a stable id.</summary>
    IReadOnlyList<RecorderProperty> GetProperties();

    /// <summary>What is in the drive now.</summary>
    MediaDetails GetMediaDetails();

    /// <summary>
    /// Writes <paramref name="image"/> as one data track of <paramref name="blocks"/> blocks at the media's next writable
    /// address, reading the stream from its current position; a last partial block is padded with zeros. Reports
    /// progress as it goes; cancelling stops the drive and throws <see cref="OperationCanceledException"/>.
    /// </summary>
    void WriteData(Stream image, long blocks, RecordOptions options, IProgress<RecordingProgress> progress, CancellationToken cancellationToken);

    /// <summary>
    /// Writes <paramref name="disc"/> as an audio CD in one session: each track's pregap of silence, then its samples
    /// read from the stream's current position (a short stream is padded with silence), with the disc's and tracks'
    /// CD-TEXT where the recorder can write it. Reports progress per track (<see cref="RecordingProgress.Track"/>),
    /// counting the tracks' sectors without pregaps; a way of writing that drops something asked for (CD-TEXT, the
    /// gaps) is said in a progress report's <see cref="RecordingProgress.Note"/>. Cancelling stops the drive and throws
    /// <see cref="OperationCanceledException"/>. Media that cannot take audio fails with <see cref="DiscMasteringError.AudioNeedsCd"/>.
    /// </summary>
    void WriteAudio(AudioDisc disc, RecordOptions options, IProgress<RecordingProgress> progress, CancellationToken cancellationToken);

    /// <summary>Blanks rewritable media: fast (the table of contents) or full (every block).</summary>
    void Erase(bool full, IProgress<RecordingProgress> progress, CancellationToken cancellationToken);

    /// <summary>Reads whole blocks starting at <paramref name="block"/> into <paramref name="destination"/>; returns the bytes read.</summary>
    int ReadBlocks(long block, Span<byte> destination);

    /// <summary>Opens the tray when the drive is released.</summary>
    void EjectOnRelease();
}
