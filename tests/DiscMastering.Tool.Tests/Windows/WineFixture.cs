using System.Diagnostics;
using DiscMastering.Tests.Shared;
using Xunit.Sdk;

namespace DiscMastering.Tool.Tests.Windows;

/// <summary>
/// The real win-x64 build of the tool (published self-contained, Release) and a fresh Wine prefix to run it
/// in. Publishing and creating the prefix take most of the time, so they happen once, side by side.
/// </summary>
public sealed class WineFixture : IDisposable
{
    private const string InstallHint = "apt-get install wine wine64";

    private static readonly TimeSpan s_publishTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan s_runTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan s_outputTimeout = TimeSpan.FromSeconds(10);

    private readonly string _wine;
    private readonly string _wineserver;
    private readonly string _prefix;
    private readonly string _tool;

    public WineFixture()
    {
        // Missing Wine fails every test of the collection with the packages to install.
        _wine = new ExternalTool("wine", InstallHint).Locate();
        _wineserver = new ExternalTool("wineserver", InstallHint).Locate();
        Root = Directory.CreateTempSubdirectory("dm-wine-").FullName;
        _prefix = Path.Combine(Root, "prefix");
        var publishFolder = Path.Combine(Root, "publish");
        _tool = Path.Combine(publishFolder, "dotnet-discmaster.exe");

        // wineboot mostly waits, publishing mostly computes: on two cores they overlap well.
        var prefix = Task.Run(StartPrefix);
        Publish(publishFolder);
        prefix.GetAwaiter().GetResult();
    }

    /// <summary>A temporary folder for everything this collection writes: build, prefix, trees, images.</summary>
    public string Root { get; }

    /// <summary>The same file or folder as Windows programs under Wine see it: drive Z: is the Unix root.</summary>
    public static string WindowsPath(string unixPath) => "Z:" + Path.GetFullPath(unixPath).Replace('/', '\\');

    /// <summary>Runs <c>dotnet-discmaster.exe</c> under Wine; <paramref name="environment"/> adds variables (SOURCE_DATE_EPOCH is unset otherwise).</summary>
    public WineRun Run(IEnumerable<string> args, IDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo(_wine)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(_tool);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Remove("SOURCE_DATE_EPOCH");
        foreach (var (name, value) in WineEnvironment().Concat(environment ?? new Dictionary<string, string?>()))
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        var output = ReadAllBytesAsync(process.StandardOutput.BaseStream);
        var error = ReadAllBytesAsync(process.StandardError.BaseStream);
        if (!process.WaitForExit(s_runTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new XunitException($"wine dotnet-discmaster.exe {string.Join(' ', args)} did not finish in {s_runTimeout}");
        }

        process.WaitForExit();
        if (!Task.WaitAll([output, error], s_outputTimeout))
        {
            throw new XunitException($"wine dotnet-discmaster.exe {string.Join(' ', args)} ended, but a process it started keeps its output open");
        }

        return new WineRun(process.ExitCode, output.Result, error.Result);
    }

    public WineRun Run(params string[] args) => Run(args, environment: null);

    public void Dispose()
    {
        // Ends the server and the Wine processes of this prefix only.
        try
        {
            RunChecked(_wineserver, ["-k"], WineEnvironment(), redirect: true, check: false);
        }
        catch (XunitException)
        {
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private Dictionary<string, string?> WineEnvironment() => new()
    {
        ["WINEPREFIX"] = _prefix,
        ["WINEDEBUG"] = "-all",

        // Wine names Unix files and reads Unix arguments in the locale's character set.
        ["LC_ALL"] = "C.UTF-8",

        // Wine 8 cannot double-map the runtime's W^X code pages: the first finalizer run would crash.
        ["DOTNET_EnableWriteXorExecute"] = "0",
    };

    /// <summary>
    /// Creates the prefix and leaves its server and services running for every later run: a run then takes
    /// about a second instead of three. They start with their output in a log file, never in a pipe of ours,
    /// because they outlive the run that starts them and would keep that pipe open.
    /// </summary>
    private void StartPrefix()
    {
        var log = Path.Combine(Root, "wine.log");
        var environment = WineEnvironment();
        Directory.CreateDirectory(_prefix);
        RunChecked("/bin/sh", ["-c", "exec \"$0\" -p </dev/null >>\"$1\" 2>&1", _wineserver, log], environment, redirect: false);

        // Without Wine's Mono and Gecko: the tool brings its own runtime and shows no HTML.
        environment["WINEDLLOVERRIDES"] = "mscoree,mshtml=";
        try
        {
            RunChecked("/bin/sh", ["-c", "exec \"$0\" wineboot -i </dev/null >>\"$1\" 2>&1", _wine, log], environment, redirect: false);
        }
        catch (XunitException e)
        {
            throw new XunitException($"{e.Message}\n{File.ReadAllText(log)}");
        }
    }

    private void Publish(string folder)
    {
        var project = Path.Combine(RepositoryRoot(), "src", "DiscMastering.Tool", "DiscMastering.Tool.csproj");

        // Its own artifacts folder, so the tests' own build of the tool (bin/ and obj/ beside it) is untouched;
        // no lingering build nodes or compiler server that would hold this process's pipes open.
        RunChecked(
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            [
                "publish", project, "-r", "win-x64", "--self-contained", "-c", "Release", "-o", folder,
                "--artifacts-path", Path.Combine(Root, "artifacts"), "--nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false",
            ],
            new Dictionary<string, string?>(),
            redirect: true);
        if (!File.Exists(_tool))
        {
            throw new XunitException($"dotnet publish -r win-x64 wrote no {_tool}");
        }
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "src", "DiscMastering.Tool", "DiscMastering.Tool.csproj")))
            {
                return folder.FullName;
            }
        }

        throw new XunitException($"no src/DiscMastering.Tool above {AppContext.BaseDirectory}");
    }

    private static void RunChecked(string program, string[] args, IDictionary<string, string?> environment, bool redirect, bool check = true)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = redirect,
            RedirectStandardError = redirect,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        var output = redirect ? process.StandardOutput.ReadToEndAsync() : Task.FromResult("");
        var error = redirect ? process.StandardError.ReadToEndAsync() : Task.FromResult("");
        if (!process.WaitForExit(s_publishTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new XunitException($"{program} {string.Join(' ', args)} did not finish in {s_publishTimeout}");
        }

        process.WaitForExit();
        if (check && process.ExitCode != 0)
        {
            throw new XunitException($"{program} {string.Join(' ', args)} failed with exit code {process.ExitCode}\n{output.Result}\n{error.Result}");
        }
    }

    private static async Task<byte[]> ReadAllBytesAsync(Stream stream)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
