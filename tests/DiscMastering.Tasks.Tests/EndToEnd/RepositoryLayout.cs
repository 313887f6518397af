using System.Reflection;

namespace DiscMastering.Tasks.Tests.EndToEnd;

/// <summary>Where the repository these tests were built from is (stamped into the test assembly at build time).</summary>
internal static class RepositoryLayout
{
    /// <summary>The repository's root folder.</summary>
    public static string Root { get; } = typeof(RepositoryLayout).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value
        ?? throw new InvalidOperationException("The test assembly lacks its RepositoryRoot metadata.");

    /// <summary>The HelloInstaller sample's folder.</summary>
    public static string HelloInstallerSample => Path.Combine(Root, "samples", "HelloInstaller");
}
