namespace DiscMastering.Imapi.Recording;

/// <summary>An audio CD to record: its tracks in order and the disc's CD-TEXT.</summary>
/// <param name="Tracks">1 to 99 tracks.</param>
/// <param name="Title">CD-TEXT album title, or null.</param>
/// <param name="Performer">CD-TEXT album performer, or null.</param>
public sealed record AudioDisc(IReadOnlyList<AudioTrack> Tracks, string? Title, string? Performer)
{
    /// <summary>Red Book sector size: 588 stereo samples of 16 bits (IEC 60908).</summary>
    public const int SectorSize = 2352;

    /// <summary>Sectors per second of audio.</summary>
    public const int SectorsPerSecond = 75;

    /// <summary>Every sector the disc takes, pregaps included.</summary>
    public long TotalSectors => Tracks.Sum(t => t.Sectors + t.PregapSectors);
}
