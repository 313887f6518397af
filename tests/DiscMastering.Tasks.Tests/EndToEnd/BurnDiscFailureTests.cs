using System.Diagnostics;
using System.Text.RegularExpressions;

namespace DiscMastering.Tasks.Tests.EndToEnd;

/// <summary>Builds that fail or are canceled: a coded error, and nothing left behind but what was there before.</summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class BurnDiscFailureTests(PackageFeed feed, BuildWorkspace workspace) : IClassFixture<BuildWorkspace>
{
    [Fact]
    public void An_image_over_the_media_capacity_fails_with_a_DM_error_and_leaves_no_image()
    {
        TestProject project = workspace.CreateProject(feed)
            .RandomFile("payload.bin", 2 * 1024 * 1024)
            .Item("DiscFile", "payload.bin")
            .Property("DiscMedia", "1M")
            .Write();

        CommandResult build = workspace.BurnDisc(project).AssertFailed();

        Match error = ToolError().Match(build.Output);
        Assert.True(error.Success, "The build should fail with the tool's DM2xxx error:\n" + build.Output);
        Assert.DoesNotContain("DM0003", build.Output);
        AssertNothingLeft(project);
    }

    [Fact]
    public void A_failed_build_keeps_the_previous_image()
    {
        TestProject project = workspace.CreateProject(feed)
            .RandomFile("payload.bin", 2 * 1024 * 1024)
            .Item("DiscFile", "payload.bin")
            .Write();
        workspace.BurnDisc(project).AssertSucceeded();
        string hash = DiscImageReader.Sha256(project.DefaultImagePath());

        workspace.BurnDisc(project, "-p:DiscMedia=1M").AssertFailed();

        Assert.Equal(hash, DiscImageReader.Sha256(project.DefaultImagePath()));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(project.DefaultImagePath())!, "*.discmaster.tmp"));
    }

    [Fact]
    public void A_missing_DiscFile_fails_with_DM0001()
    {
        TestProject project = workspace.CreateProject(feed)
            .Item("DiscFile", "not-there.txt")
            .Write();

        CommandResult build = workspace.BurnDisc(project).AssertFailed();

        Assert.Contains("error DM0001: The source '" + project.PathOf("not-there.txt") + "' does not exist.", build.Output);
        AssertNothingLeft(project);
    }

    [Fact]
    public void A_DiscSpeed_that_is_not_a_number_fails_with_DM0011_before_the_tool_records()
    {
        TestProject project = workspace.CreateProject(feed).Write();
        string drive = project.PathOf("drive.bin");

        CommandResult build = workspace.BurnDisc(project, "-p:DiscRecorder=stdio:" + drive, "-p:DiscSpeed=fast").AssertFailed();

        Assert.Contains("error DM0011: DiscSpeed is 'fast', which is neither a positive number nor 'max'.", build.Output);
        // Only the task's own check failed: a run of the tool would have reported a code of its own.
        Assert.Equal(["DM0011"], CodedErrorCode().Matches(build.Output).Select(m => m.Groups[1].Value).Distinct());
        Assert.False(File.Exists(drive), "Nothing should have been recorded.");
    }

    [Fact]
    public void A_canceled_build_stops_the_tool_and_leaves_no_image_and_no_temporary_file()
    {
        // Writing 1 GiB takes the tool seconds, long enough to cancel it in the middle.
        TestProject project = workspace.CreateProject(feed)
            .SparseFile("big.bin", 1L << 30)
            .Item("DiscFile", "big.bin")
            .Write();
        string discFolder = Path.GetDirectoryName(project.DefaultImagePath())!;

        CommandResult build;
        using (RunningCommand running = workspace.StartBurnDisc(project))
        {
            var waited = Stopwatch.StartNew();
            while (!Directory.Exists(discFolder) || Directory.GetFiles(discFolder, "*.discmaster.tmp").Length == 0)
            {
                Assert.True(waited.Elapsed < TimeSpan.FromMinutes(5), "The tool never started writing its temporary image.");
                Thread.Sleep(10);
            }

            running.Interrupt();
            build = running.WaitForExit(TimeSpan.FromMinutes(2));
        }

        // The tool reports its own cancel error when it stops on SIGTERM; the task adds DM0004 only when it had to kill it.
        build.AssertFailed();
        Assert.Contains("Attempting to cancel the build", build.Output);
        Assert.True(CodedError().IsMatch(build.Output), "The build should fail with a DM error:\n" + build.Output);
        Assert.DoesNotContain("Mastered '", build.Output);
        AssertNothingLeft(project);
        Assert.Empty(ToolProcessesOf(workspace.PackagesDirectory));
    }

    private static void AssertNothingLeft(TestProject project)
    {
        string image = project.DefaultImagePath();
        Assert.False(File.Exists(image), "A failed build should leave no image.");
        string folder = Path.GetDirectoryName(image)!;
        Assert.True(
            !Directory.Exists(folder) || Directory.GetFiles(folder, "*.discmaster.tmp").Length == 0,
            "A failed build should leave no temporary image: " + string.Join(", ", Directory.Exists(folder) ? Directory.GetFiles(folder) : []));
    }

    /// <summary>Running processes whose command line mentions the discmaster tool from <paramref name="packagesFolder"/>.</summary>
    private static List<int> ToolProcessesOf(string packagesFolder)
    {
        var found = new List<int>();
        foreach (string processFolder in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(processFolder), out int pid))
            {
                continue;
            }

            try
            {
                string commandLine = File.ReadAllText(Path.Combine(processFolder, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains("dotnet-discmaster.dll", StringComparison.Ordinal) && commandLine.Contains(packagesFolder, StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return found;
    }

    [GeneratedRegex(@"error DM2\d{3}: ")]
    private static partial Regex ToolError();

    [GeneratedRegex(@"error DM\d{4}: ")]
    private static partial Regex CodedError();

    [GeneratedRegex(@"error (DM\d{4}): ")]
    private static partial Regex CodedErrorCode();
}
