using DiscMastering.Tasks.Tests.TestUtilities;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace DiscMastering.Tasks.Tests;

/// <summary>RockRidge and the DiscFile items' Mode metadata, as arguments for the tool.</summary>
public sealed class BurnDiscRockRidgeTests : IDisposable
{
    private readonly TempDirectory _temp = new("dm-task-rr-");
    private readonly MockEngine _engine = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Rock_Ridge_is_on_unless_turned_off()
    {
        string publish = CreateFolder("publish");
        BurnDisc task = CreateTask(new TaskItem(publish));
        Assert.True(task.RockRidge);
        Assert.True(task.TryPrepareArguments(), _engine.Log);
        Assert.DoesNotContain("--no-rock-ridge", task.ToolArguments!);

        BurnDisc off = CreateTask(new TaskItem(publish));
        off.RockRidge = false;
        Assert.True(off.TryPrepareArguments(), _engine.Log);
        Assert.Equal(["image", publish, "-o", off.ImagePath!, "--no-rock-ridge", "--progress", "json"], off.ToolArguments);
    }

    [Fact]
    public void Udf_is_off_unless_turned_on()
    {
        string publish = CreateFolder("publish");
        BurnDisc task = CreateTask(new TaskItem(publish));
        Assert.False(task.Udf);
        Assert.True(task.TryPrepareArguments(), _engine.Log);
        Assert.DoesNotContain("--udf", task.ToolArguments!);

        BurnDisc on = CreateTask(new TaskItem(publish));
        on.Udf = true;
        Assert.True(on.TryPrepareArguments(), _engine.Log);
        Assert.Equal(["image", publish, "-o", on.ImagePath!, "--udf", "--progress", "json"], on.ToolArguments);
    }

    [Fact]
    public void Mode_becomes_a_file_mode_rule_for_the_items_exact_disc_path()
    {
        string publish = CreateFolder("publish");
        string run = _temp.WriteFile("run.sh", "#!/bin/sh\n");
        string tool = _temp.WriteFile("tool", "x");
        string odd = _temp.WriteFile("a=b.txt", "x");
        string docs = CreateFolder("docs");
        BurnDisc task = CreateTask(
            new TaskItem(publish),
            Item(run, ("Mode", "755")),
            Item(tool, ("TargetPath", @"bin\"), ("Mode", "0700")),
            Item(odd, ("TargetPath", "x/a=b.txt"), ("Mode", " 644 ")),
            Item(docs, ("TargetPath", "share/docs"), ("Mode", "750")),
            Item(_temp.WriteFile("plain.txt", "x"), ("TargetPath", "plain.txt")));

        Assert.True(task.TryPrepareArguments(), _engine.Log);

        Assert.Equal(
            [
                "image", publish, run, "bin/tool=" + tool, @"x/a\=b.txt=" + odd, "share/docs=" + docs, "plain.txt=" + task.Sources![5].ItemSpec,
                "-o", task.ImagePath!,
                "--file-mode", "run.sh=755", "--file-mode", "bin/tool=0700", "--file-mode", "x/a=b.txt=644", "--file-mode", "share/docs=750",
                "--progress", "json",
            ],
            task.ToolArguments);
    }

    [Theory]
    [InlineData("rwxr-xr-x")]
    [InlineData("8")]
    [InlineData("0x1ED")]
    [InlineData("17777")]
    [InlineData("000755")]
    [InlineData("-755")]
    public void A_mode_that_is_not_octal_permissions_is_DM0016(string mode)
    {
        string run = _temp.WriteFile("run.sh", "#!/bin/sh\n");
        BurnDisc task = CreateTask(Item(run, ("Mode", mode)));

        Assert.False(task.TryPrepareArguments());

        ResourceText.AssertSingleError(_engine, Resources.ModeNotOctal, run, mode);
        Assert.Null(task.ToolArguments);
    }

    [Fact]
    public void A_mode_on_a_folder_going_to_the_root_is_DM0016()
    {
        string publish = CreateFolder("publish");
        BurnDisc task = CreateTask(Item(publish, ("Mode", "755")));

        Assert.False(task.TryPrepareArguments());

        ResourceText.AssertSingleError(_engine, Resources.ModeOnDiscRoot, publish, "755");
    }

    private static TaskItem Item(string path, params (string Name, string Value)[] metadata)
    {
        var item = new TaskItem(path);
        foreach (var (name, value) in metadata)
        {
            item.SetMetadata(name, value);
        }

        return item;
    }

    private string CreateFolder(string name) => Directory.CreateDirectory(_temp.Combine(name)).FullName;

    private BurnDisc CreateTask(params ITaskItem[] sources) => new()
    {
        BuildEngine = _engine,
        ImagePath = _temp.Combine("out", "app.iso"),
        Sources = sources,
        ToolAssemblyPath = _temp.WriteFile(Path.Combine("tool-folder", "dotnet-discmaster.dll"), ""),
    };
}
