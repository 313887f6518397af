using DiscMastering.Imapi;

namespace DiscMastering.Tool;

/// <summary>
/// Expands <c>@file.rsp</c> arguments: one argument per line, so paths with spaces need no quoting; blank
/// lines and lines starting with '#' are skipped. This is how the MSBuild task passes its arguments.
/// </summary>
internal static class ResponseFiles
{
    public static string[] Expand(IEnumerable<string> args)
    {
        var result = new List<string>();
        foreach (var arg in args)
        {
            if (!arg.StartsWith('@') || arg.Length == 1)
            {
                result.Add(arg);
                continue;
            }

            var path = arg[1..];
            string[] lines;
            try
            {
                lines = File.ReadAllLines(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new DiscMasteringException(DiscMasteringError.InvalidArguments, $"the response file '{path}' cannot be read ({e.Message}); check the path after '@'.");
            }

            result.AddRange(lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')));
        }

        return result.ToArray();
    }
}
