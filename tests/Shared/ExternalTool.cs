using System.Diagnostics;
using System.Text;
using Xunit.Sdk;

namespace DiscMastering.Tests.Shared;

/// <summary>
/// An independent program the tests check images with. A missing program fails the test with the
/// command that installs it: these checks are never skipped.
/// </summary>
internal sealed record ExternalTool(string Name, string InstallHint)
{
    public static readonly ExternalTool SevenZip = new("7z", "apt-get install p7zip-full");
    public static readonly ExternalTool Xorriso = new("xorriso", "apt-get install xorriso");
    public static readonly ExternalTool IsoInfo = new("isoinfo", "apt-get install genisoimage");
    public static readonly ExternalTool LibcdioIsoInfo = new("iso-info", "apt-get install libcdio-utils");
    public static readonly ExternalTool LibcdioIsoRead = new("iso-read", "apt-get install libcdio-utils");
    public static readonly ExternalTool Python = new("/usr/bin/python3", "apt-get install python3 python3-pycdlib");
    public static readonly ExternalTool MakeFifo = new("mkfifo", "apt-get install coreutils");
    public static readonly ExternalTool Sox = new("sox", "apt-get install sox");
    public static readonly ExternalTool CdInfo = new("cd-info", "apt-get install libcdio-utils");
    public static readonly ExternalTool Sfdisk = new("/usr/sbin/sfdisk", "apt-get install fdisk");
    public static readonly ExternalTool Mformat = new("mformat", "apt-get install mtools");
    public static readonly ExternalTool Mmd = new("mmd", "apt-get install mtools");
    public static readonly ExternalTool Mcopy = new("mcopy", "apt-get install mtools");

    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(3);

    /// <summary>The program's full path, or a failed test saying how to install it.</summary>
    public string Locate()
    {
        if (Name.Contains('/'))
        {
            return File.Exists(Name) ? Name : throw new XunitException($"{Name} not found: {InstallHint}");
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, Name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new XunitException($"{Name} not found: {InstallHint}");
    }

    /// <summary>Runs the program to its end and returns what it printed; the output is decoded with <paramref name="outputEncoding"/> (UTF-8 by default).</summary>
    public ToolResult Run(IEnumerable<string> arguments, Encoding? outputEncoding = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(Locate())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardErrorEncoding = outputEncoding ?? Encoding.UTF8,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Names on the disc are Unicode: the readers must print and write them as UTF-8.
        start.Environment["LC_ALL"] = "C.UTF-8";
        start.Environment["LANG"] = "C.UTF-8";

        using var process = Process.Start(start) ?? throw new XunitException($"{Name} could not be started");
        process.StandardInput.Close();
        var stdout = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(s_timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new XunitException($"{CommandLine(start)} did not finish within {s_timeout.TotalMinutes} minutes");
        }

        process.WaitForExit();
        copy.GetAwaiter().GetResult();
        var bytes = stdout.ToArray();
        return new ToolResult(CommandLine(start), process.ExitCode, (outputEncoding ?? Encoding.UTF8).GetString(bytes), stderr.GetAwaiter().GetResult(), bytes);
    }

    /// <summary>Runs the program and fails the test unless it exits with 0.</summary>
    public ToolResult RunChecked(IEnumerable<string> arguments, Encoding? outputEncoding = null, string? workingDirectory = null)
    {
        var result = Run(arguments, outputEncoding, workingDirectory);
        if (result.ExitCode != 0)
        {
            throw new XunitException($"{result.CommandLine} exited with {result.ExitCode}\n{result.Transcript()}");
        }

        return result;
    }

    private static string CommandLine(ProcessStartInfo start) =>
        start.FileName + " " + string.Join(' ', start.ArgumentList.Select(a => a.Contains(' ') || a.Length == 0 ? $"'{a}'" : a));
}

/// <summary>What a program printed and how it ended.</summary>
internal sealed record ToolResult(string CommandLine, int ExitCode, string StdOut, string StdErr, byte[] StdOutBytes)
{
    /// <summary>The output for a failure message, cut to a readable length.</summary>
    public string Transcript(int limit = 4000)
    {
        static string Cut(string text, int limit) => text.Length <= limit ? text : text[..limit] + $"... ({text.Length - limit} more characters)";
        return $"--- stdout ---\n{Cut(StdOut, limit)}\n--- stderr ---\n{Cut(StdErr, limit)}";
    }
}
