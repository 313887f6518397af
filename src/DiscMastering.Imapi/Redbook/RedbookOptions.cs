namespace DiscMastering.Imapi.Redbook;

/// <summary>How an audio CD is laid out and what CD-TEXT it carries.</summary>
public sealed record RedbookOptions
{
    /// <summary>Silence between tracks (INDEX 00 to INDEX 01), 0 to 60 seconds, rounded to a sector (1/75 s). Track 1's is always 2 seconds.</summary>
    public TimeSpan Gap { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The playing time the tracks must fit; checked before anything is written.</summary>
    public AudioMedia Media { get; init; } = AudioMedia.Cd80;

    /// <summary>CD-TEXT album title, or null.</summary>
    public string? Title { get; init; }

    /// <summary>CD-TEXT album performer, or null; also the performer of tracks whose WAV names none.</summary>
    public string? Performer { get; init; }

    /// <summary>One title per track, or null for each WAV's INFO title (INAM), else its file name without extension.</summary>
    public IReadOnlyList<string?>? TrackTitles { get; init; }

    /// <summary>One performer per track, or null for each WAV's INFO artist (IART), else <see cref="Performer"/>.</summary>
    public IReadOnlyList<string?>? TrackPerformers { get; init; }
}
