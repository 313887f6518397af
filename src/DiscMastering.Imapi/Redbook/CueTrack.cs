namespace DiscMastering.Imapi.Redbook;

/// <summary>One track read from a cue sheet. Sectors count from the start of its BIN image.</summary>
/// <param name="Number">1 to 99.</param>
/// <param name="Type">The track's mode as written: AUDIO, MODE1/2352 or MODE2/2352.</param>
/// <param name="Title">CD-TEXT title, or null.</param>
/// <param name="Performer">CD-TEXT performer, or null.</param>
/// <param name="Index00Sector">Where the gap before the track starts, or null without one.</param>
/// <param name="Index01Sector">Where the track starts.</param>
/// <param name="Sectors">From INDEX 01 to the next track's first index, or to the end of the BIN.</param>
public sealed record CueTrack(int Number, string Type, string? Title, string? Performer, long? Index00Sector, long Index01Sector, long Sectors);
