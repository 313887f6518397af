namespace DiscMastering.Imapi.Redbook;

/// <summary>Something the disc was made despite, such as a short track padded with silence.</summary>
/// <param name="Code">The warning's code (<see cref="DiscMasteringError.ShortTrackPadded"/>).</param>
/// <param name="Message">What happened, naming the file.</param>
public sealed record AudioWarning(DiscMasteringError Code, string Message);
