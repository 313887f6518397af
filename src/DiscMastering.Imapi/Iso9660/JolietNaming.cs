namespace DiscMastering.Imapi.Iso9660;

/// <summary>
/// Names of the Joliet tree: the source name exactly, in UCS-2, without a version suffix. Joliet forbids
/// the characters * / : ; ? \ and control characters, and allows 64 characters (103 with -joliet-long).
/// </summary>
internal static class JolietNaming
{
    public static bool IsForbidden(char c) => c < 0x20 || c is '*' or '/' or ':' or ';' or '?' or '\\';

    /// <summary>Returns the first character Joliet cannot hold, or null.</summary>
    public static char? FirstForbidden(string name)
    {
        foreach (var c in name)
        {
            if (IsForbidden(c))
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>Describes a character for an error message: printable ones quoted, control ones as U+XXXX.</summary>
    public static string Describe(char c) => c < 0x20 ? $"U+{(int)c:X4}" : $"'{c}'";
}
