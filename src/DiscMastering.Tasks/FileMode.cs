namespace DiscMastering.Tasks;

/// <summary>
/// The <c>Mode</c> metadata of <c>DiscFile</c> items: Rock Ridge permission bits in octal, as <c>chmod</c> takes
/// them (<c>755</c>, <c>0644</c>), passed to the tool as <c>--file-mode</c> rules.
/// </summary>
internal static class FileMode
{
    /// <summary>setuid, setgid, sticky and rwx for owner, group and others: 07777.</summary>
    private const int MaxPermissions = 0xFFF;

    /// <summary>True for one to five octal digits whose value is at most 7777, which the tool accepts.</summary>
    public static bool IsOctalPermissions(string mode)
    {
        if (mode.Length == 0 || mode.Length > 5)
        {
            return false;
        }

        int value = 0;
        foreach (char c in mode)
        {
            if (c < '0' || c > '7')
            {
                return false;
            }

            value = (value * 8) + (c - '0');
        }

        return value <= MaxPermissions;
    }
}
