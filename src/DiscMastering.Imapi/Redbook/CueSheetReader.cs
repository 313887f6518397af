using System.Globalization;
using System.Text;

namespace DiscMastering.Imapi.Redbook;

/// <summary>
/// Reads a single-BIN cue sheet in the CDRWIN syntax (Golden Hawk Technology, CDRWIN user's guide). The sheet is
/// untrusted: its size, its lines, its track numbers and its addresses are bounded, and anything else is DM4007.
/// </summary>
internal static class CueSheetReader
{
    private static readonly string[] s_ignored = ["REM", "CATALOG", "SONGWRITER", "ISRC", "FLAGS", "CDTEXTFILE", "PREGAP", "POSTGAP", "COMPOSER", "ARRANGER", "MESSAGE"];

    private static readonly string[] s_trackTypes = ["AUDIO", "MODE1/2352", "MODE2/2352"];

    private static readonly string[] s_openingKeywords = ["REM", "TITLE", "PERFORMER", "FILE", "CATALOG", "SONGWRITER", "CDTEXTFILE"];

    public static bool LooksLikeCueSheet(string path)
    {
        if (path.EndsWith(".cue", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!File.Exists(path))
        {
            return false;
        }

        Span<byte> start = stackalloc byte[256];
        try
        {
            using var file = File.OpenHandle(path);
            start = start[..RandomAccess.Read(file, start, 0)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Whoever reads the file next reports why it cannot be read.
            return false;
        }

        if (start.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            start = start[3..];
        }

        var text = Encoding.ASCII.GetString(start).TrimStart(' ', '\t', '\r', '\n');
        return s_openingKeywords.Any(k => text.StartsWith(k + " ", StringComparison.Ordinal) || text.StartsWith(k + "\t", StringComparison.Ordinal));
    }

    public static CueSheet Read(string path)
    {
        var cuePath = Path.GetFullPath(path);
        if (!File.Exists(cuePath))
        {
            throw new DiscMasteringException(DiscMasteringError.ImageNotFound, $"the cue sheet '{cuePath}' does not exist; check the path.");
        }

        byte[] bytes;
        try
        {
            using var file = File.OpenHandle(cuePath);
            var length = RandomAccess.GetLength(file);
            if (length > RedbookConstants.MaxCueBytes)
            {
                throw Invalid(cuePath, 0, Invariant($"it is {length:N0} bytes, more than a cue sheet's {RedbookConstants.MaxCueBytes:N0}"));
            }

            bytes = new byte[length];
            bytes = bytes[..RandomAccess.Read(file, bytes, 0)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DiscMasteringException(DiscMasteringError.Unreadable, $"the cue sheet '{cuePath}' cannot be read ({e.Message}); check its permissions.", e);
        }

        var lines = new UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF').Split('\n');
        if (lines.Length > RedbookConstants.MaxCueLines)
        {
            throw Invalid(cuePath, 0, Invariant($"it has {lines.Length:N0} lines, more than {RedbookConstants.MaxCueLines:N0}"));
        }

        string? title = null;
        string? performer = null;
        string? binPath = null;
        long binSectors = 0;
        long binBytes = 0;
        var tracks = new List<TrackBuilder>();
        var lastAddress = -1L;
        for (var n = 1; n <= lines.Length; n++)
        {
            var line = lines[n - 1].TrimEnd('\r');
            if (line.Length > RedbookConstants.MaxCueLineLength)
            {
                throw Invalid(cuePath, n, Invariant($"the line is {line.Length:N0} characters long, more than {RedbookConstants.MaxCueLineLength:N0}"));
            }

            var words = Split(cuePath, n, line);
            if (words.Count == 0)
            {
                continue;
            }

            var keyword = words[0].ToUpperInvariant();
            var current = tracks.Count > 0 ? tracks[^1] : null;
            switch (keyword)
            {
                case "TITLE" or "PERFORMER":
                    Expect(cuePath, n, words, 2, $"{keyword} \"text\"");
                    if (current is null)
                    {
                        (title, performer) = keyword == "TITLE" ? (words[1], performer) : (title, words[1]);
                    }
                    else if (keyword == "TITLE")
                    {
                        current.Title = words[1];
                    }
                    else
                    {
                        current.Performer = words[1];
                    }

                    break;
                case "FILE":
                    Expect(cuePath, n, words, 3, "FILE \"name\" BINARY");
                    if (binPath is not null)
                    {
                        throw Invalid(cuePath, n, "it names a second FILE; only cue sheets with one BIN image are read");
                    }

                    if (tracks.Count > 0)
                    {
                        throw Invalid(cuePath, n, "its FILE comes after a TRACK");
                    }

                    if (words[1].Length == 0 || Path.IsPathRooted(words[1]))
                    {
                        throw Invalid(cuePath, n, $"its FILE '{words[1]}' is not a file name beside the cue sheet");
                    }

                    binPath = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(cuePath)!, words[1]));
                    if (!File.Exists(binPath))
                    {
                        throw Invalid(cuePath, n, $"the BIN image '{binPath}' it names does not exist");
                    }

                    binBytes = new FileInfo(binPath).Length;
                    binSectors = binBytes / RedbookConstants.SectorSize;
                    break;
                case "TRACK":
                    Expect(cuePath, n, words, 3, "TRACK nn AUDIO");
                    if (binPath is null)
                    {
                        throw Invalid(cuePath, n, "a TRACK comes before any FILE");
                    }

                    if (!int.TryParse(words[1], NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1 || number > RedbookConstants.MaxTracks)
                    {
                        throw Invalid(cuePath, n, $"the track number '{words[1]}' is not 1 to {RedbookConstants.MaxTracks}");
                    }

                    if (number != (current?.Number ?? 0) + 1)
                    {
                        throw Invalid(cuePath, n, Invariant($"track {number} follows track {current?.Number ?? 0}; tracks are numbered in order from 1"));
                    }

                    var type = words[2].ToUpperInvariant();
                    if (!s_trackTypes.Contains(type))
                    {
                        throw Invalid(cuePath, n, $"the track type '{words[2]}' is not one of {string.Join(", ", s_trackTypes)}");
                    }

                    current?.RequireIndex01(cuePath);
                    tracks.Add(new TrackBuilder(number, type, n));
                    break;
                case "INDEX":
                    Expect(cuePath, n, words, 3, "INDEX nn mm:ss:ff");
                    if (current is null)
                    {
                        throw Invalid(cuePath, n, "an INDEX comes before any TRACK");
                    }

                    if (!int.TryParse(words[1], NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index > 99)
                    {
                        throw Invalid(cuePath, n, $"the index number '{words[1]}' is not 0 to 99");
                    }

                    if (!Msf.TryParse(words[2], out var address))
                    {
                        throw Invalid(cuePath, n, $"the address '{words[2]}' is not mm:ss:ff");
                    }

                    if (address >= binSectors)
                    {
                        throw Invalid(cuePath, n, Invariant($"the address {words[2]} is past the end of the BIN image ({Msf.Format(binSectors)}, {binSectors:N0} sectors)"));
                    }

                    if (address < lastAddress)
                    {
                        throw Invalid(cuePath, n, $"the address {words[2]} comes before the previous index's");
                    }

                    lastAddress = address;
                    if (index == 0)
                    {
                        current.Index00 ??= address;
                    }
                    else if (index == 1)
                    {
                        current.Index01 ??= address;
                    }

                    break;
                default:
                    if (!s_ignored.Contains(keyword))
                    {
                        throw Invalid(cuePath, n, $"'{Shorten(words[0])}' is not a cue sheet keyword");
                    }

                    break;
            }
        }

        if (binPath is null || tracks.Count == 0)
        {
            throw Invalid(cuePath, 0, "it names no FILE or no TRACK");
        }

        tracks[^1].RequireIndex01(cuePath);
        var result = new List<CueTrack>(tracks.Count);
        for (var i = 0; i < tracks.Count; i++)
        {
            var track = tracks[i];
            var end = i + 1 < tracks.Count ? tracks[i + 1].Index00 ?? tracks[i + 1].Index01!.Value : binSectors;
            result.Add(new CueTrack(track.Number, track.Type, track.Title, track.Performer, track.Index00, track.Index01!.Value, end - track.Index01!.Value));
        }

        return new CueSheet(cuePath, binPath, binBytes, title, performer, result);
    }

    /// <summary>Words separated by blanks; a double-quoted word runs to the next double quote (the syntax has no escape).</summary>
    private static List<string> Split(string cuePath, int lineNumber, string line)
    {
        var words = new List<string>();
        var i = 0;
        while (i < line.Length)
        {
            if (line[i] is ' ' or '\t')
            {
                i++;
                continue;
            }

            if (line[i] == '"')
            {
                var close = line.IndexOf('"', i + 1);
                if (close < 0)
                {
                    throw Invalid(cuePath, lineNumber, "a quoted text is not closed");
                }

                words.Add(line[(i + 1)..close]);
                i = close + 1;
                continue;
            }

            var start = i;
            while (i < line.Length && line[i] is not (' ' or '\t'))
            {
                i++;
            }

            words.Add(line[start..i]);
        }

        return words;
    }

    private static void Expect(string cuePath, int lineNumber, List<string> words, int count, string form)
    {
        if (words.Count != count)
        {
            throw Invalid(cuePath, lineNumber, $"the line is not of the form {form}");
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";

    private static DiscMasteringException Invalid(string cuePath, int lineNumber, string why) => new(
        DiscMasteringError.InvalidCueSheet,
        lineNumber > 0
            ? Invariant($"the cue sheet '{cuePath}' cannot be read at line {lineNumber}: {why}; check the cue sheet.")
            : $"the cue sheet '{cuePath}' cannot be read: {why}; check the cue sheet.");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>A track while its lines are read.</summary>
    private sealed class TrackBuilder(int number, string type, int line)
    {
        public int Number { get; } = number;

        public string Type { get; } = type;

        public string? Title { get; set; }

        public string? Performer { get; set; }

        public long? Index00 { get; set; }

        public long? Index01 { get; set; }

        public void RequireIndex01(string cuePath)
        {
            if (Index01 is null)
            {
                throw Invalid(cuePath, line, Invariant($"track {Number} has no INDEX 01"));
            }
        }
    }
}
