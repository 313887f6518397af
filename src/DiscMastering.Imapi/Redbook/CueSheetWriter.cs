using System.Globalization;
using System.Text;

namespace DiscMastering.Imapi.Redbook;

/// <summary>
/// Writes the cue sheet of a single-BIN audio CD in the CDRWIN syntax (Golden Hawk Technology, CDRWIN user's
/// guide, "Cue sheet syntax"), which cdrdao, libcdio and burning programs read: disc CD-TEXT, one FILE ... BINARY,
/// then per track its CD-TEXT and INDEX 00 (where a gap starts) and INDEX 01 (where the samples start), as mm:ss:ff
/// from the start of the BIN. Track 1's 2-second pause is in the BIN, so it is INDEX 00 00:00:00, never PREGAP.
/// </summary>
internal static class CueSheetWriter
{
    public static string Write(string binName, string? title, string? performer, IReadOnlyList<RedbookTrack> tracks)
    {
        var cue = new StringBuilder();
        Field(cue, "", "TITLE", title);
        Field(cue, "", "PERFORMER", performer);
        cue.Append("FILE \"").Append(binName).Append("\" BINARY\n");
        foreach (var track in tracks)
        {
            cue.Append(CultureInfo.InvariantCulture, $"  TRACK {track.Number:00} AUDIO\n");
            Field(cue, "    ", "TITLE", track.Title);
            Field(cue, "    ", "PERFORMER", track.Performer);
            if (track.PregapSectors > 0)
            {
                cue.Append("    INDEX 00 ").Append(Msf.Format(track.Index00Sector)).Append('\n');
            }

            cue.Append("    INDEX 01 ").Append(Msf.Format(track.Index01Sector)).Append('\n');
        }

        return cue.ToString();
    }

    /// <summary>
    /// A cue string has no escape: a double quote would end it early, so it becomes an apostrophe, and a line
    /// break or other control character would end the line, so it becomes a space.
    /// </summary>
    public static string Quote(string text)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            quoted.Append(c == '"' ? '\'' : char.IsControl(c) ? ' ' : c);
        }

        return quoted.Append('"').ToString();
    }

    private static void Field(StringBuilder cue, string indent, string keyword, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            cue.Append(indent).Append(keyword).Append(' ').Append(Quote(value)).Append('\n');
        }
    }
}
