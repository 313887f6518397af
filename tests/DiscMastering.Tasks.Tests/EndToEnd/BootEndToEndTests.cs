namespace DiscMastering.Tasks.Tests.EndToEnd;

/// <summary><c>DiscBiosBoot</c> and <c>DiscBootLoadSize</c> make the BurnDisc image bootable; a wrong boot path fails the build with the tool's code.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class BootEndToEndTests(PackageFeed feed, BuildWorkspace workspace) : IClassFixture<BuildWorkspace>
{
    [Fact]
    public void DiscBiosBoot_names_a_DiscFile_as_the_El_Torito_boot_image()
    {
        TestProject project = workspace.CreateProject(feed)
            .RandomFile("loader/eltorito.img", 4096)
            .Item("DiscFile", "loader/eltorito.img", ("TargetPath", "boot/grub/i386-pc/"))
            .Property("DiscBiosBoot", "boot/grub/i386-pc/eltorito.img")
            .Property("DiscBootLoadSize", "8")
            .Write();

        workspace.BurnDisc(project).AssertSucceeded();

        string report = ExternalTool.Xorriso.RunChecked(["-indev", project.DefaultImagePath(), "-report_el_torito", "plain"]).StdOut;
        Assert.Matches(@"El Torito boot img :\s+1\s+BIOS\s+y\s+none\s+0x0000\s+0x00\s+8\s+\d+", report);
        Assert.Matches(@"El Torito img path :\s+1\s+/boot/grub/i386-pc/eltorito.img", report);
        Assert.Contains("El Torito cat path : /boot.catalog", report);
    }

    [Fact]
    public void A_boot_path_not_on_the_disc_fails_the_build_with_DM2030()
    {
        TestProject project = workspace.CreateProject(feed)
            .Property("DiscBiosBoot", "boot/missing.img")
            .Write();

        CommandResult result = workspace.BurnDisc(project).AssertFailed();

        Assert.Contains("error DM2030", result.Output);
        Assert.False(File.Exists(project.DefaultImagePath()));
    }
}
