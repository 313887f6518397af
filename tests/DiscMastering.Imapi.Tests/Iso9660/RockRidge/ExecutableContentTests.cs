using DiscMastering.Imapi.Iso9660.RockRidge;

namespace DiscMastering.Imapi.Tests.Iso9660.RockRidge;

/// <summary>Programs are told by their first bytes, the same on every build machine.</summary>
public sealed class ExecutableContentTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("7F454C4602010100", true)]          // ELF
    [InlineData("FEEDFACE07000000", true)]          // Mach-O 32-bit, big-endian
    [InlineData("FEEDFACF07000001", true)]          // Mach-O 64-bit, big-endian
    [InlineData("CEFAEDFE07000000", true)]          // Mach-O 32-bit, little-endian
    [InlineData("CFFAEDFE07000001", true)]          // Mach-O 64-bit, little-endian
    [InlineData("CAFEBABE00000002", true)]          // fat Mach-O, two architectures
    [InlineData("CAFEBABE00000013", true)]          // fat Mach-O, 19 architectures
    [InlineData("CAFEBABE00000014", false)]         // 20: past what a fat binary names
    [InlineData("CAFEBABE00000041", false)]         // a Java class, version 65
    [InlineData("CAFEBABE00000000", false)]         // no architecture at all
    [InlineData("CAFEBABE", false)]                 // too short to tell
    [InlineData("2321", true)]                      // "#!"
    [InlineData("23212F62696E2F7368", true)]        // "#!/bin/sh"
    [InlineData("23", false)]                       // "#"
    [InlineData("2320", false)]                     // "# "
    [InlineData("7F454C", false)]                   // three bytes of ELF
    [InlineData("4D5A9000", false)]                 // a Windows PE: Windows runs it, Rock Ridge readers do not
    [InlineData("", false)]
    public void IsExecutable_TellsByMagic(string hex, bool expected)
    {
        Assert.Equal(expected, ExecutableContent.IsExecutable(Convert.FromHexString(hex)));
    }

    [Fact]
    public void Probe_ReadsTheFilesFirstBytes()
    {
        var program = _temp.WriteFile("program", [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 9, 9, 9]);
        var script = _temp.WriteFile("script", "#!/usr/bin/env python3\n");
        var text = _temp.WriteFile("text", "hello\n");
        var one = _temp.WriteFile("one", "#");

        Assert.True(ExecutableContent.Probe(program));
        Assert.True(ExecutableContent.Probe(script));
        Assert.False(ExecutableContent.Probe(text));
        Assert.False(ExecutableContent.Probe(one));
    }
}
