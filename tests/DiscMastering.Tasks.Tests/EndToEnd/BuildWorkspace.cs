using DiscMastering.Tasks.Tests.TestUtilities;

namespace DiscMastering.Tasks.Tests.EndToEnd;

/// <summary>
/// A temporary folder for one test class's generated projects, with its own NuGet packages folder: nothing the
/// class restores touches the machine's cache, and a class never sees another's extracted package.
/// </summary>
public sealed class BuildWorkspace : IDisposable
{
    private readonly TempDirectory _root = new("dm-e2e-");
    private int _projectCount;

    public BuildWorkspace()
    {
        PackagesDirectory = _root.Combine("packages");
        Environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = PackagesDirectory };
    }

    /// <summary>The class's NUGET_PACKAGES folder.</summary>
    public string PackagesDirectory { get; }

    /// <summary>The environment variables of every command the class runs.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>A new, empty folder in the workspace.</summary>
    public string NewFolder() => Directory.CreateDirectory(_root.Combine($"{Interlocked.Increment(ref _projectCount):D2}")).FullName;

    /// <summary>A new project (not yet written) named <paramref name="name"/>, in a folder of its own.</summary>
    internal TestProject CreateProject(PackageFeed feed, string name = "HelloDisc") => new(Path.Combine(NewFolder(), name), name, feed);

    /// <summary>Runs <c>dotnet build -c Release -t:BurnDisc -v:n</c> on <paramref name="project"/>, plus <paramref name="arguments"/>.</summary>
    internal CommandResult BurnDisc(TestProject project, params string[] arguments) =>
        DotNet.Run(project.Directory, Environment, BurnDiscArguments(arguments));

    /// <summary>Starts <c>dotnet build -c Release -t:BurnDisc -v:n</c> on <paramref name="project"/> and returns at once.</summary>
    internal RunningCommand StartBurnDisc(TestProject project, params string[] arguments) =>
        DotNet.Start(project.Directory, Environment, BurnDiscArguments(arguments));

    /// <summary>
    /// Runs <c>dotnet build -c Release -t:&lt;target&gt;</c> on <paramref name="project"/> as a user types it, without
    /// <c>-v</c> or <c>-tl</c> (so with the SDK's default verbosity and logger), plus <paramref name="arguments"/>.
    /// </summary>
    internal CommandResult BuildAtDefaultVerbosity(TestProject project, string target, params string[] arguments) =>
        DotNet.Run(project.Directory, Environment, ["build", "-c", "Release", "-t:" + target, .. DotNet.QuietSwitches, .. arguments]);

    /// <summary>Runs <c>dotnet build -c Release -t:BurnAudioDisc -v:n</c> on <paramref name="project"/>, plus <paramref name="arguments"/>.</summary>
    internal CommandResult BurnAudioDisc(TestProject project, params string[] arguments) =>
        DotNet.Run(project.Directory, Environment, ["build", "-c", "Release", "-t:BurnAudioDisc", "-v:n", .. DotNet.BuildSwitches, .. arguments]);

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> in <paramref name="directory"/>.</summary>
    internal CommandResult Run(string directory, params string[] arguments) => DotNet.Run(directory, Environment, arguments);

    public void Dispose() => _root.Dispose();

    private static string[] BurnDiscArguments(string[] arguments) =>
        ["build", "-c", "Release", "-t:BurnDisc", "-v:n", .. DotNet.BuildSwitches, .. arguments];
}
