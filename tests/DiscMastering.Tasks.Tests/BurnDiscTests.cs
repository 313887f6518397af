using DiscMastering.Tasks.Tests.TestUtilities;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace DiscMastering.Tasks.Tests;

/// <summary>The task's checks and the arguments it gives the tool, without running anything.</summary>
public sealed class BurnDiscTests : IDisposable
{
    private readonly TempDirectory _temp = new("dm-task-");
    private readonly MockEngine _engine = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Arguments_are_the_sources_the_image_the_options_and_json_progress()
    {
        string publish = CreateFolder("publish");
        string autorun = _temp.WriteFile("autorun.inf", "[autorun]");
        string license = _temp.WriteFile("LICENSE.txt", "MIT");
        BurnDisc task = CreateTask(
            new TaskItem(publish + Path.DirectorySeparatorChar),
            new TaskItem(autorun),
            Item(license, targetPath: @"docs\legal\"));
        task.VolumeLabel = "HELLO_SETUP";
        task.Media = "cd74";
        task.Publisher = "Contoso";
        task.ApplicationId = "Hello";
        task.JolietLong = true;

        Assert.True(task.TryPrepareArguments(), _engine.Log);

        Assert.Equal(
            [
                "image", publish, autorun, "docs/legal/LICENSE.txt=" + license,
                "-o", task.ImagePath!,
                "--volume-label", "HELLO_SETUP", "--media", "cd74", "--publisher", "Contoso", "--application-id", "Hello",
                "--joliet-long", "--progress", "json",
            ],
            task.ToolArguments);
    }

    [Fact]
    public void Boot_properties_are_the_tools_boot_options()
    {
        string publish = CreateFolder("publish");
        string mbr = _temp.WriteFile("isohdpfx.bin", "mbr");
        BurnDisc task = CreateTask(new TaskItem(publish));
        task.BiosBoot = "boot/grub/i386-pc/eltorito.img";
        task.BootLoadSize = "4";
        task.EfiBoot = "boot/grub/efi.img";
        task.Hybrid = true;
        task.HybridMbr = mbr;

        Assert.True(task.TryPrepareArguments(), _engine.Log);

        Assert.Equal(
            [
                "image", publish, "-o", task.ImagePath!,
                "--bios-boot", "boot/grub/i386-pc/eltorito.img", "--boot-load-size", "4", "--efi-boot", "boot/grub/efi.img",
                "--hybrid", "--hybrid-mbr", mbr, "--progress", "json",
            ],
            task.ToolArguments);
    }

    [Fact]
    public void Empty_options_are_left_out()
    {
        string publish = CreateFolder("publish");
        BurnDisc task = CreateTask(new TaskItem(publish));
        task.VolumeLabel = "";

        Assert.True(task.TryPrepareArguments(), _engine.Log);

        Assert.Equal(["image", publish, "-o", task.ImagePath!, "--progress", "json"], task.ToolArguments);
    }

    [Fact]
    public void Excludes_are_repeated_exclude_options_each_pattern_once()
    {
        string publish = CreateFolder("publish");
        BurnDisc task = CreateTask(new TaskItem(publish));
        task.Excludes = [new TaskItem("docs/drafts/"), new TaskItem(@"tools\*.tmp"), new TaskItem("**/*.pdb")];
        task.ExcludeIncludeTexts = ["**/*.pdb", " %2A%2A/%2A.xml ; ;readme?.txt;100%25/", "docs/drafts/"];

        Assert.True(task.TryPrepareArguments(), _engine.Log);

        Assert.Equal(
            [
                "image", publish, "-o", task.ImagePath!,
                "--exclude", "docs/drafts/", "--exclude", "tools/*.tmp", "--exclude", "**/*.pdb",
                "--exclude", "**/*.xml", "--exclude", "readme?.txt", "--exclude", "100%/",
                "--progress", "json",
            ],
            task.ToolArguments);
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("/bin/*.pdb")]
    [InlineData(@"\bin\*.pdb")]
    [InlineData("C:/bin/*.pdb")]
    [InlineData("../*.pdb")]
    [InlineData("docs/../../*.pdb")]
    public void An_exclude_that_can_match_no_disc_path_is_DM0015(string pattern)
    {
        BurnDisc task = CreateTask(new TaskItem(CreateFolder("publish")));
        task.Excludes = [new TaskItem(pattern)];

        Assert.False(task.TryPrepareArguments());

        // TaskItem turns backslashes into slashes off Windows, as MSBuild's items do.
        ResourceText.AssertSingleError(_engine, Resources.ExcludeNotADiscPattern, task.Excludes[0].ItemSpec);
        Assert.Null(task.ToolArguments);
    }

    [Fact]
    public void An_exclude_text_that_can_match_no_disc_path_is_DM0015_with_the_pattern_as_read()
    {
        BurnDisc task = CreateTask(new TaskItem(CreateFolder("publish")));
        task.ExcludeIncludeTexts = ["**/*.pdb;..%2F%2A.txt"];

        Assert.False(task.TryPrepareArguments());

        ResourceText.AssertSingleError(_engine, Resources.ExcludeNotADiscPattern, "../*.txt");
    }

    [Fact]
    public void A_line_break_in_an_exclude_is_DM0007()
    {
        BurnDisc task = CreateTask(new TaskItem(CreateFolder("publish")));
        task.Excludes = [new TaskItem("**/*.pdb\n*.xml")];

        Assert.False(task.TryPrepareArguments());

        ResourceText.AssertSingleError(_engine, Resources.ValueHasLineBreak, "**/*.pdb\n*.xml", "DiscExclude");
    }

    [Fact]
    public void An_equals_sign_never_reads_as_the_end_of_a_graft_point()
    {
        string folder = CreateFolder("a=b");
        string file = _temp.WriteFile("c=d.txt", "x");
        BurnDisc task = CreateTask(new TaskItem(folder), Item(file, targetPath: "x=y/"));

        Assert.True(task.TryPrepareArguments(), _engine.Log);

        Assert.Equal("=" + folder, task.ToolArguments![1]);
        Assert.Equal(@"x\=y/c\=d.txt=" + file, task.ToolArguments[2]);
    }

    [Fact]
    public void A_missing_source_is_DM0001()
    {
        string missing = _temp.Combine("publish");
        BurnDisc task = CreateTask(new TaskItem(missing));

        Assert.False(task.TryPrepareArguments());

        ResourceText.AssertSingleError(_engine, Resources.SourceDoesNotExist, missing);
        Assert.Null(task.ToolArguments);
    }

    [Theory]
    [InlineData("../outside.txt")]
    [InlineData(@"D:\readme.txt")]
    public void A_target_path_off_the_disc_is_DM0002(string targetPath)
    {
        string file = _temp.WriteFile("readme.txt", "x");
        BurnDisc task = CreateTask(Item(file, targetPath));

        Assert.False(task.TryPrepareArguments());

        ResourceText.AssertSingleError(_engine, Resources.TargetPathNotRelative, file, targetPath);
    }

    [Fact]
    public void A_missing_tool_is_DM0005()
    {
        BurnDisc task = CreateTask(new TaskItem(CreateFolder("publish")));
        task.ToolAssemblyPath = _temp.Combine("nowhere", "dotnet-discmaster.dll");

        Assert.False(task.TryPrepareArguments());

        ResourceText.AssertSingleError(_engine, Resources.ToolAssemblyMissing, task.ToolAssemblyPath);
    }

    [Fact]
    public void An_image_inside_the_mastered_folder_is_DM0006()
    {
        string publish = CreateFolder("publish");
        BurnDisc task = CreateTask(new TaskItem(publish));
        task.ImagePath = Path.Combine(publish, "disc", "app.iso");

        Assert.False(task.TryPrepareArguments());

        ResourceText.AssertSingleError(_engine, Resources.ImageInsideSource, task.ImagePath, publish);
    }

    [Fact]
    public void An_image_beside_the_mastered_folder_is_fine()
    {
        string publish = CreateFolder("publish");
        BurnDisc task = CreateTask(new TaskItem(publish));
        task.ImagePath = publish + "-disc.iso";

        Assert.True(task.TryPrepareArguments(), _engine.Log);
    }

    [Fact]
    public void A_line_break_in_a_value_is_DM0007()
    {
        BurnDisc task = CreateTask(new TaskItem(CreateFolder("publish")));
        task.VolumeLabel = "HELLO\nWORLD";

        Assert.False(task.TryPrepareArguments());

        ResourceText.AssertSingleError(_engine, Resources.ValueHasLineBreak, "HELLO\nWORLD", nameof(BurnDisc.VolumeLabel));
    }

    [Fact]
    public void Every_problem_is_reported_not_just_the_first()
    {
        BurnDisc task = CreateTask(new TaskItem(_temp.Combine("missing-1")), new TaskItem(_temp.Combine("missing-2")));
        task.ToolAssemblyPath = _temp.Combine("missing-tool.dll");

        Assert.False(task.TryPrepareArguments());

        Assert.Equal(["DM0005", "DM0001", "DM0001"], _engine.Errors.Select(e => e.Code));
    }

    [Fact]
    public void The_host_is_DotNetHostPath_then_NetCoreRoot_then_dotnet_on_the_PATH()
    {
        string hostName = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        string host = _temp.WriteFile(Path.Combine("host", hostName), "");
        string root = Path.GetDirectoryName(_temp.WriteFile(Path.Combine("root", hostName), ""))!;
        BurnDisc task = CreateTask(new TaskItem(CreateFolder("publish")));

        task.DotNetHostPath = host;
        task.NetCoreRoot = root;
        Assert.Equal(host, task.ResolveDotNetHost());

        task.DotNetHostPath = _temp.Combine("missing", hostName);
        Assert.Equal(Path.Combine(root, hostName), task.ResolveDotNetHost());

        task.DotNetHostPath = null;
        task.NetCoreRoot = _temp.Combine("missing");
        Assert.Equal(hostName, task.ResolveDotNetHost());
    }

    [Fact]
    public void Cancel_before_anything_ran_is_quiet_and_idempotent()
    {
        BurnDisc task = CreateTask(new TaskItem(CreateFolder("publish")));

        for (int i = 0; i < 10; i++)
        {
            task.Cancel();
        }

        Assert.Empty(_engine.Errors);
        Assert.Empty(_engine.Warnings);
        Assert.Empty(_engine.Messages);
    }

    private static TaskItem Item(string path, string targetPath) =>
        new(path, new Dictionary<string, string> { ["TargetPath"] = targetPath });

    private string CreateFolder(string name) => Directory.CreateDirectory(_temp.Combine(name)).FullName;

    private BurnDisc CreateTask(params ITaskItem[] sources) => new()
    {
        BuildEngine = _engine,
        ImagePath = _temp.Combine("out", "app.iso"),
        Sources = sources,
        ToolAssemblyPath = _temp.WriteFile(Path.Combine("tool", "dotnet-discmaster.dll"), ""),
    };
}
