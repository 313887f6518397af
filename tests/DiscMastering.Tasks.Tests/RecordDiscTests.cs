using DiscMastering.Tasks.Tests.TestUtilities;

namespace DiscMastering.Tasks.Tests;

/// <summary>RecordDisc's checks and the arguments it gives the tool's <c>burn</c> command, without running anything.</summary>
public sealed class RecordDiscTests : IDisposable
{
    private const string Recorder = "stdio:/tmp/drive.bin";

    private readonly TempDirectory _temp = new("dm-record-");
    private readonly MockEngine _engine = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Every combination of the switches, with each kind of speed.</summary>
    public static TheoryData<bool, bool, bool, string?> Options()
    {
        var data = new TheoryData<bool, bool, bool, string?>();
        foreach (bool simulate in new[] { false, true })
        {
            foreach (bool eject in new[] { false, true })
            {
                foreach (bool verify in new[] { false, true })
                {
                    foreach (string? speed in new[] { null, "", "4", "2.4", "max" })
                    {
                        data.Add(simulate, eject, verify, speed);
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Options))]
    public void Arguments_are_burn_the_image_the_recorder_the_options_that_are_set_and_json_progress(bool simulate, bool eject, bool verify, string? speed)
    {
        RecordDisc task = CreateTask();
        task.Simulate = simulate;
        task.Eject = eject;
        task.Verify = verify;
        task.Speed = speed;

        Assert.True(task.TryPrepareArguments(), _engine.Log);

        var expected = new List<string> { "burn", Path.GetFullPath(task.ImagePath!), "--recorder", Recorder };
        if (simulate)
        {
            expected.Add("--simulate");
        }

        if (eject)
        {
            expected.Add("--eject");
        }

        if (verify)
        {
            expected.Add("--verify");
        }

        if (!string.IsNullOrEmpty(speed))
        {
            expected.AddRange(["--speed", speed]);
        }

        expected.AddRange(["--progress", "json"]);
        Assert.Equal(expected, task.ToolArguments);
        Assert.Empty(_engine.Errors);
    }

    [Theory]
    [InlineData("MAX", "max")]
    [InlineData(" 8 ", "8")]
    [InlineData("16", "16")]
    [InlineData("0.5", "0.5")]
    public void A_speed_is_passed_as_max_or_as_the_number_written(string speed, string passed)
    {
        RecordDisc task = CreateTask();
        task.Speed = speed;

        Assert.True(task.TryPrepareArguments(), _engine.Log);

        Assert.Equal(["--speed", passed, "--progress", "json"], task.ToolArguments!.Skip(4));
    }

    [Theory]
    [InlineData("fast")]
    [InlineData("0")]
    [InlineData("0.0")]
    [InlineData("-4")]
    [InlineData("+4")]
    [InlineData("4x")]
    [InlineData("1e3")]
    [InlineData("4,5")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("maximum")]
    [InlineData("1.2.3")]
    public void A_speed_that_is_not_a_positive_number_or_max_is_DM0011(string speed)
    {
        RecordDisc task = CreateTask();
        task.Speed = speed;

        Assert.False(task.TryPrepareArguments());

        ResourceText.AssertSingleError(_engine, Resources.SpeedNotValid, speed);
        Assert.Null(task.ToolArguments);
    }

    [Fact]
    public void A_speed_too_large_for_a_number_is_DM0011()
    {
        string speed = new('9', 400);
        RecordDisc task = CreateTask();
        task.Speed = speed;

        Assert.False(task.TryPrepareArguments());

        ResourceText.AssertSingleError(_engine, Resources.SpeedNotValid, speed);
    }

    [Fact]
    public void A_line_break_in_the_recorder_is_DM0007()
    {
        RecordDisc task = CreateTask();
        task.Recorder = "/dev/sr0\n--eject";

        Assert.False(task.TryPrepareArguments());

        ResourceText.AssertSingleError(_engine, Resources.ValueHasLineBreak, "/dev/sr0\n--eject", nameof(RecordDisc.Recorder));
    }

    [Fact]
    public void Every_problem_is_reported_not_just_the_first()
    {
        RecordDisc task = CreateTask();
        task.ToolAssemblyPath = _temp.Combine("missing-tool.dll");
        task.Recorder = "0\r\n";
        task.Speed = "fast";

        Assert.False(task.TryPrepareArguments());

        Assert.Equal(["DM0005", "DM0007", "DM0011"], _engine.Errors.Select(e => e.Code));
    }

    [Fact]
    public void An_invalid_speed_fails_Execute_before_the_tool_runs()
    {
        string started = _temp.Combine("started");
        RecordDisc task = CreateTask();
        task.ToolAssemblyPath = _temp.WriteFile("fake-discmaster.sh", $"touch '{started}'\n");
        task.DotNetHostPath = "/bin/sh";
        task.Speed = "fast";

        Assert.False(task.Execute());

        ResourceText.AssertSingleError(_engine, Resources.SpeedNotValid, "fast");
        Assert.False(File.Exists(started));
        Assert.Null(task.Recorded);
    }

    private RecordDisc CreateTask() => new()
    {
        BuildEngine = _engine,
        ImagePath = _temp.WriteFile(Path.Combine("disc", "app.iso"), "image"),
        Recorder = Recorder,
        ToolAssemblyPath = _temp.WriteFile(Path.Combine("tool", "dotnet-discmaster.dll"), ""),
    };
}
