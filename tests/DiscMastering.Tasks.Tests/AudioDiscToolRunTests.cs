using DiscMastering.Tasks.Tests.TestUtilities;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Task = System.Threading.Tasks.Task;

namespace DiscMastering.Tasks.Tests;

/// <summary>
/// MasterAudioDisc and RecordAudioDisc running a tool: shell scripts run by /bin/sh in place of the <c>dotnet</c>
/// host stand in for the discmaster <c>audio</c> command, so that each outcome (a cue and bin, a recording, a
/// warning, a coded error, a crash, a cancel) can be staged.
/// </summary>
public sealed class AudioDiscToolRunTests : IDisposable
{
    private const string Drive = "/dev/sr0";

    private readonly TempDirectory _temp = new("dm-audio-run-");
    private readonly MockEngine _engine = new();
    private readonly string _first;
    private readonly string _second;
    private readonly string _cue;

    public AudioDiscToolRunTests()
    {
        _first = _temp.WriteFile("audio/01.wav", "RIFF");
        _second = _temp.WriteFile("audio/02.wav", "RIFF");
        _cue = _temp.Combine("disc", "album.cue");
        Directory.CreateDirectory(Path.GetDirectoryName(_cue)!);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Writing_a_cue_logs_the_tools_summary_once_throttles_progress_and_keeps_its_warnings()
    {
        string arguments = _temp.Combine("arguments.rsp");
        MasterAudioDisc task = CreateMasterTask($$"""
            cp "${1#@}" '{{arguments}}'
            i=0
            while [ $i -lt 1000 ]; do
              echo "{\"event\":\"progress\",\"phase\":\"writing\",\"bytesDone\":$i,\"bytesTotal\":1000,\"filesDone\":1,\"filesTotal\":2}"
              i=$((i + 1))
            done
            echo "discmaster : warning DM4010: track 2 '{{_second}}' is 2.01 s: padded with silence to 4 s" >&2
            printf 'FILE "album.bin" BINARY\n' > '{{_cue}}'
            echo '{"event":"summary","image":"{{_cue}}","files":2,"folders":0,"imageBytes":1411200,"seconds":0.25,"mibPerSecond":5.4,"message":"Wrote {{_cue}}: 2 tracks, 00:08:00"}'
            """);
        task.Title = "Album";

        Assert.True(task.Execute(), _engine.Log);

        Assert.Empty(_engine.Errors);
        BuildWarningEventArgs warning = Assert.Single(_engine.Warnings);
        Assert.Equal("DM4010", warning.Code);
        Assert.Equal($"track 2 '{_second}' is 2.01 s: padded with silence to 4 s", warning.Message);
        BuildMessageEventArgs summary = Assert.Single(_engine.Messages, m => m.Importance <= MessageImportance.Normal);
        Assert.Equal($"Wrote {_cue}: 2 tracks, 00:08:00", summary.Message);
        int progress = _engine.Messages.Count(m => m.Message!.StartsWith("Audio disc, writing", StringComparison.Ordinal));
        Assert.InRange(progress, 100, 101);
        Assert.Equal(["audio", _first, _second, "-o", _cue, "--title", "Album", "--progress", "json"], File.ReadAllLines(arguments));
    }

    [Fact]
    public void A_summary_without_a_message_is_told_by_the_task()
    {
        MasterAudioDisc task = CreateMasterTask($$"""
            echo '{"event":"summary","image":"{{_cue}}","files":2,"folders":0,"imageBytes":3145728,"seconds":0.5,"mibPerSecond":6}'
            """);

        Assert.True(task.Execute(), _engine.Log);

        BuildMessageEventArgs summary = Assert.Single(_engine.Messages, m => m.Importance <= MessageImportance.Normal);
        Assert.Equal(ResourceText.Format(Resources.AudioSummary, _cue, 2.0, 3.0, 0.5), summary.Message);
    }

    [Theory]
    [InlineData("DM4001", "the track /x/01.wav does not exist.")]
    [InlineData("DM4003", "/x/01.wav is 22,050 Hz, 8-bit, mono; an audio CD needs 44,100 Hz, 16-bit, stereo.")]
    [InlineData("DM4006", "the tracks need 81:02:00 but cd80 holds 80:00:00: 01:02:00 too long.")]
    [InlineData("DM4009", "--track-titles has 3 lines for 2 tracks.")]
    public void A_coded_error_line_becomes_a_build_error_with_its_code(string code, string message)
    {
        MasterAudioDisc task = CreateMasterTask($$"""
            echo 'discmaster : error {{code}}: {{message}}' >&2
            exit 1
            """);

        Assert.False(task.Execute());

        BuildErrorEventArgs error = Assert.Single(_engine.Errors);
        Assert.Equal(code, error.Code);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_crash_is_DM0003_with_the_last_output_and_the_temporary_files_are_deleted()
    {
        string folder = Path.GetDirectoryName(_cue)!;
        MasterAudioDisc task = CreateMasterTask($$"""
            printf 'partial' > '{{folder}}/.album.cue.'$$'.discmaster.tmp'
            printf 'partial' > '{{folder}}/.album.bin.'$$'.discmaster.tmp'
            echo 'Unhandled exception. System.InvalidOperationException: boom' >&2
            exit 134
            """);

        Assert.False(task.Execute());

        ResourceText.AssertSingleError(_engine, Resources.AudioFailed, 134, _cue, "Unhandled exception. System.InvalidOperationException: boom");
        Assert.Empty(Directory.GetFiles(folder, "*.discmaster.tmp"));
    }

    [Fact]
    public async Task Cancel_of_a_tool_that_exits_130_without_a_word_is_DM0004()
    {
        string started = _temp.Combine("started");
        MasterAudioDisc task = CreateMasterTask($$"""
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
        ResourceText.AssertSingleError(_engine, Resources.AudioCanceled, _cue);
    }

    [Fact]
    public void A_recording_logs_the_tools_summary_and_sets_Recorded()
    {
        string arguments = _temp.Combine("arguments.rsp");
        RecordAudioDisc task = CreateRecordTask($$"""
            cp "${1#@}" '{{arguments}}'
            echo '{"event":"recording","phase":"writing","blocksDone":10,"blocksTotal":100,"track":1,"tracks":2}'
            echo '{"event":"recording","phase":"writing","blocksDone":60,"blocksTotal":100,"track":2,"tracks":2}'
            echo '{"event":"recorded","recorder":"{{Drive}}","blocks":100,"bytes":235200,"simulated":true,"verified":false,"seconds":0.5,"message":"Recorded 2 tracks to {{Drive}} in 0.5 s"}'
            """);
        task.Simulate = true;
        task.Eject = true;
        task.Speed = "8";

        Assert.True(task.Execute(), _engine.Log);

        BuildMessageEventArgs summary = Assert.Single(_engine.Messages, m => m.Importance <= MessageImportance.Normal);
        Assert.Equal($"Recorded 2 tracks to {Drive} in 0.5 s", summary.Message);
        Assert.Contains(ResourceText.Format(Resources.RecordingProgress, "writing", 2.0, 2.0, 60.0, 100.0), _engine.Messages.Select(m => m.Message));
        Assert.Equal(Drive, task.Recorded);
        Assert.Equal(
            ["audio", _first, _second, "--recorder", Drive, "--simulate", "--eject", "--speed", "8", "--progress", "json"],
            File.ReadAllLines(arguments));
    }

    [Fact]
    public void A_recording_summary_without_a_message_is_told_by_the_task()
    {
        RecordAudioDisc task = CreateRecordTask("""
            echo '{"event":"recorded","blocks":600,"seconds":1.25}'
            """);

        Assert.True(task.Execute(), _engine.Log);

        BuildMessageEventArgs summary = Assert.Single(_engine.Messages, m => m.Importance <= MessageImportance.Normal);
        Assert.Equal(ResourceText.Format(Resources.RecordedAudio, 2, Drive, 600.0, 1.25), summary.Message);
    }

    [Fact]
    public void A_recorder_error_becomes_a_build_error_and_a_crash_is_DM0003()
    {
        RecordAudioDisc task = CreateRecordTask("""
            echo 'discmaster : error DM4008: the media in /dev/sr0 is a DVD-R, not a writable CD.' >&2
            exit 1
            """);

        Assert.False(task.Execute());

        Assert.Equal("DM4008", Assert.Single(_engine.Errors).Code);
        Assert.Null(task.Recorded);

        var engine = new MockEngine();
        RecordAudioDisc crashing = CreateRecordTask("exit 3");
        crashing.BuildEngine = engine;
        Assert.False(crashing.Execute());
        ResourceText.AssertSingleError(engine, Resources.AudioRecordingFailed, 3, 2, Drive, "(nothing)");
    }

    private MasterAudioDisc CreateMasterTask(string script) => new()
    {
        BuildEngine = _engine,
        CuePath = _cue,
        Tracks = [new TaskItem(_first), new TaskItem(_second)],
        TrackTitlesFile = _temp.Combine("obj", "titles"),
        ToolAssemblyPath = WriteScript(script),
        DotNetHostPath = "/bin/sh",
    };

    private RecordAudioDisc CreateRecordTask(string script) => new()
    {
        BuildEngine = _engine,
        Recorder = Drive,
        Tracks = [new TaskItem(_first), new TaskItem(_second)],
        TrackTitlesFile = _temp.Combine("obj", "titles"),
        ToolAssemblyPath = WriteScript(script),
        DotNetHostPath = "/bin/sh",
    };

    /// <summary>The fake tool: <paramref name="script"/>, run by /bin/sh in place of the <c>dotnet</c> host.</summary>
    private string WriteScript(string script)
    {
        Assert.True(File.Exists("/bin/sh"), "These tests stage the tool as a /bin/sh script; they need a POSIX shell.");
        return _temp.WriteFile("fake-discmaster-" + Guid.NewGuid().ToString("N") + ".sh", script.ReplaceLineEndings("\n") + "\n");
    }
}
