namespace DiscMastering.Tool.Tests.TestSupport;

/// <summary>The outcome of one run of the tool whose standard output is bytes, not text.</summary>
public sealed record BinaryToolRun(int ExitCode, byte[] Output, string Error)
{
    public void AssertSucceeded() =>
        Assert.True(ExitCode == 0, $"expected success, got exit code {ExitCode}\nstderr: {Error}");
}
