namespace DiscMastering.Imapi.Tests.Udf;

/// <summary>UDF readers nobody here wrote.</summary>
internal static class UdfTools
{
    /// <summary>udftools' udfinfo: prints a UDF volume's identifiers, revision, counts and layout.</summary>
    public static readonly ExternalTool UdfInfo = new("udfinfo", "apt-get install udftools");

    /// <summary>genisoimage writes UDF 1.02 bridge images with -udf.</summary>
    public static readonly ExternalTool Genisoimage = new("genisoimage", "apt-get install genisoimage");

    /// <summary>udfinfo's "key=value" lines.</summary>
    public static Dictionary<string, string> Info(string imagePath)
    {
        var result = UdfInfo.RunChecked([imagePath]);
        Assert.True(result.StdErr.Trim().Length == 0, $"udfinfo complained:\n{result.Transcript()}");
        return result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => line.Contains('=') && !line.StartsWith("start=", StringComparison.Ordinal))
            .Select(line => line.Split('=', 2))
            .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);
    }
}
