namespace DiscMastering.Tool.Tests.TestSupport;

/// <summary>The outcome of one run of the tool.</summary>
public sealed record ToolRun(int ExitCode, string Output, string Error)
{
    /// <summary>The DM codes of the canonical error lines on stderr.</summary>
    public IReadOnlyList<string> ErrorCodes =>
        Error.Split('\n').Where(l => l.StartsWith("discmaster : error DM", StringComparison.Ordinal)).Select(l => l["discmaster : error ".Length..][..6]).ToList();

    /// <summary>Asserts the run failed with <paramref name="code"/>, cleanly: exit code 1, a canonical line, no stack trace.</summary>
    public void AssertFailedWith(string code)
    {
        Assert.True(ExitCode == 1, $"expected exit code 1, got {ExitCode}\nstdout: {Output}\nstderr: {Error}");
        Assert.Contains(code, ErrorCodes);
        Assert.DoesNotContain("   at ", Error);
        Assert.DoesNotContain("Exception", Error);
    }

    public void AssertSucceeded() =>
        Assert.True(ExitCode == 0, $"expected success, got exit code {ExitCode}\nstdout: {Output}\nstderr: {Error}");
}
