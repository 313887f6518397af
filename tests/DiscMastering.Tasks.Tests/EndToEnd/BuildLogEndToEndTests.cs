namespace DiscMastering.Tasks.Tests.EndToEnd;

/// <summary>
/// What a user sees of <c>-t:BurnDisc</c> and <c>-t:BurnAudioDisc</c> at the default verbosity: the
/// <c>&lt;project&gt; -&gt; &lt;path&gt;</c> line that says where the image or the cue sheet went, also when nothing
/// changed and the target skipped its work.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class BuildLogEndToEndTests(PackageFeed feed, BuildWorkspace workspace) : IClassFixture<BuildWorkspace>
{
    [Theory]
    [InlineData("")]
    [InlineData("-tl:off")]
    public void The_default_verbosity_shows_where_the_image_went(string loggerSwitch)
    {
        TestProject project = HelloDisc();

        CommandResult build = workspace.BuildAtDefaultVerbosity(project, "BurnDisc", loggerSwitch.Length == 0 ? [] : [loggerSwitch]).AssertSucceeded();

        string image = project.DefaultImagePath();
        Assert.True(File.Exists(image), $"No image at {image}:\n{build.Output}");
        Assert.Contains($"HelloDisc -> {image}", build.Output);
        Assert.Contains($"HelloDisc -> {project.PublishDirectory()}{Path.DirectorySeparatorChar}", build.Output);
    }

    [Fact]
    public void A_second_build_says_mastering_was_skipped_and_still_shows_where_the_image_is()
    {
        TestProject project = HelloDisc();
        workspace.BurnDisc(project).AssertSucceeded();
        string image = project.DefaultImagePath();
        DateTime written = File.GetLastWriteTimeUtc(image);

        CommandResult normal = workspace.BurnDisc(project).AssertSucceeded();
        CommandResult quiet = workspace.BuildAtDefaultVerbosity(project, "BurnDisc").AssertSucceeded();

        Assert.Contains($"Mastering skipped: the image '{image}' is up to date.", normal.Output);
        Assert.Contains($"HelloDisc -> {image}", normal.Output);
        Assert.DoesNotContain("Mastered '", normal.Output);
        Assert.Contains($"HelloDisc -> {image}", quiet.Output);
        Assert.DoesNotContain("Mastering skipped", quiet.Output);
        Assert.Equal(written, File.GetLastWriteTimeUtc(image));
    }

    [Fact]
    public void A_build_that_masters_does_not_say_it_skipped()
    {
        TestProject project = HelloDisc();

        CommandResult build = workspace.BurnDisc(project).AssertSucceeded();

        Assert.Contains("Mastered '", build.Output);
        Assert.DoesNotContain("Mastering skipped", build.Output);
        Assert.Contains($"HelloDisc -> {project.DefaultImagePath()}", build.Output);
    }

    [Fact]
    public void BurnAudioDisc_shows_where_the_cue_sheet_went_and_when_it_skipped_writing()
    {
        TestProject project = workspace.CreateProject(feed)
            .Item("DiscAudioTrack", "audio/01-intro.wav")
            .Write();
        WavFile.WriteSilence(project.PathOf("audio/01-intro.wav"), 4);
        string cue = Path.Combine(project.Directory, "bin", "Release", "net10.0", "disc", project.Name + ".cue");

        CommandResult first = workspace.BuildAtDefaultVerbosity(project, "BurnAudioDisc").AssertSucceeded();
        CommandResult second = workspace.BurnAudioDisc(project).AssertSucceeded();

        Assert.Contains($"HelloDisc -> {cue}", first.Output);
        Assert.Contains($"HelloDisc -> {cue}", second.Output);
        Assert.Contains($"Writing the audio disc skipped: the cue sheet '{cue}' and its bin are up to date.", second.Output);
    }

    private TestProject HelloDisc() => workspace.CreateProject(feed)
        .File("autorun.inf", "[autorun]\r\nopen=HelloDisc.exe\r\n")
        .Item("DiscFile", "autorun.inf")
        .Write();
}
