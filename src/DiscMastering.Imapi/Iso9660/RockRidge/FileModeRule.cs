using System.Globalization;
using DiscMastering.Imapi.Sources;

namespace DiscMastering.Imapi.Iso9660.RockRidge;

/// <summary>
/// A <c>GLOB=OCTAL</c> rule: the Rock Ridge permission bits of the files and folders whose disc paths match
/// <see cref="Glob"/>, instead of the ones their content gives. Of several matching rules the last one wins.
/// </summary>
public sealed class FileModeRule
{
    /// <summary>setuid, setgid, sticky and the nine rwx bits: POSIX's permission bits.</summary>
    public const int MaxPermissions = 0xFFF;

    private FileModeRule(DiscPathGlob glob, int permissions)
    {
        Glob = glob;
        Permissions = permissions;
    }

    /// <summary>The disc paths the rule applies to (case-sensitive, as <c>--exclude</c> matches).</summary>
    public DiscPathGlob Glob { get; }

    /// <summary>The permission bits, 0 to 07777.</summary>
    public int Permissions { get; }

    /// <summary>The rule as the command line writes it, the mode in octal.</summary>
    public override string ToString() => $"{Glob.Pattern}={Convert.ToString(Permissions, 8).PadLeft(4, '0')}";

    /// <summary>
    /// Reads <c>GLOB=OCTAL</c> (<c>**/*.sh=755</c>, <c>bin/tool=0700</c>); the last '=' separates the mode, so a
    /// disc path may hold '='. Throws a <see cref="DiscMasteringException"/> (DM2021) for anything else.
    /// </summary>
    public static FileModeRule Parse(string rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var equals = rule.LastIndexOf('=');
        if (equals < 0)
        {
            throw Invalid(rule, "has no '=' between the disc path pattern and the mode");
        }

        var pattern = rule[..equals];
        var octal = rule[(equals + 1)..];
        if (octal.Length is 0 or > 5 || octal.Any(c => c is < '0' or > '7'))
        {
            throw Invalid(rule, $"has the mode '{octal}', which is not an octal number such as 755 or 0644");
        }

        var permissions = Convert.ToInt32(octal, 8);
        if (permissions > MaxPermissions)
        {
            throw Invalid(rule, $"has the mode {octal}, more than the permission bits hold (at most 7777)");
        }

        return Create(pattern, permissions, rule);
    }

    /// <summary>A rule for disc paths matching <paramref name="pattern"/>; throws DM2021 for a pattern naming nothing or bits beyond 07777.</summary>
    public static FileModeRule Create(string pattern, int permissions) =>
        permissions is < 0 or > MaxPermissions
            ? throw Invalid($"{pattern}={Convert.ToString(permissions, 8)}", "has a mode beyond the permission bits (at most 7777)")
            : Create(pattern, permissions, $"{pattern}={Convert.ToString(permissions, 8)}");

    private static FileModeRule Create(string pattern, int permissions, string rule)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (pattern.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).Length == 0)
        {
            throw Invalid(rule, "names no disc path before '='");
        }

        return new FileModeRule(DiscPathGlob.Parse(pattern), permissions);
    }

    private static DiscMasteringException Invalid(string rule, string problem) => new(
        DiscMasteringError.InvalidFileModeRule,
        string.Create(CultureInfo.InvariantCulture, $"the file mode rule '{rule}' {problem}; write it as GLOB=OCTAL, such as **/*.sh=755 or bin/tool=0700."));
}
