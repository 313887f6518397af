namespace DiscMastering.Tasks.Tests.EndToEnd;

/// <summary>
/// A project with several TargetFrameworks: NuGet imports buildMultiTargeting/ into its outer build, which has no
/// Publish of its own, so BurnDisc there masters one inner build's publish output.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class MultiTargetingTests(PackageFeed feed, BuildWorkspace workspace) : IClassFixture<BuildWorkspace>
{
    [Fact]
    public void The_outer_build_masters_the_first_target_framework_or_DiscTargetFramework()
    {
        TestProject project = workspace.CreateProject(feed, "HelloLibrary")
            .WithoutProperty("TargetFramework")
            .Property("TargetFrameworks", "net10.0;netstandard2.0")
            .Property("OutputType", "Library")
            .WithoutProperty("ImplicitUsings")
            .WithoutProperty("Nullable")
            .File("Greeter.cs", "namespace HelloLibrary { public static class Greeter { public static string Greet() => \"Hello\"; } }\n")
            .Write();

        workspace.BurnDisc(project).AssertSucceeded();

        Assert.Equal(
            DiscImageReader.Expected(project.PublishDirectory("net10.0")),
            DiscImageReader.ReadWithPycdlib(project.DefaultImagePath("net10.0")).Files);
        Assert.False(File.Exists(project.DefaultImagePath("netstandard2.0")));

        workspace.BurnDisc(project, "-p:DiscTargetFramework=netstandard2.0").AssertSucceeded();

        Assert.Equal(
            DiscImageReader.Expected(project.PublishDirectory("netstandard2.0")),
            DiscImageReader.ReadWithPycdlib(project.DefaultImagePath("netstandard2.0")).Files);

        CommandResult unknown = workspace.BurnDisc(project, "-p:DiscTargetFramework=net48").AssertFailed();
        Assert.Contains("error DM0009: DiscTargetFramework 'net48' is not one of this project's TargetFrameworks", unknown.Output);
    }
}
