using System.Text;

namespace DiscMastering.Tool.Tests.Windows;

/// <summary>The outcome of one run of the Windows build under Wine, with stdout and stderr as the bytes it wrote.</summary>
public sealed record WineRun(int ExitCode, byte[] OutputBytes, byte[] ErrorBytes)
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Stdout decoded as UTF-8; a byte that is not UTF-8 (a legacy code page) fails the test.</summary>
    public string Output => Decode(OutputBytes, "stdout");

    /// <summary>Stderr decoded as UTF-8; a byte that is not UTF-8 fails the test.</summary>
    public string Error => Decode(ErrorBytes, "stderr");

    /// <summary>The canonical error lines on stderr.</summary>
    public IReadOnlyList<string> ErrorLines =>
        Error.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith("discmaster : error DM", StringComparison.Ordinal)).ToList();

    public void AssertSucceeded() =>
        Assert.True(ExitCode == 0, $"expected success under Wine, got exit code {ExitCode}\nstdout: {Lossy(OutputBytes)}\nstderr: {Lossy(ErrorBytes)}");

    /// <summary>Asserts the run failed cleanly: exit code 1, exactly one canonical line with <paramref name="code"/>, no stack trace.</summary>
    public void AssertFailedWith(string code)
    {
        Assert.True(ExitCode == 1, $"expected exit code 1 under Wine, got {ExitCode}\nstdout: {Lossy(OutputBytes)}\nstderr: {Lossy(ErrorBytes)}");
        var line = Assert.Single(ErrorLines);
        Assert.StartsWith($"discmaster : error {code}: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", Error, StringComparison.Ordinal);
    }

    private static string Decode(byte[] bytes, string stream)
    {
        try
        {
            return s_strictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new Xunit.Sdk.XunitException($"{stream} under Wine is not UTF-8 (byte 0x{e.BytesUnknown?[0]:X2} at {e.Index}): {Lossy(bytes)}");
        }
    }

    private static string Lossy(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
