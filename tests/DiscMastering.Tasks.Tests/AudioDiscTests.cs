using DiscMastering.Tasks.Tests.TestUtilities;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace DiscMastering.Tasks.Tests;

/// <summary>
/// MasterAudioDisc's and RecordAudioDisc's checks, the arguments they give the tool's <c>audio</c> command and the
/// track titles file they write, without running anything.
/// </summary>
public sealed class AudioDiscTests : IDisposable
{
    private const string Recorder = "/dev/sr0";

    private readonly TempDirectory _temp = new("dm-audio-");
    private readonly MockEngine _engine = new();
    private readonly string _first;
    private readonly string _second;
    private readonly string _cue;
    private readonly string _titles;

    public AudioDiscTests()
    {
        _first = _temp.WriteFile("audio/01 intro.wav", "RIFF");
        _second = _temp.WriteFile("audio/02-outro.wav", "RIFF");
        _cue = _temp.Combine("disc", "album.cue");
        _titles = _temp.Combine("obj", "album.discmaster.titles");
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>Every combination of the disc options, each set or left empty.</summary>
    public static TheoryData<string?, string?, string?, string?> DiscOptions()
    {
        var data = new TheoryData<string?, string?, string?, string?>();
        foreach (string? gap in new[] { null, "", "0", "2.5" })
        {
            foreach (string? media in new[] { null, "cd74", "cd80" })
            {
                foreach (string? title in new[] { null, "Songs; and = more" })
                {
                    foreach (string? performer in new[] { null, "The Band" })
                    {
                        data.Add(gap, media, title, performer);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DiscOptions))]
    public void Master_arguments_are_audio_the_tracks_in_order_the_cue_the_options_that_are_set_and_json_progress(
        string? gap, string? media, string? title, string? performer)
    {
        MasterAudioDisc task = CreateMasterTask(Track(_second), Track(_first));
        task.Gap = gap;
        task.Media = media;
        task.Title = title;
        task.Performer = performer;

        Assert.True(task.TryPrepareArguments(), _engine.Log);

        var expected = new List<string> { "audio", _second, _first, "-o", _cue };
        expected.AddRange(DiscOptionArguments(gap, media, title, performer));
        expected.AddRange(["--progress", "json"]);
        Assert.Equal(expected, task.ToolArguments);
        Assert.Empty(_engine.Errors);
        Assert.Empty(_engine.Warnings);
        Assert.False(File.Exists(_titles), "No track has a title, so there should be no titles file.");
    }

    /// <summary>Every combination of the recording switches, with each kind of speed.</summary>
    public static TheoryData<bool, bool, string?> RecordingOptions()
    {
        var data = new TheoryData<bool, bool, string?>();
        foreach (bool simulate in new[] { false, true })
        {
            foreach (bool eject in new[] { false, true })
            {
                foreach (string? speed in new[] { null, "", "4", "2.4", "MAX" })
                {
                    data.Add(simulate, eject, speed);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RecordingOptions))]
    public void Record_arguments_are_audio_the_tracks_the_recorder_the_switches_that_are_set_and_json_progress(bool simulate, bool eject, string? speed)
    {
        RecordAudioDisc task = CreateRecordTask(Track(_first), Track(_second));
        task.Simulate = simulate;
        task.Eject = eject;
        task.Speed = speed;
        task.Gap = "1";
        task.Media = "cd74";

        Assert.True(task.TryPrepareArguments(), _engine.Log);

        var expected = new List<string> { "audio", _first, _second, "--recorder", Recorder };
        if (simulate)
        {
            expected.Add("--simulate");
        }

        if (eject)
        {
            expected.Add("--eject");
        }

        if (!string.IsNullOrEmpty(speed))
        {
            expected.AddRange(["--speed", speed == "MAX" ? "max" : speed]);
        }

        expected.AddRange(["--gap", "1", "--media", "cd74", "--progress", "json"]);
        Assert.Equal(expected, task.ToolArguments);
        Assert.Empty(_engine.Errors);
    }

    [Fact]
    public void A_relative_track_is_passed_as_a_full_path()
    {
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, _first);
        MasterAudioDisc task = CreateMasterTask(new TaskItem(relative));

        Assert.True(task.TryPrepareArguments(), _engine.Log);

        Assert.Equal(["audio", _first, "-o", _cue, "--progress", "json"], task.ToolArguments);
    }

    [Fact]
    public void Titles_go_to_a_UTF8_file_one_line_per_track_passed_as_track_titles()
    {
        MasterAudioDisc task = CreateMasterTask(Track(_first, ("Title", "Intro; été")), Track(_second), Track(_first, ("Title", "Intro, again")));

        Assert.True(task.TryPrepareArguments(), _engine.Log);

        Assert.Equal(["--track-titles", _titles, "--progress", "json"], task.ToolArguments!.TakeLast(4));
        byte[] written = File.ReadAllBytes(_titles);
        Assert.NotEqual(0xEF, written[0]);
        Assert.Equal("Intro; été\n\nIntro, again\n", System.Text.Encoding.UTF8.GetString(written));
        Assert.Contains(ResourceText.Format(Resources.TrackTitlesWritten, _titles), _engine.Messages.Select(m => m.Message));
    }

    [Fact]
    public void An_unchanged_titles_file_is_not_rewritten()
    {
        CreateMasterTask(Track(_first, ("Title", "One"))).TryPrepareArguments();
        DateTime old = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(_titles, old);
        var engine = new MockEngine();
        MasterAudioDisc task = CreateMasterTask(Track(_first, ("Title", "One")));
        task.BuildEngine = engine;

        Assert.True(task.TryPrepareArguments(), engine.Log);

        Assert.Equal(old, File.GetLastWriteTimeUtc(_titles));
        Assert.Contains(ResourceText.Format(Resources.TrackTitlesUnchanged, _titles), engine.Messages.Select(m => m.Message));
    }

    [Fact]
    public void The_recording_task_writes_and_passes_the_titles_too()
    {
        RecordAudioDisc task = CreateRecordTask(Track(_first), Track(_second, ("Title", "Outro")));

        Assert.True(task.TryPrepareArguments(), _engine.Log);

        Assert.Equal(["audio", _first, _second, "--recorder", Recorder, "--track-titles", _titles, "--progress", "json"], task.ToolArguments);
        Assert.Equal("\nOutro\n", File.ReadAllText(_titles));
    }

    [Fact]
    public void No_tracks_is_DM0012_for_both_tasks()
    {
        Assert.False(CreateMasterTask().TryPrepareArguments());
        ResourceText.AssertSingleError(_engine, Resources.NoAudioTracks);

        var engine = new MockEngine();
        RecordAudioDisc record = CreateRecordTask();
        record.BuildEngine = engine;
        Assert.False(record.TryPrepareArguments());
        ResourceText.AssertSingleError(engine, Resources.NoAudioTracks);
    }

    [Fact]
    public void No_tracks_fails_Execute_with_DM0012_before_the_tool_runs()
    {
        string started = _temp.Combine("started");
        MasterAudioDisc task = CreateMasterTask();
        task.ToolAssemblyPath = _temp.WriteFile("fake-discmaster.sh", $"touch '{started}'\n");
        task.DotNetHostPath = "/bin/sh";

        Assert.False(task.Execute());

        BuildErrorEventArgs error = ResourceText.AssertSingleError(_engine, Resources.NoAudioTracks);
        Assert.Contains("DiscAudioTrack", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(started));
    }

    [Fact]
    public void Performer_metadata_is_ignored_with_warning_DM0013()
    {
        MasterAudioDisc task = CreateMasterTask(Track(_first, ("Performer", "Someone")), Track(_second));

        Assert.True(task.TryPrepareArguments(), _engine.Log);

        BuildWarningEventArgs warning = Assert.Single(_engine.Warnings);
        Assert.Equal("DM0013", warning.Code);
        Assert.Equal(ResourceText.Format(Resources.TrackPerformerNotSupported, _first, "Someone"), warning.Message);
        Assert.Equal(["audio", _first, _second, "-o", _cue, "--progress", "json"], task.ToolArguments);
    }

    [Fact]
    public void A_line_break_in_a_title_is_DM0007_and_no_titles_file_is_written()
    {
        MasterAudioDisc task = CreateMasterTask(Track(_first, ("Title", "One\nTwo")));

        Assert.False(task.TryPrepareArguments());

        ResourceText.AssertSingleError(_engine, Resources.ValueHasLineBreak, "One\nTwo", "Title");
        Assert.False(File.Exists(_titles));
    }

    [Fact]
    public void A_titles_file_that_cannot_be_written_is_DM0014()
    {
        _temp.WriteFile("obj", "a file where the folder should be");
        MasterAudioDisc task = CreateMasterTask(Track(_first, ("Title", "One")));

        Assert.False(task.TryPrepareArguments());

        BuildErrorEventArgs error = Assert.Single(_engine.Errors);
        Assert.Equal("DM0014", error.Code);
        Assert.StartsWith(ResourceText.Format(Resources.CouldNotWriteTrackTitles, _titles, string.Empty), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_not_just_the_first()
    {
        RecordAudioDisc task = CreateRecordTask(Track(_first, ("Title", "a\r\nb")));
        task.ToolAssemblyPath = _temp.Combine("missing-tool.dll");
        task.Recorder = "0\n";
        task.Speed = "fast";
        task.Performer = "x\ny";

        Assert.False(task.TryPrepareArguments());

        Assert.Equal(["DM0005", "DM0007", "DM0011", "DM0007", "DM0007"], _engine.Errors.Select(e => e.Code));
        Assert.Null(task.ToolArguments);
    }

    private static IEnumerable<string> DiscOptionArguments(string? gap, string? media, string? title, string? performer)
    {
        foreach ((string option, string? value) in new[] { ("--gap", gap), ("--media", media), ("--title", title), ("--performer", performer) })
        {
            if (!string.IsNullOrEmpty(value))
            {
                yield return option;
                yield return value;
            }
        }
    }

    private static TaskItem Track(string path, params (string Name, string Value)[] metadata)
    {
        var item = new TaskItem(path);
        foreach ((string name, string value) in metadata)
        {
            item.SetMetadata(name, value);
        }

        return item;
    }

    private MasterAudioDisc CreateMasterTask(params ITaskItem[] tracks) => new()
    {
        BuildEngine = _engine,
        CuePath = _cue,
        Tracks = tracks,
        TrackTitlesFile = _titles,
        ToolAssemblyPath = _temp.WriteFile(Path.Combine("tool", "dotnet-discmaster.dll"), ""),
    };

    private RecordAudioDisc CreateRecordTask(params ITaskItem[] tracks) => new()
    {
        BuildEngine = _engine,
        Recorder = Recorder,
        Tracks = tracks,
        TrackTitlesFile = _titles,
        ToolAssemblyPath = _temp.WriteFile(Path.Combine("tool", "dotnet-discmaster.dll"), ""),
    };
}
