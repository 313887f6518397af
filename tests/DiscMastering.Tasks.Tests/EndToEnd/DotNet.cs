using System.Diagnostics;

namespace DiscMastering.Tasks.Tests.EndToEnd;

/// <summary>
/// Runs the <c>dotnet</c> CLI as a user would, but without what the test host's own environment would leak into
/// it (MSBuild's variables point at the SDK running the tests) and with build servers off: a build server that
/// stays alive keeps a task assembly loaded, and a rebuilt one would be silently ignored.
/// </summary>
internal static class DotNet
{
    /// <summary>The arguments every build in these tests gets, but the logger's: no build servers, no logo.</summary>
    public static readonly string[] QuietSwitches = ["--disable-build-servers", "-nodeReuse:false", "-nologo"];

    /// <summary>The arguments every build in these tests gets.</summary>
    public static readonly string[] BuildSwitches = [.. QuietSwitches, "-tl:off"];

    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(10);

    private static readonly string[] s_leakingVariablePrefixes = ["MSBUILD", "_MSBUILD", "DOTNET_HOST_PATH", "VSTEST", "TESTINGPLATFORM"];

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> in <paramref name="workingDirectory"/> and waits for it.</summary>
    public static CommandResult Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        using RunningCommand command = Start(workingDirectory, environment, arguments);
        return command.WaitForExit(s_timeout);
    }

    /// <summary>Starts <c>dotnet</c> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    public static RunningCommand Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory };
        foreach (string argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (string name in startInfo.Environment.Keys.ToList())
        {
            if (s_leakingVariablePrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            {
                startInfo.Environment.Remove(name);
            }
        }

        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        foreach ((string name, string value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        return new RunningCommand(startInfo);
    }
}
