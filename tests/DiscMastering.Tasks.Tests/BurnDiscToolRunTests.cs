using System.Diagnostics;
using DiscMastering.Tasks.Tests.TestUtilities;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Task = System.Threading.Tasks.Task;

namespace DiscMastering.Tasks.Tests;

/// <summary>
/// The task running a tool: fake tools, shell scripts run by /bin/sh in place of the <c>dotnet</c> host, stand in
/// for discmaster so that every outcome (success, a coded error, a crash, a cancel it obeys or ignores) can be
/// staged on purpose.
/// </summary>
public sealed class BurnDiscToolRunTests : IDisposable
{
    private readonly TempDirectory _temp = new("dm-run-");
    private readonly MockEngine _engine = new();
    private readonly string _publish;
    private readonly string _image;

    public BurnDiscToolRunTests()
    {
        _publish = Directory.CreateDirectory(_temp.Combine("publish")).FullName;
        _temp.WriteFile(Path.Combine("publish", "app.dll"), "app");
        _image = _temp.Combine("disc", "app.iso");
        Directory.CreateDirectory(Path.GetDirectoryName(_image)!);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_successful_run_logs_the_summary_once_and_throttles_progress()
    {
        string arguments = _temp.Combine("arguments.rsp");
        BurnDisc task = CreateTask($$"""
            cp "${1#@}" '{{arguments}}'
            echo '{"event":"progress","phase":"scanning","bytesDone":0,"bytesTotal":0,"filesDone":0,"filesTotal":0}'
            i=0
            while [ $i -lt 1000 ]; do
              echo "{\"event\":\"progress\",\"phase\":\"writing\",\"bytesDone\":$i,\"bytesTotal\":1000,\"filesDone\":0,\"filesTotal\":1}"
              i=$((i + 1))
            done
            printf 'image' > '{{_image}}'
            echo '{"event":"summary","image":"{{_image}}","files":2,"folders":1,"imageBytes":3145728,"seconds":0.5,"mibPerSecond":6}'
            """);

        Assert.True(task.Execute(), _engine.Log);

        Assert.Empty(_engine.Errors);
        Assert.Empty(_engine.Warnings);
        BuildMessageEventArgs summary = Assert.Single(_engine.Messages, m => m.Importance <= MessageImportance.Normal);
        Assert.Equal(ResourceText.Format(Resources.Summary, _image, 2.0, 1.0, 3.0, 0.5, 6.0), summary.Message);
        int progressMessages = _engine.Messages.Count(m => m.Message!.StartsWith("Disc mastering, ", StringComparison.Ordinal));
        Assert.InRange(progressMessages, 100, 102);
        Assert.All(_engine.Messages.Where(m => m != summary), m => Assert.Equal(MessageImportance.Low, m.Importance));

        byte[] written = File.ReadAllBytes(arguments);
        Assert.NotEqual(0xEF, written[0]);
        Assert.Equal(task.ToolArguments, File.ReadAllLines(arguments));
    }

    [Fact]
    public void A_coded_error_line_becomes_a_build_error_with_its_code()
    {
        BurnDisc task = CreateTask("""
            echo 'discmaster : error DM2001: the image needs 3 MiB but cd74 holds 650 MiB.' >&2
            exit 1
            """);

        Assert.False(task.Execute());

        BuildErrorEventArgs error = Assert.Single(_engine.Errors);
        Assert.Equal("DM2001", error.Code);
        Assert.Equal("the image needs 3 MiB but cd74 holds 650 MiB.", error.Message);
        Assert.False(File.Exists(_image));
    }

    [Fact]
    public void A_coded_error_fails_the_task_even_when_the_tool_exits_with_zero()
    {
        BurnDisc task = CreateTask("""
            echo 'discmaster : error DM2002: something went wrong.' >&2
            exit 0
            """);

        Assert.False(task.Execute());

        Assert.Equal("DM2002", Assert.Single(_engine.Errors).Code);
    }

    [Fact]
    public void A_crash_is_DM0003_with_the_last_output_and_its_temporary_file_is_removed()
    {
        string othersLeftover = Path.Combine(Path.GetDirectoryName(_image)!, ".app.iso.99999999.discmaster.tmp");
        File.WriteAllText(othersLeftover, "another run's");
        string pidFile = _temp.Combine("tool.pid");
        BurnDisc task = CreateTask($$"""
            echo $$ > '{{pidFile}}'
            printf 'half an image' > '{{Path.GetDirectoryName(_image)}}/.app.iso.'$$'.discmaster.tmp'
            echo 'Unhandled exception. System.InvalidOperationException: boom' >&2
            exit 134
            """);

        Assert.False(task.Execute());

        ResourceText.AssertSingleError(
            _engine, Resources.ToolFailed, 134, _image, "Unhandled exception. System.InvalidOperationException: boom");
        Assert.False(File.Exists(_image));
        Assert.Equal([othersLeftover], Directory.GetFiles(Path.GetDirectoryName(_image)!, ".*"));
        string ownLeftover = Path.Combine(Path.GetDirectoryName(_image)!, $".app.iso.{File.ReadAllText(pidFile).Trim()}.discmaster.tmp");
        Assert.Contains(_engine.Messages, m => m.Message == ResourceText.Format(Resources.DeletedLeftover, ownLeftover));
    }

    [Fact]
    public async Task Cancel_asks_the_tool_to_stop_and_it_stops_cleanly()
    {
        string started = _temp.Combine("started");
        BurnDisc task = CreateTask($$"""
            tmp='{{Path.GetDirectoryName(_image)}}/.app.iso.'$$'.discmaster.tmp'
            trap 'kill $child 2>/dev/null; rm -f "$tmp"; echo "discmaster: canceled" >&2; exit 130' TERM
            printf 'part' > "$tmp"
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
        ResourceText.AssertSingleError(_engine, Resources.ToolCanceled, _image);
        Assert.Empty(_engine.Warnings);
        Assert.True(stopwatch.ElapsedMilliseconds < 4000, $"The tool took {stopwatch.ElapsedMilliseconds} ms to stop; it should have stopped on SIGTERM.");
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(_image)!, "*.discmaster.tmp"));
        Assert.False(File.Exists(_image));
    }

    [Fact]
    public async Task A_tool_that_ignores_cancel_is_killed_with_its_children_and_its_temporary_file_removed()
    {
        string childPidFile = _temp.Combine("child.pid");
        BurnDisc task = CreateTask($$"""
            trap '' TERM
            printf 'part' > '{{Path.GetDirectoryName(_image)}}/.app.iso.'$$'.discmaster.tmp'
            sleep 120 &
            echo $! > '{{childPidFile}}'
            wait
            """);

        Task<bool> run = Task.Run(task.Execute);
        await FakeToolRun.WaitUntilAsync(() => File.Exists(childPidFile) && File.ReadAllText(childPidFile).Trim().Length > 0);
        FakeToolRun.CancelFromManyThreads(task);
        bool succeeded = await run;

        Assert.False(succeeded);
        ResourceText.AssertSingleError(_engine, Resources.ToolCanceled, _image);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(_image)!, "*.discmaster.tmp"));
        Assert.False(File.Exists(_image));
        int childPid = int.Parse(File.ReadAllText(childPidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        await FakeToolRun.WaitUntilAsync(() => !IsRunning(childPid));
    }

    [Fact]
    public void A_task_canceled_before_it_ran_never_starts_the_tool()
    {
        string started = _temp.Combine("started");
        BurnDisc task = CreateTask($$"""
            touch '{{started}}'
            """);

        FakeToolRun.CancelFromManyThreads(task);
        Assert.False(task.Execute());

        ResourceText.AssertSingleError(_engine, Resources.ToolCanceled, _image);
        Assert.False(File.Exists(started));
    }

    [Fact]
    public void Cancel_after_the_run_is_quiet()
    {
        BurnDisc task = CreateTask($$"""
            printf 'image' > '{{_image}}'
            """);
        Assert.True(task.Execute(), _engine.Log);
        int events = _engine.Messages.Count + _engine.Warnings.Count + _engine.Errors.Count;

        FakeToolRun.CancelFromManyThreads(task);

        Assert.Equal(events, _engine.Messages.Count + _engine.Warnings.Count + _engine.Errors.Count);
        Assert.True(File.Exists(_image));
    }

    private static bool IsRunning(int pid)
    {
        string status = $"/proc/{pid}/status";
        return File.Exists(status) && !File.ReadAllText(status).Contains("State:\tZ", StringComparison.Ordinal);
    }

    /// <summary>A task whose "dotnet host" is /bin/sh and whose "tool" is <paramref name="script"/>.</summary>
    private BurnDisc CreateTask(string script)
    {
        Assert.True(File.Exists("/bin/sh"), "These tests stage the tool as a /bin/sh script; they need a POSIX shell.");
        return new BurnDisc
        {
            BuildEngine = _engine,
            ImagePath = _image,
            Sources = [new TaskItem(_publish)],
            ToolAssemblyPath = _temp.WriteFile("fake-discmaster.sh", script.ReplaceLineEndings("\n") + "\n"),
            DotNetHostPath = "/bin/sh",
        };
    }
}
