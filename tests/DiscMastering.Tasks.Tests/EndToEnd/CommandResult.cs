namespace DiscMastering.Tasks.Tests.EndToEnd;

/// <summary>How a command ended: its exit code and its standard output and error, interleaved as they came.</summary>
internal sealed record CommandResult(string CommandLine, int ExitCode, string Output)
{
    /// <summary>Fails the test, showing the whole output, unless the command exited with 0.</summary>
    public CommandResult AssertSucceeded()
    {
        Assert.True(ExitCode == 0, $"'{CommandLine}' exited with {ExitCode}:{Environment.NewLine}{Output}");
        return this;
    }

    /// <summary>Fails the test, showing the whole output, if the command exited with 0.</summary>
    public CommandResult AssertFailed()
    {
        Assert.True(ExitCode != 0, $"'{CommandLine}' should have failed but exited with 0:{Environment.NewLine}{Output}");
        return this;
    }
}
