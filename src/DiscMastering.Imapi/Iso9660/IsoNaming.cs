namespace DiscMastering.Imapi.Iso9660;

/// <summary>
/// Names of the primary (ISO 9660 level 1) tree: d-characters only (A-Z, 0-9, _; ECMA-119 7.4.1),
/// files as 8.3 plus version ";1", directories as 8 characters. Collisions inside one directory get a
/// numbered tail ("README_1.TXT", d-characters only) in the order of the source names, so the result never depends on
/// the order a file system lists them in.
/// </summary>
internal static class IsoNaming
{
    public const int FileNameLength = 8;
    public const int ExtensionLength = 3;
    public const int DirectoryNameLength = 8;

    public static bool IsDCharacter(char c) => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_';

    /// <summary>a-characters, ECMA-119 7.4.1: d-characters, space and <c>!"%&amp;'()*+,-./:;&lt;=&gt;?</c>.</summary>
    public static bool IsACharacter(char c) => IsDCharacter(c) || "!\"%&'()*+,-./:;<=>? ".Contains(c);

    /// <summary>A volume text for the primary descriptor: upper case, other characters replaced by '_', cut to the field.</summary>
    public static string ToVolumeText(string text, int maxLength, bool dCharactersOnly)
    {
        var upper = text.ToUpperInvariant();
        var mapped = new char[Math.Min(upper.Length, maxLength)];
        for (var i = 0; i < mapped.Length; i++)
        {
            var c = upper[i];
            mapped[i] = (dCharactersOnly ? IsDCharacter(c) : IsACharacter(c)) ? c : '_';
        }

        return new string(mapped);
    }

    /// <summary>
    /// Gives each child its primary-tree name (without ";1"): <paramref name="names"/> must be sorted
    /// ordinally; the result is in the same order.
    /// </summary>
    public static string[] AssignNames(IReadOnlyList<(string Name, bool IsDirectory)> names)
    {
        var result = new string[names.Count];
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            var (baseName, extension) = Candidate(names[i].Name, names[i].IsDirectory);
            var name = Join(baseName, extension);
            for (var n = 1; !used.Add(name); n++)
            {
                var tail = "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var limit = names[i].IsDirectory ? DirectoryNameLength : FileNameLength;
                name = Join(baseName[..Math.Min(baseName.Length, limit - tail.Length)] + tail, extension);
            }

            result[i] = name;
        }

        return result;
    }

    /// <summary>The identifier recorded for a file: the dot separator is required even with no extension (ECMA-119 7.5.1).</summary>
    public static string FileIdentifier(string name) => (name.Contains('.') ? name : name + ".") + ";1";

    /// <summary>The 8.3 (file) or 8 (directory) form before collisions are resolved.</summary>
    internal static (string BaseName, string Extension) Candidate(string name, bool isDirectory)
    {
        if (isDirectory)
        {
            return (MapCharacters(name, DirectoryNameLength), "");
        }

        var dot = name.LastIndexOf('.');
        return dot <= 0
            ? (MapCharacters(name, FileNameLength), "")
            : (MapCharacters(name[..dot], FileNameLength), MapCharacters(name[(dot + 1)..], ExtensionLength, allowEmpty: true));
    }

    private static string Join(string baseName, string extension) => extension.Length == 0 ? baseName : baseName + "." + extension;

    private static string MapCharacters(string text, int maxLength, bool allowEmpty = false)
    {
        Span<char> mapped = stackalloc char[maxLength];
        var length = 0;
        foreach (var c in text)
        {
            if (length == maxLength)
            {
                break;
            }

            var upper = char.ToUpperInvariant(c);
            mapped[length++] = IsDCharacter(upper) ? upper : '_';
        }

        return length == 0 && !allowEmpty ? "_" : new string(mapped[..length]);
    }
}
