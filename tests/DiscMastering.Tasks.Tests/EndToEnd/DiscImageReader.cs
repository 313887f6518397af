using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DiscMastering.Tasks.Tests.EndToEnd;

/// <summary>
/// Reads images back with three independent implementations: pycdlib (the Joliet tree with contents), 7-Zip and
/// xorriso. A missing reader fails the test and names the Debian package to install; it is never skipped.
/// </summary>
internal static partial class DiscImageReader
{
    /// <summary>The Joliet tree with each file's SHA-256, and both volume labels, as pycdlib reads them.</summary>
    public static JolietListing ReadWithPycdlib(string image)
    {
        string script = Path.Combine(AppContext.BaseDirectory, "EndToEnd", "Verifiers", "joliet_list.py");
        string output = ExternalTool.Python.RunChecked([script, image]).StdOut;
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using JsonDocument labels = JsonDocument.Parse(lines[0]);
        var files = new List<DiscImageEntry>();
        foreach (string line in lines.Skip(1))
        {
            using JsonDocument file = JsonDocument.Parse(line);
            JsonElement root = file.RootElement;
            files.Add(new DiscImageEntry(root.GetProperty("path").GetString()!, root.GetProperty("size").GetInt64(), root.GetProperty("sha256").GetString()));
        }

        return new JolietListing(
            labels.RootElement.GetProperty("jolietVolume").GetString()!,
            labels.RootElement.GetProperty("primaryVolume").GetString()!,
            Sorted(files));
    }

    /// <summary>The files 7-Zip lists (it reads the Joliet tree when there is one), without hashes.</summary>
    public static IReadOnlyList<DiscImageEntry> ReadWith7z(string image)
    {
        string output = ExternalTool.SevenZip.RunChecked(["l", "-slt", "-ba", image]).StdOut;
        var files = new List<DiscImageEntry>();
        foreach (string block in output.ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            Dictionary<string, string> fields = block.Split('\n')
                .Select(line => line.Split(" = ", 2))
                .Where(pair => pair.Length == 2)
                .GroupBy(pair => pair[0])
                .ToDictionary(g => g.Key, g => g.First()[1]);
            if (fields.TryGetValue("Path", out string? path) && fields.GetValueOrDefault("Folder") == "-")
            {
                files.Add(new DiscImageEntry(path, long.Parse(fields["Size"], System.Globalization.CultureInfo.InvariantCulture), null));
            }
        }

        return Sorted(files);
    }

    /// <summary>The files of the Joliet tree as xorriso lists them (-read_fs norock: Joliet over Rock Ridge), without hashes.</summary>
    public static IReadOnlyList<DiscImageEntry> ReadWithXorriso(string image)
    {
        string output = ExternalTool.Xorriso.RunChecked(["-abort_on", "FAILURE", "-read_fs", "norock", "-indev", image, "-find", "/", "-type", "f", "-exec", "lsdl", "--"]).StdOut;
        var files = new List<DiscImageEntry>();
        foreach (string line in output.Split('\n'))
        {
            Match match = XorrisoFileLine().Match(line.TrimEnd('\r'));
            if (match.Success)
            {
                string path = match.Groups["path"].Value.Replace("'\"'\"'", "'", StringComparison.Ordinal).TrimStart('/');
                files.Add(new DiscImageEntry(path, long.Parse(match.Groups["size"].Value, System.Globalization.CultureInfo.InvariantCulture), null));
            }
        }

        return Sorted(files);
    }

    /// <summary>What a disc made of <paramref name="folder"/> plus <paramref name="extras"/> (disc path, local file) holds.</summary>
    public static IReadOnlyList<DiscImageEntry> Expected(string folder, params (string DiscPath, string LocalPath)[] extras)
    {
        IEnumerable<(string DiscPath, string LocalPath)> folderFiles = Directory
            .EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(file => (Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/'), file));
        return Sorted(folderFiles.Concat(extras).Select(f => new DiscImageEntry(f.DiscPath, new FileInfo(f.LocalPath).Length, Sha256(f.LocalPath))));
    }

    /// <summary>The Rock Ridge mode of every file and folder as xorriso shows it ("-r-xr-xr-x"), by path without the leading '/'.</summary>
    public static IReadOnlyDictionary<string, string> ReadRockRidgeModesWithXorriso(string image)
    {
        string output = ExternalTool.Xorriso.RunChecked(["-abort_on", "FAILURE", "-indev", image, "-find", "/", "-exec", "lsdl", "--"]).StdOut;
        var modes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in output.Split('\n'))
        {
            Match match = XorrisoModeLine().Match(line.TrimEnd('\r'));
            if (match.Success)
            {
                modes[match.Groups["path"].Value.Replace("'\"'\"'", "'", StringComparison.Ordinal).TrimStart('/')] = match.Groups["mode"].Value;
            }
        }

        return modes;
    }

    /// <summary>The SHA-256 of a file, in lower-case hex.</summary>
    public static string Sha256(string file)
    {
        using FileStream stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static List<DiscImageEntry> Sorted(IEnumerable<DiscImageEntry> files) =>
        [.. files.OrderBy(f => f.Path, StringComparer.Ordinal)];

    [GeneratedRegex(@"^-\S+\s+\S+\s+\S+\s+\S+\s+(?<size>\d+)\s+.*?'(?<path>/.*)'$")]
    private static partial Regex XorrisoFileLine();

    [GeneratedRegex(@"^(?<mode>[d-][rwxsStT-]{9})\s.*? '(?<path>/.*)'$")]
    private static partial Regex XorrisoModeLine();
}
