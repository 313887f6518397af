namespace DiscMastering.Imapi.Redbook;

/// <summary>A single-BIN cue sheet as read back: the disc's CD-TEXT and every track's indexes.</summary>
/// <param name="CuePath">The cue sheet's full path.</param>
/// <param name="BinPath">The BIN image its FILE line names, beside it.</param>
/// <param name="BinBytes">The BIN image's size.</param>
/// <param name="Title">CD-TEXT album title, or null.</param>
/// <param name="Performer">CD-TEXT album performer, or null.</param>
/// <param name="Tracks">The tracks in order.</param>
public sealed record CueSheet(string CuePath, string BinPath, long BinBytes, string? Title, string? Performer, IReadOnlyList<CueTrack> Tracks)
{
    /// <summary>The BIN image's whole sectors of 2352 bytes.</summary>
    public long BinSectors => BinBytes / RedbookConstants.SectorSize;

    /// <summary>
    /// Reads <paramref name="path"/>; a sheet that is too large, has an unknown keyword, a track number outside
    /// 1-99 or out of order, or an address past its BIN's end is a <see cref="DiscMasteringError.InvalidCueSheet"/>.
    /// </summary>
    public static CueSheet Read(string path) => CueSheetReader.Read(path);

    /// <summary>True when <paramref name="path"/> ends in .cue or starts like a cue sheet (REM, TITLE, PERFORMER, FILE...).</summary>
    public static bool LooksLikeCueSheet(string path) => CueSheetReader.LooksLikeCueSheet(path);
}
