using System.Globalization;
using System.Text;

namespace DiscMastering.Imapi.Extraction;

/// <summary>Which names an extraction writes: one path component each, that cannot leave the target folder on any system.</summary>
internal static class ExtractionNames
{
    private static readonly HashSet<string> s_windowsDeviceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
        "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    private static readonly char[] s_invalidHere = Path.GetInvalidFileNameChars();

    /// <summary>Why <paramref name="name"/> cannot be written as one file or folder name, or null when it can.</summary>
    public static string? Problem(string name)
    {
        if (name.Length == 0)
        {
            return "it is empty";
        }

        if (name is "." or "..")
        {
            return $"'{name}' names a folder itself or its parent";
        }

        if (name.Contains('/') || name.Contains('\\'))
        {
            return "it holds a path separator ('/' or '\\')";
        }

        if (name.Length >= 2 && char.IsAsciiLetter(name[0]) && name[1] == ':')
        {
            return "it starts with a drive letter";
        }

        // Both ':' and control characters are refused everywhere, so an image extracts the same on every system.
        if (name.Contains(':'))
        {
            return "it holds ':', which Windows reads as a drive or a file stream";
        }

        if (name.Any(char.IsControl))
        {
            return "it holds a control character";
        }

        if (name.IndexOfAny(s_invalidHere) >= 0)
        {
            return "it holds a character this system does not allow in names";
        }

        if (OperatingSystem.IsWindows())
        {
            // Windows drops trailing dots and spaces and maps device names to devices: the file would land elsewhere.
            if (name.EndsWith('.') || name.EndsWith(' '))
            {
                return "it ends with '.' or a space, which Windows drops";
            }

            var stem = name.Split('.')[0].TrimEnd(' ');
            if (s_windowsDeviceNames.Contains(stem))
            {
                return "it is a Windows device name";
            }
        }

        return null;
    }

    /// <summary>The name with its control characters written as \uXXXX.</summary>
    public static string Display(string name)
    {
        if (!name.Any(char.IsControl))
        {
            return name;
        }

        var text = new StringBuilder(name.Length + 8);
        foreach (var c in name)
        {
            text.Append(char.IsControl(c) ? string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}") : c);
        }

        return text.ToString();
    }
}
