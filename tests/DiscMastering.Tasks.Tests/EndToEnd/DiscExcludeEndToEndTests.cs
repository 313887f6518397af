namespace DiscMastering.Tasks.Tests.EndToEnd;

/// <summary>
/// <c>DiscExclude</c> items as users write them: <c>&lt;DiscExclude Include="**/*.pdb" /&gt;</c> leaves every .pdb off
/// the disc, whether MSBuild found no .pdb in the project folder when it read the project (a first build, where the
/// wildcard item vanishes) or expanded the wildcard into the project folder's files (every later build).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class DiscExcludeEndToEndTests(PackageFeed feed, BuildWorkspace workspace) : IClassFixture<BuildWorkspace>
{
    private const string Mastered = "Mastered '";

    [Fact]
    public void Star_star_pdb_leaves_every_pdb_off_the_disc_on_the_first_build_and_the_next()
    {
        TestProject project = workspace.CreateProject(feed)
            .File("autorun.inf", "[autorun]\r\n")
            .File("symbols/extra.pdb", "not really a pdb\n")
            .Item("DiscFile", "autorun.inf")
            .Item("DiscFile", "symbols/extra.pdb", ("TargetPath", "symbols/extra.pdb"))
            .Item("DiscExclude", "**/*.pdb")
            .Write();

        workspace.BurnDisc(project).AssertSucceeded();

        string publish = project.PublishDirectory();
        Assert.NotEmpty(Directory.GetFiles(publish, "*.pdb", SearchOption.AllDirectories));
        AssertImageHoldsThePublishFolderWithoutPdbs(project);

        // Now the project folder has .pdb files (bin/, obj/, symbols/), which MSBuild expands the wildcard into.
        File.WriteAllText(project.PathOf("Program.cs"), "Console.WriteLine(\"Changed.\");\n");
        CommandResult second = workspace.BurnDisc(project).AssertSucceeded();

        Assert.Contains(Mastered, second.Output);
        AssertImageHoldsThePublishFolderWithoutPdbs(project);
    }

    [Fact]
    public void An_escaped_pattern_and_a_folder_pattern_leave_those_paths_off_the_disc()
    {
        TestProject project = workspace.CreateProject(feed)
            .File("extras/keep.txt", "keep\n")
            .File("extras/drafts/a.txt", "a\n")
            .File("extras/drafts/b.txt", "b\n")
            .Item("DiscFile", "extras/**", ("TargetPath", "extras/%(RecursiveDir)"))
            .Item("DiscExclude", "%2A%2A/%2A.pdb;extras/drafts/")
            .Write();

        workspace.BurnDisc(project).AssertSucceeded();

        IReadOnlyList<DiscImageEntry> files = DiscImageReader.ReadWithPycdlib(project.DefaultImagePath()).Files;
        Assert.Contains(files, f => f.Path == "extras/keep.txt");
        Assert.DoesNotContain(files, f => f.Path.StartsWith("extras/drafts", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.Path.EndsWith(".pdb", StringComparison.Ordinal));
    }

    [Fact]
    public void Removing_the_DiscExclude_masters_again_with_the_pdbs()
    {
        TestProject project = workspace.CreateProject(feed)
            .Item("DiscExclude", "**/*.pdb")
            .Write();
        workspace.BurnDisc(project).AssertSucceeded();
        Assert.DoesNotContain(DiscImageReader.ReadWithPycdlib(project.DefaultImagePath()).Files, f => f.Path.EndsWith(".pdb", StringComparison.Ordinal));

        File.WriteAllText(
            project.ProjectFile,
            File.ReadAllText(project.ProjectFile).Replace("<DiscExclude Include=\"**/*.pdb\" />", "", StringComparison.Ordinal));
        CommandResult second = workspace.BurnDisc(project).AssertSucceeded();

        Assert.Contains(Mastered, second.Output);
        Assert.Contains(DiscImageReader.ReadWithPycdlib(project.DefaultImagePath()).Files, f => f.Path == "HelloDisc.pdb");
    }

    private static void AssertImageHoldsThePublishFolderWithoutPdbs(TestProject project)
    {
        string image = project.DefaultImagePath();
        IReadOnlyList<DiscImageEntry> expected =
        [
            .. DiscImageReader.Expected(project.PublishDirectory(), ("autorun.inf", project.PathOf("autorun.inf")))
                .Where(e => !e.Path.EndsWith(".pdb", StringComparison.Ordinal)),
        ];
        Assert.Equal(expected, DiscImageReader.ReadWithPycdlib(image).Files);
        Assert.Equal(expected.Select(e => e.WithoutHash()), DiscImageReader.ReadWith7z(image));
    }
}
