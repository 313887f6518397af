using System.Diagnostics;

namespace DiscMastering.Tool.Tests.TestSupport;

/// <summary>
/// Runs the real tool in its own process: <see cref="Managed"/>, the framework-dependent build copied beside
/// the tests (dotnet-discmaster.dll on the dotnet host running them), or a natively compiled executable
/// (<see cref="Native"/>), so that the same tests catch what trimming and ahead-of-time compilation break.
/// </summary>
public sealed class Discmaster
{
    private readonly string _program;
    private readonly string[] _leadingArgs;

    private Discmaster(string program, string[] leadingArgs)
    {
        _program = program;
        _leadingArgs = leadingArgs;
    }

    /// <summary>dotnet-discmaster.dll beside the tests, on the dotnet host running these tests (the same runtime).</summary>
    public static Discmaster Managed { get; } = new(
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? Environment.ProcessPath ?? "dotnet",
        [Path.Combine(AppContext.BaseDirectory, "dotnet-discmaster.dll")]);

    /// <summary>A native executable of the tool, started directly.</summary>
    public static Discmaster Native(string executable) => new(executable, []);

    /// <summary>The program and the arguments that start the tool, before the tool's own.</summary>
    public IReadOnlyList<string> CommandLine => [_program, .. _leadingArgs];

    public ToolRun Run(params string[] args) => Run(args, environment: null);

    public ToolRun Run(IEnumerable<string> args, IDictionary<string, string?>? environment, TimeSpan? timeout = null, string[]? wrapper = null)
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
    public BinaryToolRun RunBinary(IEnumerable<string> args, IDictionary<string, string?>? environment = null)
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
    public Process Start(IEnumerable<string> args, IDictionary<string, string?>? environment = null, string[]? wrapper = null)
    {
        var info = new ProcessStartInfo(wrapper?[0] ?? _program)
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
            info.ArgumentList.Add(_program);
        }

        foreach (var arg in _leadingArgs.Concat(args))
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
