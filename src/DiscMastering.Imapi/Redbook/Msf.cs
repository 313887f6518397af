using System.Globalization;

namespace DiscMastering.Imapi.Redbook;

/// <summary>
/// Minutes, seconds and frames (mm:ss:ff, 75 frames a second): how cue sheets and players give an audio CD's
/// addresses and lengths.
/// </summary>
public static class Msf
{
    /// <summary>Formats a sector count as mm:ss:ff; minutes grow past 99 rather than wrap.</summary>
    public static string Format(long sectors)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sectors);
        var frames = sectors % RedbookConstants.SectorsPerSecond;
        var seconds = sectors / RedbookConstants.SectorsPerSecond % 60;
        var minutes = sectors / RedbookConstants.SectorsPerSecond / 60;
        return string.Create(CultureInfo.InvariantCulture, $"{minutes:00}:{seconds:00}:{frames:00}");
    }

    /// <summary>Parses mm:ss:ff (seconds below 60, frames below 75) into a sector count.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out long sectors)
    {
        sectors = 0;
        Span<Range> parts = stackalloc Range[4];
        if (text.Split(parts, ':') != 3)
        {
            return false;
        }

        if (!TryParseField(text[parts[0]], 3, out var minutes)
            || !TryParseField(text[parts[1]], 2, out var seconds) || seconds >= 60
            || !TryParseField(text[parts[2]], 2, out var frames) || frames >= RedbookConstants.SectorsPerSecond)
        {
            return false;
        }

        sectors = ((minutes * 60L) + seconds) * RedbookConstants.SectorsPerSecond + frames;
        return true;
    }

    private static bool TryParseField(ReadOnlySpan<char> field, int maxDigits, out int value)
    {
        value = 0;
        return field.Length >= 1 && field.Length <= maxDigits
            && int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
