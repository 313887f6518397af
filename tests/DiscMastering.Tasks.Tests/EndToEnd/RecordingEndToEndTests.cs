using System.Text.RegularExpressions;

namespace DiscMastering.Tasks.Tests.EndToEnd;

/// <summary>
/// <c>dotnet build -c Release -t:BurnDisc -p:DiscRecorder=stdio:...</c>: the image recorded to libburn's pseudo-drive,
/// a regular file, and recorded again by every build, whether or not the image had to be mastered again.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class RecordingEndToEndTests(PackageFeed feed, BuildWorkspace workspace) : IClassFixture<BuildWorkspace>
{
    private const string Mastered = "Mastered '";
    private const string MasterSkipped = "Skipping target \"_DiscMasteringMaster\" because all output files are up-to-date";

    [Fact]
    public void DiscRecorder_records_the_image_and_a_second_build_records_it_again_without_mastering()
    {
        TestProject project = workspace.CreateProject(feed)
            .RandomFile("payload.bin", 300 * 1024)
            .Item("DiscFile", "payload.bin")
            .Write();
        string drive = Path.Combine(workspace.NewFolder(), "drive.bin");
        string recorder = "stdio:" + drive;
        string image = project.DefaultImagePath();

        CommandResult first = workspace.BurnDisc(project, "-p:DiscRecorder=" + recorder).AssertSucceeded();

        Assert.Contains(Mastered, first.Output);
        AssertRecorded(first, image, drive, recorder);
        DateTime mastered = File.GetLastWriteTimeUtc(image);
        string hash = DiscImageReader.Sha256(image);
        File.Delete(drive);

        CommandResult second = workspace.BurnDisc(project, "-p:DiscRecorder=" + recorder).AssertSucceeded();

        Assert.Contains(MasterSkipped, second.Output);
        Assert.DoesNotContain(Mastered, second.Output);
        Assert.Equal(mastered, File.GetLastWriteTimeUtc(image));
        Assert.Equal(hash, DiscImageReader.Sha256(image));
        AssertRecorded(second, image, drive, recorder);
    }

    /// <summary>The drive file starts with the image's bytes, and the build said where the image went.</summary>
    private static void AssertRecorded(CommandResult build, string image, string drive, string recorder)
    {
        Assert.True(File.Exists(drive), $"Nothing was recorded to {drive}:\n{build.Output}");
        byte[] expected = File.ReadAllBytes(image);
        byte[] recorded = File.ReadAllBytes(drive);
        Assert.True(recorded.Length >= expected.Length, $"{drive} holds {recorded.Length} bytes, fewer than the image's {expected.Length}.");
        Assert.True(expected.AsSpan().SequenceEqual(recorded.AsSpan(0, expected.Length)), $"{drive} does not start with the image's bytes.");
        Assert.True(
            Regex.IsMatch(build.Output, "Recorded .*" + Regex.Escape(recorder)),
            $"No 'Recorded ... {recorder}' message in:\n{build.Output}");
        Assert.DoesNotContain("error DM", build.Output);
    }
}
