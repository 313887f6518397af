using System.Globalization;
using System.Text;

namespace DiscMastering.Tasks;

/// <summary>
/// The patterns of <c>DiscExclude</c> items: globs matched by the tool against disc paths (<c>*</c>, <c>?</c>,
/// <c>**</c> for any depth, <c>/</c> between folders, case-sensitive; a pattern ending with <c>/</c> names a folder).
/// </summary>
internal static class DiscExcludePattern
{
    /// <summary>
    /// Splits an item's <c>Include</c> text as written in a project file into its patterns, the way MSBuild reads it:
    /// <c>;</c> separates them, spaces around each are dropped, empty ones are ignored, and <c>%XX</c> escapes (such as
    /// <c>%2A</c> for <c>*</c>) stand for their character.
    /// </summary>
    public static IEnumerable<string> SplitIncludeText(string text)
    {
        foreach (string part in text.Split(';'))
        {
            string trimmed = part.Trim();
            if (trimmed.Length > 0)
            {
                yield return Unescape(trimmed);
            }
        }
    }

    /// <summary>
    /// Turns <paramref name="pattern"/> into the tool's form: backslashes become slashes. Returns
    /// <see langword="null"/> for a pattern that can match no disc path: empty, rooted (a leading slash or a drive),
    /// or climbing (<c>..</c>).
    /// </summary>
    public static string? Normalize(string pattern)
    {
        string unified = pattern.Trim().Replace('\\', '/');
        if (unified.Length == 0 || unified.StartsWith("/", StringComparison.Ordinal) || unified.IndexOf(':') >= 0)
        {
            return null;
        }

        foreach (string segment in unified.Split('/'))
        {
            if (segment == "..")
            {
                return null;
            }
        }

        return unified;
    }

    /// <summary>MSBuild's unescaping: <c>%</c> and two hexadecimal digits stand for that character; any other <c>%</c> stays.</summary>
    private static string Unescape(string text)
    {
        if (text.IndexOf('%') < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '%'
                && i + 2 < text.Length
                && int.TryParse(text.Substring(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
            {
                builder.Append((char)code);
                i += 2;
            }
            else
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }
}
