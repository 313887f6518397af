namespace DiscMastering.Imapi.Tests.Udf;

/// <summary>Reads <c>7z l -slt</c>: blocks of "Key = value" lines after the "----------" line.</summary>
internal static class SevenZipListing
{
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
}
