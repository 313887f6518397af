using System.Text.RegularExpressions;

namespace DiscMastering.Tasks.Tests.EndToEnd;

/// <summary>
/// <c>dotnet build -c Release -t:BurnDisc</c> on generated console apps that reference the packed package: what the
/// image holds, when it is mastered again and when not, and how it lives with Build and Clean.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class BurnDiscEndToEndTests(PackageFeed feed, BuildWorkspace workspace) : IClassFixture<BuildWorkspace>
{
    private const string Mastered = "Mastered '";
    private const string MasterSkipped = "Skipping target \"_DiscMasteringMaster\" because all output files are up-to-date";

    [Fact]
    public void The_image_holds_exactly_the_publish_folder_and_the_DiscFile_items()
    {
        TestProject project = workspace.CreateProject(feed, "Hello.Disc-Installer2026")
            .File("autorun.inf", "[autorun]\r\nopen=Hello.Disc-Installer2026.exe\r\n")
            .File("docs-source/readme.txt", "Read me.\n")
            .File("extras/a.txt", "a\n")
            .File("extras/sub/b.txt", "b\n")
            .File("config/settings.json", "{ \"greeting\": \"hello\" }\n")
            .File("notes/été 2026.txt", "Notes d'été.\n")
            .Item("None", "config/settings.json", ("CopyToPublishDirectory", "PreserveNewest"))
            .Item("DiscFile", "autorun.inf")
            .Item("DiscFile", "docs-source/readme.txt", ("TargetPath", "docs/readme.txt"), ("Mode", "640"))
            .Item("DiscFile", "extras/**", ("TargetPath", "extras/%(RecursiveDir)"))
            .Item("DiscFile", "notes/été 2026.txt", ("TargetPath", "docs/Notes d'été 2026.txt"), ("Mode", "0755"))
            .Write();

        CommandResult build = workspace.BurnDisc(project).AssertSucceeded();

        string image = project.DefaultImagePath();
        Assert.True(File.Exists(Path.Combine(project.PublishDirectory(), "config", "settings.json")), "The publish folder should have a subfolder.");
        IReadOnlyList<DiscImageEntry> expected = DiscImageReader.Expected(
            project.PublishDirectory(),
            ("autorun.inf", project.PathOf("autorun.inf")),
            ("docs/readme.txt", project.PathOf("docs-source/readme.txt")),
            ("docs/Notes d'été 2026.txt", project.PathOf("notes/été 2026.txt")),
            ("extras/a.txt", project.PathOf("extras/a.txt")),
            ("extras/sub/b.txt", project.PathOf("extras/sub/b.txt")));
        JolietListing joliet = DiscImageReader.ReadWithPycdlib(image);
        Assert.Equal(expected, joliet.Files);
        Assert.Equal(expected.Select(e => e.WithoutHash()), DiscImageReader.ReadWith7z(image));
        Assert.Equal(expected.Select(e => e.WithoutHash()), DiscImageReader.ReadWithXorriso(image));
        Assert.Equal("HELLO_DISC_INSTA", joliet.JolietVolume);

        // Rock Ridge: the Mode metadata wins, the apphost (ELF or Mach-O off Windows) is a program, the rest read-only.
        IReadOnlyDictionary<string, string> modes = DiscImageReader.ReadRockRidgeModesWithXorriso(image);
        Assert.Equal("-rw-r-----", modes["docs/readme.txt"]);
        Assert.Equal("-rwxr-xr-x", modes["docs/Notes d'été 2026.txt"]);
        Assert.Equal("-r--r--r--", modes["autorun.inf"]);
        Assert.Equal("dr-xr-xr-x", modes["docs"]);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal("-r-xr-xr-x", modes["Hello.Disc-Installer2026"]);
        }

        // The summary at normal importance: config, docs, extras and extras/sub are the folders.
        string summary = Regex.Escape($"Mastered '{image}': {expected.Count} files in 4 folders, ") + @"\d+\.\d MiB in \d+\.\d\d s \(\d+\.\d MiB/s\)\.";
        Assert.True(Regex.IsMatch(build.Output, summary), "No summary line like " + summary + " in:\n" + build.Output);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(image)!, "*.discmaster.tmp"));
    }

    [Fact]
    public void A_second_build_with_nothing_changed_leaves_the_image_untouched()
    {
        TestProject project = HelloDisc();
        workspace.BurnDisc(project).AssertSucceeded();
        string image = project.DefaultImagePath();
        DateTime written = File.GetLastWriteTimeUtc(image);
        string hash = DiscImageReader.Sha256(image);

        CommandResult second = workspace.BurnDisc(project).AssertSucceeded();

        Assert.Contains(MasterSkipped, second.Output);
        Assert.DoesNotContain(Mastered, second.Output);
        Assert.Equal(written, File.GetLastWriteTimeUtc(image));
        Assert.Equal(hash, DiscImageReader.Sha256(image));
    }

    [Fact]
    public void Changing_a_DiscFile_masters_again()
    {
        TestProject project = HelloDisc();
        workspace.BurnDisc(project).AssertSucceeded();

        File.WriteAllText(project.PathOf("autorun.inf"), "[autorun]\r\nlabel=Changed\r\n");
        CommandResult second = workspace.BurnDisc(project).AssertSucceeded();

        Assert.Contains(Mastered, second.Output);
        DiscImageEntry autorun = Assert.Single(DiscImageReader.ReadWithPycdlib(project.DefaultImagePath()).Files, f => f.Path == "autorun.inf");
        Assert.Equal(DiscImageReader.Sha256(project.PathOf("autorun.inf")), autorun.Sha256);
    }

    [Fact]
    public void A_file_replaced_by_one_with_an_older_timestamp_masters_again()
    {
        // As when a package update copies in an assembly that carries the package's own, older date.
        TestProject project = HelloDisc();
        workspace.BurnDisc(project).AssertSucceeded();

        File.WriteAllText(project.PathOf("autorun.inf"), "[autorun]\r\nlabel=Older\r\n");
        File.SetLastWriteTimeUtc(project.PathOf("autorun.inf"), new DateTime(2019, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        CommandResult second = workspace.BurnDisc(project).AssertSucceeded();

        Assert.Contains(Mastered, second.Output);
        DiscImageEntry autorun = Assert.Single(DiscImageReader.ReadWithPycdlib(project.DefaultImagePath()).Files, f => f.Path == "autorun.inf");
        Assert.Equal(DiscImageReader.Sha256(project.PathOf("autorun.inf")), autorun.Sha256);
    }

    [Fact]
    public void Changing_the_program_masters_again_with_the_new_build()
    {
        TestProject project = HelloDisc();
        workspace.BurnDisc(project).AssertSucceeded();

        File.WriteAllText(project.PathOf("Program.cs"), "Console.WriteLine(\"Hello again, from a changed program.\");\n");
        CommandResult second = workspace.BurnDisc(project).AssertSucceeded();

        Assert.Contains(Mastered, second.Output);
        DiscImageEntry dll = Assert.Single(DiscImageReader.ReadWithPycdlib(project.DefaultImagePath()).Files, f => f.Path == "HelloDisc.dll");
        Assert.Equal(DiscImageReader.Sha256(Path.Combine(project.PublishDirectory(), "HelloDisc.dll")), dll.Sha256);
    }

    [Fact]
    public void Changing_a_property_that_shapes_the_image_masters_again_once()
    {
        TestProject project = HelloDisc();
        workspace.BurnDisc(project).AssertSucceeded();
        Assert.Equal("HELLODISC", DiscImageReader.ReadWithPycdlib(project.DefaultImagePath()).JolietVolume);

        CommandResult relabeled = workspace.BurnDisc(project, "-p:DiscVolumeLabel=RENAMED").AssertSucceeded();
        CommandResult again = workspace.BurnDisc(project, "-p:DiscVolumeLabel=RENAMED").AssertSucceeded();

        Assert.Contains(Mastered, relabeled.Output);
        Assert.Equal("RENAMED", DiscImageReader.ReadWithPycdlib(project.DefaultImagePath()).JolietVolume);
        Assert.Contains(MasterSkipped, again.Output);
    }

    [Fact]
    public void Removing_a_DiscFile_masters_again_without_it()
    {
        TestProject project = workspace.CreateProject(feed)
            .File("a.txt", "a\n")
            .File("b.txt", "b\n")
            .Item("DiscFile", "a.txt")
            .Item("DiscFile", "b.txt")
            .Write();
        workspace.BurnDisc(project).AssertSucceeded();
        Assert.Contains(DiscImageReader.ReadWithPycdlib(project.DefaultImagePath()).Files, f => f.Path == "b.txt");

        File.WriteAllText(
            project.ProjectFile,
            File.ReadAllText(project.ProjectFile).Replace("<DiscFile Include=\"b.txt\" />", "", StringComparison.Ordinal));
        CommandResult second = workspace.BurnDisc(project).AssertSucceeded();

        Assert.Contains(Mastered, second.Output);
        IReadOnlyList<DiscImageEntry> files = DiscImageReader.ReadWithPycdlib(project.DefaultImagePath()).Files;
        Assert.Contains(files, f => f.Path == "a.txt");
        Assert.DoesNotContain(files, f => f.Path == "b.txt");
    }

    [Fact]
    public void A_plain_build_keeps_the_image_and_Clean_deletes_it()
    {
        TestProject project = HelloDisc();
        workspace.BurnDisc(project).AssertSucceeded();
        string image = project.DefaultImagePath();

        workspace.Run(project.Directory, ["build", "-c", "Release", .. DotNet.BuildSwitches]).AssertSucceeded();
        Assert.True(File.Exists(image), "A build without -t:BurnDisc should leave the image alone.");

        workspace.Run(project.Directory, ["clean", "-c", "Release", .. DotNet.BuildSwitches]).AssertSucceeded();
        Assert.False(File.Exists(image), "Clean should delete the image.");
    }

    [Fact]
    public void DiscSourceDir_masters_that_folder_without_publishing()
    {
        TestProject project = workspace.CreateProject(feed)
            .File("payload/setup.txt", "setup\n")
            .File("payload/data/blob.bin", "blob\n")
            .File("autorun.inf", "[autorun]\r\n")
            .Property("DiscSourceDir", "payload")
            .Item("DiscFile", "autorun.inf")
            .Write();

        workspace.BurnDisc(project).AssertSucceeded();

        Assert.False(Directory.Exists(project.PublishDirectory()), "With DiscSourceDir set, BurnDisc should not publish.");
        Assert.Equal(
            DiscImageReader.Expected(project.PathOf("payload"), ("autorun.inf", project.PathOf("autorun.inf"))),
            DiscImageReader.ReadWithPycdlib(project.DefaultImagePath()).Files);
    }

    [Fact]
    public void DiscSkip_skips_everything()
    {
        TestProject project = HelloDisc();

        workspace.BurnDisc(project, "-p:DiscSkip=true").AssertSucceeded();

        Assert.False(File.Exists(project.DefaultImagePath()));
        Assert.False(Directory.Exists(project.PublishDirectory()));
    }

    [Fact]
    public void DiscImagePath_puts_the_image_elsewhere()
    {
        TestProject project = HelloDisc();
        string image = Path.Combine(workspace.NewFolder(), "out", "custom name.iso");

        workspace.BurnDisc(project, "-p:DiscImagePath=" + image).AssertSucceeded();

        Assert.True(File.Exists(image));
        Assert.False(File.Exists(project.DefaultImagePath()));
        Assert.Contains(DiscImageReader.ReadWith7z(image), f => f.Path == "autorun.inf");
    }

    private TestProject HelloDisc() => workspace.CreateProject(feed)
        .File("autorun.inf", "[autorun]\r\nopen=HelloDisc.exe\r\n")
        .Item("DiscFile", "autorun.inf")
        .Write();
}
