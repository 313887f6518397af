using System.Diagnostics;
using DiscMastering.Tool.Tests.TestSupport;
using Xunit.Sdk;

namespace DiscMastering.Tool.Tests.Native;

/// <summary>
/// The tool as the linux-x64 package ships it: compiled ahead of time (Native AOT, trimmed), published once
/// for every test that reruns against it. Trimming can drop what CommandLineUtils reaches by reflection
/// (options, subcommands, value parsers) without a build error, so only running it tells.
/// </summary>
public sealed class NativeToolFixture : IDisposable
{
    private static readonly TimeSpan s_publishTimeout = TimeSpan.FromMinutes(10);

    public NativeToolFixture()
    {
        Root = Directory.CreateTempSubdirectory("dm-native-").FullName;
        var publishFolder = Path.Combine(Root, "publish");
        var executable = Path.Combine(publishFolder, "dotnet-discmaster");
        Publish(publishFolder);
        if (!File.Exists(executable) || File.Exists(Path.Combine(publishFolder, "dotnet-discmaster.dll"))
            || !File.ReadAllBytes(executable).AsSpan(0, 4).SequenceEqual("\u007fELF"u8))
        {
            throw new XunitException($"dotnet publish -r linux-x64 wrote no native executable {executable}");
        }

        // The tests that drop to an unprivileged user run it too: the temporary folder is the owner's alone.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Root, (UnixFileMode)0b111_101_101);
        }

        Discmaster = Discmaster.Native(executable);
    }

    public string Root { get; }

    public Discmaster Discmaster { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void Publish(string folder)
    {
        var project = Path.Combine(RepositoryRoot(), "src", "DiscMastering.Tool", "DiscMastering.Tool.csproj");

        // Its own artifacts folder, so the tests' own build of the tool is untouched; no lingering build nodes
        // or compiler server that would hold this process's pipes open.
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "publish", project, "-r", "linux-x64", "-c", "Release", "-o", folder, "--artifacts-path", Path.Combine(Root, "artifacts"),
            "--nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false",
        })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(s_publishTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new XunitException($"dotnet publish -r linux-x64 did not finish in {s_publishTimeout}");
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            // The native link needs a C toolchain and objcopy.
            throw new XunitException($"dotnet publish -r linux-x64 failed with exit code {process.ExitCode} (it needs clang or gcc, and objcopy: apt-get install clang binutils)\n{output.Result}\n{error.Result}");
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
}
