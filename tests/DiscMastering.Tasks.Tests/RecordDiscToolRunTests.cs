using System.Diagnostics;
using DiscMastering.Tasks.Tests.TestUtilities;
using Microsoft.Build.Framework;
using Task = System.Threading.Tasks.Task;

namespace DiscMastering.Tasks.Tests;

/// <summary>
/// RecordDisc running a tool: shell scripts run by /bin/sh in place of the <c>dotnet</c> host stand in for the
/// discmaster <c>burn</c> command, so that each outcome (a recording, a coded error, a crash, a cancel) can be staged.
/// </summary>
public sealed class RecordDiscToolRunTests : IDisposable
{
    private const string Drive = "stdio:/x/disc.bin";

    private readonly TempDirectory _temp = new("dm-record-run-");
    private readonly MockEngine _engine = new();
    private readonly string _image;

    public RecordDiscToolRunTests()
    {
        _image = _temp.WriteFile(Path.Combine("disc", "app.iso"), "image");
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_recording_logs_the_tools_summary_once_and_throttles_recording_events()
    {
        string arguments = _temp.Combine("arguments.rsp");
        RecordDisc task = CreateTask($$"""
            cp "${1#@}" '{{arguments}}'
            echo '{"event":"recording","phase":"preparing","blocksDone":0,"blocksTotal":0,"track":1,"tracks":1}'
            i=0
            while [ $i -lt 1000 ]; do
              echo "{\"event\":\"recording\",\"phase\":\"writing\",\"blocksDone\":$i,\"blocksTotal\":1000,\"track\":1,\"tracks\":1}"
              i=$((i + 1))
            done
            echo '{"event":"recording","phase":"closing","blocksDone":1000,"blocksTotal":1000,"track":1,"tracks":1}'
            echo '{"event":"recording","phase":"verifying","blocksDone":500,"blocksTotal":1000,"track":1,"tracks":1}'
            echo '{"event":"recorded","recorder":"{{Drive}}","blocks":1000,"bytes":2048000,"simulated":false,"verified":true,"seconds":0.5,"message":"Recorded 2.0 MiB (1000 blocks) to {{Drive}} in 0.5 s"}'
            """);
        task.Verify = true;
        task.Speed = "4";

        Assert.True(task.Execute(), _engine.Log);

        Assert.Empty(_engine.Errors);
        Assert.Empty(_engine.Warnings);
        BuildMessageEventArgs summary = Assert.Single(_engine.Messages, m => m.Importance <= MessageImportance.Normal);
        Assert.Equal($"Recorded 2.0 MiB (1000 blocks) to {Drive} in 0.5 s", summary.Message);
        List<string> progress = _engine.Messages.Select(m => m.Message!).Where(m => m.StartsWith("Disc recording, ", StringComparison.Ordinal)).ToList();
        Assert.InRange(progress.Count(m => m.StartsWith("Disc recording, writing", StringComparison.Ordinal)), 100, 101);
        Assert.Equal(3, progress.Count(m => !m.StartsWith("Disc recording, writing", StringComparison.Ordinal)));
        Assert.Contains(ResourceText.Format(Resources.RecordingProgress, "writing", 1.0, 1.0, 500.0, 1000.0), progress);
        Assert.All(_engine.Messages.Where(m => m != summary), m => Assert.Equal(MessageImportance.Low, m.Importance));
        Assert.Equal(Drive, task.Recorded);

        Assert.Equal(
            ["burn", _image, "--recorder", Drive, "--verify", "--speed", "4", "--progress", "json"],
            File.ReadAllLines(arguments));
        Assert.Equal(task.ToolArguments, File.ReadAllLines(arguments));
    }

    [Fact]
    public void A_summary_without_a_message_is_told_by_the_task()
    {
        RecordDisc task = CreateTask("""
            echo '{"event":"recorded","blocks":600,"bytes":1228800,"simulated":true,"verified":false,"seconds":1.25}'
            """);

        Assert.True(task.Execute(), _engine.Log);

        BuildMessageEventArgs summary = Assert.Single(_engine.Messages, m => m.Importance <= MessageImportance.Normal);
        Assert.Equal(ResourceText.Format(Resources.Recorded, _image, Drive, 600.0, 1.25), summary.Message);
        Assert.Equal(Drive, task.Recorded);
    }

    [Theory]
    [InlineData("DM3001", "libburn is not installed.")]
    [InlineData("DM3002", "no recorder answers at stdio:/x/disc.bin.")]
    [InlineData("DM3004", "the recorder has no media in it.")]
    [InlineData("DM3007", "block 12 differs from the image.")]
    [InlineData("DM2008", "the image needs 900 MiB but the media holds 700 MiB.")]
    public void A_coded_error_line_becomes_a_build_error_with_its_code(string code, string message)
    {
        RecordDisc task = CreateTask($$"""
            echo '{"event":"recording","phase":"preparing","blocksDone":0,"blocksTotal":0,"track":1,"tracks":1}'
            echo 'discmaster : error {{code}}: {{message}}' >&2
            exit 1
            """);

        Assert.False(task.Execute());

        BuildErrorEventArgs error = Assert.Single(_engine.Errors);
        Assert.Equal(code, error.Code);
        Assert.Equal(message, error.Message);
        Assert.Null(task.Recorded);
    }

    [Fact]
    public void A_crash_is_DM0003_with_the_last_output()
    {
        RecordDisc task = CreateTask("""
            echo 'Unhandled exception. System.InvalidOperationException: boom' >&2
            exit 134
            """);

        Assert.False(task.Execute());

        ResourceText.AssertSingleError(
            _engine, Resources.RecordingFailed, 134, _image, Drive, "Unhandled exception. System.InvalidOperationException: boom");
        Assert.Null(task.Recorded);
    }

    [Fact]
    public void Exit_130_with_the_tools_own_cancel_error_is_that_error_alone()
    {
        RecordDisc task = CreateTask("""
            echo 'discmaster : error DM1008: Cancelled.' >&2
            exit 130
            """);

        Assert.False(task.Execute());

        Assert.Equal("DM1008", Assert.Single(_engine.Errors).Code);
    }

    [Fact]
    public async Task Cancel_asks_the_tool_to_stop_and_its_own_cancel_error_is_the_only_one()
    {
        string started = _temp.Combine("started");
        RecordDisc task = CreateTask($$"""
            trap 'kill $child 2>/dev/null; echo "discmaster : error DM1008: Cancelled while recording." >&2; exit 130' TERM
            touch '{{started}}'
            sleep 60 &
            child=$!
            wait $child
            """);

        Task<bool> run = Task.Run(task.Execute);
        await FakeToolRun.WaitUntilAsync(() => File.Exists(started));
        var stopwatch = Stopwatch.StartNew();
        FakeToolRun.CancelFromManyThreads(task);
        bool succeeded = await run;
        stopwatch.Stop();

        Assert.False(succeeded);
        BuildErrorEventArgs error = Assert.Single(_engine.Errors);
        Assert.Equal("DM1008", error.Code);
        Assert.True(stopwatch.ElapsedMilliseconds < 4000, $"The tool took {stopwatch.ElapsedMilliseconds} ms to stop; it should have stopped on SIGTERM.");
        Assert.Null(task.Recorded);
    }

    [Fact]
    public async Task Cancel_of_a_tool_that_exits_130_without_a_word_is_DM0004()
    {
        string started = _temp.Combine("started");
        RecordDisc task = CreateTask($$"""
            trap 'kill $child 2>/dev/null; exit 130' TERM
            touch '{{started}}'
            sleep 60 &
            child=$!
            wait $child
            """);

        Task<bool> run = Task.Run(task.Execute);
        await FakeToolRun.WaitUntilAsync(() => File.Exists(started));
        FakeToolRun.CancelFromManyThreads(task);

        Assert.False(await run);
        ResourceText.AssertSingleError(_engine, Resources.RecordingCanceled, _image, Drive);
    }

    [Fact]
    public void A_task_canceled_before_it_ran_never_starts_the_tool()
    {
        string started = _temp.Combine("started");
        RecordDisc task = CreateTask($$"""
            touch '{{started}}'
            """);

        FakeToolRun.CancelFromManyThreads(task);
        Assert.False(task.Execute());

        ResourceText.AssertSingleError(_engine, Resources.RecordingCanceled, _image, Drive);
        Assert.False(File.Exists(started));
    }

    /// <summary>A task whose "dotnet host" is /bin/sh and whose "tool" is <paramref name="script"/>.</summary>
    private RecordDisc CreateTask(string script)
    {
        Assert.True(File.Exists("/bin/sh"), "These tests stage the tool as a /bin/sh script; they need a POSIX shell.");
        return new RecordDisc
        {
            BuildEngine = _engine,
            ImagePath = _image,
            Recorder = Drive,
            ToolAssemblyPath = _temp.WriteFile("fake-discmaster.sh", script.ReplaceLineEndings("\n") + "\n"),
            DotNetHostPath = "/bin/sh",
        };
    }
}
