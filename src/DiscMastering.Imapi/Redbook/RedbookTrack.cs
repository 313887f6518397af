namespace DiscMastering.Imapi.Redbook;

/// <summary>Where one track lies on an audio CD. Sectors count from the start of the BIN image (the disc's 00:00:00).</summary>
/// <param name="Number">1 to 99.</param>
/// <param name="FilePath">The WAV file's full path.</param>
/// <param name="Title">CD-TEXT title.</param>
/// <param name="Performer">CD-TEXT performer, or null.</param>
/// <param name="Index00Sector">Where the silence before the track starts; equal to <paramref name="Index01Sector"/> without a gap.</param>
/// <param name="Index01Sector">Where the track's first sample is.</param>
/// <param name="AudioBytes">The WAV's sample bytes.</param>
/// <param name="AudioSectors">Sectors holding the WAV's samples, the last one filled up with silence.</param>
/// <param name="PaddingSectors">Whole sectors of silence added to reach the 4-second minimum; 0 for a long enough track.</param>
public sealed record RedbookTrack(
    int Number,
    string FilePath,
    string Title,
    string? Performer,
    long Index00Sector,
    long Index01Sector,
    long AudioBytes,
    long AudioSectors,
    long PaddingSectors)
{
    /// <summary>Silence before the track: 150 sectors for track 1, the gap for the others.</summary>
    public int PregapSectors => (int)(Index01Sector - Index00Sector);

    /// <summary>The track's sectors from INDEX 01 to its end, padding included.</summary>
    public long Sectors => AudioSectors + PaddingSectors;

    /// <summary>The first sector after the track.</summary>
    public long EndSector => Index01Sector + Sectors;

    /// <summary>The track's bytes from INDEX 01 to its end, padding included.</summary>
    public long Bytes => Sectors * RedbookConstants.SectorSize;
}
