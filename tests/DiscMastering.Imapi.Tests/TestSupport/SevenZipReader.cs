namespace DiscMastering.Imapi.Tests.TestSupport;

/// <summary>7-Zip (p7zip-full) as the tests read images with it: its technical listing, and extraction it has no complaint about.</summary>
internal static class SevenZipReader
{
    /// <summary>Reads <c>7z l -slt</c>: blocks of "Key = value" lines after the "----------" line; the first block there is the archive itself.</summary>
    public static List<(string Path, bool IsFolder, long Size)> Parse(string listing)
    {
        var separator = listing.IndexOf("\n----------\n", StringComparison.Ordinal);
        Assert.True(separator >= 0, "7z l -slt printed no '----------' line:\n" + listing);
        var entries = new List<(string, bool, long)>();
        foreach (var block in listing[(separator + 12)..].Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = block.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split(" = ", 2))
                .Where(parts => parts.Length == 2)
                .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);
            if (fields.TryGetValue("Path", out var path))
            {
                entries.Add((path, fields.GetValueOrDefault("Folder") == "+", long.TryParse(fields.GetValueOrDefault("Size"), out var s) ? s : -1));
            }
        }

        return entries;
    }

    /// <summary>Runs <c>7z x</c> of <paramref name="imagePath"/> into <paramref name="output"/>, asserting it printed no error and no warning.</summary>
    public static void ExtractWithoutComplaint(string imagePath, string output)
    {
        var result = ExternalTool.SevenZip.RunChecked(["x", "-y", "-o" + output, imagePath]);
        Assert.DoesNotContain("ERROR", result.StdOut + result.StdErr, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("WARNING", result.StdOut + result.StdErr, StringComparison.OrdinalIgnoreCase);
    }
}
