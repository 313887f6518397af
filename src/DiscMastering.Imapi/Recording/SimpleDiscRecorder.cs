namespace DiscMastering.Imapi.Recording;

/// <summary>
/// The shell's simple CD burner, as the original wrapper's <c>SimpleDiscRecorder</c> showed it: whether Windows has a
/// recorder it burns to from Explorer, its drive letter, and the staging area whose files Explorer would burn.
/// </summary>
/// <param name="HasRecordableDrive">Whether the shell has a recordable drive.</param>
/// <param name="DriveLetter">The drive the shell burns to (such as <c>E:\</c>), or null.</param>
/// <param name="StagingArea">The folder the shell stages files in before burning, or null where unknown.</param>
public sealed record SimpleDiscRecorder(bool HasRecordableDrive, string? DriveLetter, string? StagingArea);
