using System.Globalization;

namespace DiscMastering.Imapi.Redbook;

/// <summary>
/// Places every track of an audio CD on its sectors: a pure function of the WAVs' lengths and the options, so the
/// disc's size, its capacity check and the cue sheet are known before a byte is written. The BIN image starts
/// with track 1's 2-second pause; each later track's gap is silence from its INDEX 00 to its INDEX 01.
/// </summary>
internal sealed class AudioDiscLayout
{
    private AudioDiscLayout(IReadOnlyList<RedbookTrack> tracks, long capacitySectors, IReadOnlyList<AudioWarning> warnings)
    {
        Tracks = tracks;
        CapacitySectors = capacitySectors;
        TotalSectors = tracks.Count == 0 ? 0 : tracks[^1].EndSector;
        Warnings = warnings;
    }

    public IReadOnlyList<RedbookTrack> Tracks { get; }

    /// <summary>Every sector of the BIN image, the lead pause included.</summary>
    public long TotalSectors { get; }

    /// <summary>The sectors the chosen media plays.</summary>
    public long CapacitySectors { get; }

    public IReadOnlyList<AudioWarning> Warnings { get; }

    /// <summary>The options' gap in sectors, or a DM4009 error for one out of range.</summary>
    public static int GapSectors(TimeSpan gap)
    {
        if (gap < TimeSpan.Zero || gap > TimeSpan.FromSeconds(RedbookConstants.MaxGapSeconds))
        {
            throw new DiscMasteringException(
                DiscMasteringError.InvalidAudioOption,
                Invariant($"the gap between tracks is {gap.TotalSeconds:0.###} seconds; give 0 to {RedbookConstants.MaxGapSeconds} seconds (--gap)."));
        }

        return (int)Math.Round(gap.TotalSeconds * RedbookConstants.SectorsPerSecond, MidpointRounding.AwayFromZero);
    }

    public static long CapacityOf(AudioMedia media) => media switch
    {
        AudioMedia.Cd74 => RedbookConstants.Cd74Sectors,
        AudioMedia.Cd80 => RedbookConstants.Cd80Sectors,
        _ => throw new DiscMasteringException(DiscMasteringError.InvalidAudioOption, $"the media '{media}' is not an audio CD; choose cd74 or cd80."),
    };

    /// <summary>Lays out <paramref name="waves"/> in order; fails with DM4005, DM4006 or DM4009 before anything is written.</summary>
    public static AudioDiscLayout Create(IReadOnlyList<WaveFile> waves, RedbookOptions options)
    {
        CheckOptions(options, waves.Count);
        var gap = GapSectors(options.Gap);
        var capacity = CapacityOf(options.Media);

        var tracks = new List<RedbookTrack>(waves.Count);
        var warnings = new List<AudioWarning>();
        var position = 0L;
        for (var i = 0; i < waves.Count; i++)
        {
            var wave = waves[i];
            var index00 = position;
            var index01 = index00 + (i == 0 ? RedbookConstants.FirstPregapSectors : gap);
            var audioSectors = (wave.DataLength + RedbookConstants.SectorSize - 1) / RedbookConstants.SectorSize;
            var padding = Math.Max(0, RedbookConstants.MinimumTrackSectors - audioSectors);
            if (padding > 0)
            {
                warnings.Add(new AudioWarning(
                    DiscMasteringError.ShortTrackPadded,
                    $"track {i + 1} '{wave.Path}' lasts {Msf.Format(audioSectors)}, less than the 4 seconds an audio CD's track must last; it was padded with silence to 00:04:00."));
            }

            var title = options.TrackTitles?[i] ?? wave.Title ?? Path.GetFileNameWithoutExtension(wave.Path);
            var performer = options.TrackPerformers?[i] ?? wave.Artist ?? options.Performer;
            var track = new RedbookTrack(i + 1, wave.Path, title, performer, index00, index01, wave.DataLength, audioSectors, padding);
            tracks.Add(track);
            position = track.EndSector;
        }

        if (position > capacity)
        {
            var name = options.Media == AudioMedia.Cd74 ? "74-minute (cd74)" : "80-minute (cd80)";
            var hint = options.Media == AudioMedia.Cd74 ? "use an 80-minute disc (--media cd80), leave tracks out or shorten the gaps" : "leave tracks out or shorten the gaps (--gap)";
            throw new DiscMasteringException(
                DiscMasteringError.AudioExceedsCapacity,
                Invariant($"the {waves.Count} tracks need {Msf.Format(position)} ({position:N0} sectors) but a {name} disc plays {Msf.Format(capacity)}: {Msf.Format(position - capacity)} too long; {hint}."));
        }

        return new AudioDiscLayout(tracks, capacity, warnings);
    }

    /// <summary>The checks that need no file: the number of tracks, the per-track lists, the gap and the media.</summary>
    public static void CheckOptions(RedbookOptions options, int tracks)
    {
        CheckTrackCount(tracks);
        CheckPerTrack(options.TrackTitles, tracks, "titles");
        CheckPerTrack(options.TrackPerformers, tracks, "performers");
        GapSectors(options.Gap);
        CapacityOf(options.Media);
    }

    private static void CheckTrackCount(int count)
    {
        if (count == 0)
        {
            throw new DiscMasteringException(DiscMasteringError.InvalidAudioOption, "no tracks were given; name at least one WAV file.");
        }

        if (count > RedbookConstants.MaxTracks)
        {
            throw new DiscMasteringException(
                DiscMasteringError.TooManyTracks,
                Invariant($"{count} tracks were given but an audio CD holds at most {RedbookConstants.MaxTracks}; split them over two discs."));
        }
    }

    private static void CheckPerTrack(IReadOnlyList<string?>? values, int tracks, string what)
    {
        if (values is not null && values.Count != tracks)
        {
            throw new DiscMasteringException(
                DiscMasteringError.InvalidAudioOption,
                Invariant($"{values.Count} track {what} were given for {tracks} tracks; give one per track, in order."));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
