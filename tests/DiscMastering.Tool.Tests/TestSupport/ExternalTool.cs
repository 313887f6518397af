using System.Diagnostics;

namespace DiscMastering.Tool.Tests.TestSupport;

/// <summary>Runs a program this machine must have; a missing one fails the test with how to install it.</summary>
public static class ExternalTool
{
    public static string Run(string program, string debianPackage, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Fail($"{program} not found: install it with 'apt-get install {debianPackage}' (eng/test.sh does).");
            throw;
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)} failed ({process.ExitCode}): {error}");
            return output.Result;
        }
    }
}
