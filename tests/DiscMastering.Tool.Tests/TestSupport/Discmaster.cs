using System.Diagnostics;

namespace DiscMastering.Tool.Tests.TestSupport;

/// <summary>Runs the real tool (dotnet-discmaster.dll, copied beside the tests) in its own process.</summary>
public static class Discmaster
{
    public static string ToolPath { get; } = Path.Combine(AppContext.BaseDirectory, "dotnet-discmaster.dll");

    /// <summary>The dotnet host running these tests, so the tool runs on the same runtime.</summary>
    public static string DotnetHost { get; } = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? Environment.ProcessPath ?? "dotnet";

    public static ToolRun Run(params string[] args) => Run(args, environment: null);

    public static ToolRun Run(IEnumerable<string> args, IDictionary<string, string?>? environment, TimeSpan? timeout = null, string[]? wrapper = null)
    {
        using var process = Start(args, environment, wrapper);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"discmaster {string.Join(' ', args)} did not finish in time");
        }

        process.WaitForExit();
        return new ToolRun(process.ExitCode, output.Result, error.Result);
    }

    /// <summary>Runs the tool and keeps standard output as bytes (an image written with <c>-o -</c>).</summary>
    public static BinaryToolRun RunBinary(IEnumerable<string> args, IDictionary<string, string?>? environment = null)
    {
        using var process = Start(args, environment);
        var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"discmaster {string.Join(' ', args)} did not finish in time");
        }

        process.WaitForExit();
        copy.GetAwaiter().GetResult();
        return new BinaryToolRun(process.ExitCode, output.ToArray(), error.Result);
    }

    /// <summary>Starts the tool; <paramref name="wrapper"/> is a command line to run it under (such as setpriv).</summary>
    public static Process Start(IEnumerable<string> args, IDictionary<string, string?>? environment = null, string[]? wrapper = null)
    {
        var info = new ProcessStartInfo(wrapper?[0] ?? DotnetHost)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in wrapper?[1..] ?? [])
        {
            info.ArgumentList.Add(arg);
        }

        if (wrapper is not null)
        {
            info.ArgumentList.Add(DotnetHost);
        }

        info.ArgumentList.Add(ToolPath);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("SOURCE_DATE_EPOCH");
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[name] = value;
        }

        return Process.Start(info)!;
    }
}
