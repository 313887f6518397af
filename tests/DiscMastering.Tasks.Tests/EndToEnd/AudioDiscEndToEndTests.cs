using System.Text.RegularExpressions;

namespace DiscMastering.Tasks.Tests.EndToEnd;

/// <summary>
/// <c>dotnet build -c Release -t:BurnAudioDisc</c> on generated projects with <c>DiscAudioTrack</c> WAV items: the cue
/// sheet and bin it writes, when it writes them again, and the error without tracks.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class AudioDiscEndToEndTests(PackageFeed feed, BuildWorkspace workspace) : IClassFixture<BuildWorkspace>
{
    private const string WriteSkipped = "Skipping target \"_DiscMasteringAudioMaster\" because all output files are up-to-date";

    [Fact]
    public void Two_tracks_make_a_cue_with_two_audio_tracks_and_a_second_build_writes_nothing()
    {
        TestProject project = workspace.CreateProject(feed)
            .Item("DiscAudioTrack", "audio/01-intro.wav", ("Title", "Intro"))
            .Item("DiscAudioTrack", "audio/02-outro.wav", ("Title", "Outro"))
            .Property("DiscAudioTitle", "Silence")
            .Write();
        WavFile.WriteSilence(project.PathOf("audio/01-intro.wav"), 4);
        WavFile.WriteSilence(project.PathOf("audio/02-outro.wav"), 5);
        string cue = DefaultCuePath(project);
        string bin = Path.ChangeExtension(cue, ".bin");

        CommandResult first = workspace.BurnAudioDisc(project).AssertSucceeded();

        Assert.True(File.Exists(cue), $"No cue sheet at {cue}:\n{first.Output}");
        Assert.True(File.Exists(bin), $"No bin at {bin}:\n{first.Output}");
        Assert.Equal(2, AudioTrackLine().Matches(File.ReadAllText(cue)).Count);
        Assert.DoesNotContain("error DM", first.Output);
        Assert.False(Directory.Exists(project.PublishDirectory()), "BurnAudioDisc should not publish the app.");
        DateTime written = File.GetLastWriteTimeUtc(bin);

        CommandResult second = workspace.BurnAudioDisc(project).AssertSucceeded();

        Assert.Contains(WriteSkipped, second.Output);
        Assert.Equal(written, File.GetLastWriteTimeUtc(bin));
    }

    [Fact]
    public void No_DiscAudioTrack_items_fail_with_DM0012()
    {
        TestProject project = workspace.CreateProject(feed).Write();

        CommandResult build = workspace.BurnAudioDisc(project).AssertFailed();

        Assert.Contains("error DM0012: BurnAudioDisc has no tracks. Add the WAV files to the disc, in order, as DiscAudioTrack items", build.Output);
        Assert.Equal(["DM0012"], CodedErrorCode().Matches(build.Output).Select(m => m.Groups[1].Value).Distinct());
        Assert.False(File.Exists(DefaultCuePath(project)), "A failed build should leave no cue sheet.");
    }

    private static string DefaultCuePath(TestProject project) =>
        Path.Combine(project.Directory, "bin", "Release", "net10.0", "disc", project.Name + ".cue");

    [GeneratedRegex(@"^\s*TRACK \d{2} AUDIO\s*$", RegexOptions.Multiline)]
    private static partial Regex AudioTrackLine();

    [GeneratedRegex(@"error (DM\d{4}): ")]
    private static partial Regex CodedErrorCode();
}
