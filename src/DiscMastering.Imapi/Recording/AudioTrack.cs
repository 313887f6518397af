namespace DiscMastering.Imapi.Recording;

/// <summary>One audio track as a recorder takes it: Red Book sectors of 2352 bytes (588 stereo 16-bit little-endian samples).</summary>
/// <param name="Samples">The track's sectors, from the first sample of its INDEX 01 to its last (padded) sector; read to its end.</param>
/// <param name="Sectors">How many 2352-byte sectors <paramref name="Samples"/> holds.</param>
/// <param name="PregapSectors">Silence before the track (INDEX 00 to INDEX 01): 150 (2 seconds) for track 1, the gap for the others.</param>
/// <param name="Title">CD-TEXT title, or null.</param>
/// <param name="Performer">CD-TEXT performer, or null.</param>
public sealed record AudioTrack(Stream Samples, long Sectors, int PregapSectors, string? Title, string? Performer);
