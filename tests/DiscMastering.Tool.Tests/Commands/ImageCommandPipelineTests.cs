using System.Diagnostics;
using System.Text.Json;
using DiscMastering.Tool.Tests.TestSupport;

namespace DiscMastering.Tool.Tests.Commands;

/// <summary><c>--exclude</c>, <c>--preset cloud-init</c>, <c>-o -</c> and UTF-8 volume texts in <c>inspect</c>.</summary>
public class ImageCommandPipelineTests : IDisposable
{
    /// <summary>Lists the Joliet volume's label and root names, as cloud-init's mount of the seed sees them.</summary>
    private const string PycdlibJolietRoot = """
        import sys, pycdlib
        iso = pycdlib.PyCdlib()
        iso.open(sys.argv[1])
        print(iso.joliet_vd.volume_identifier.decode('utf-16-be').rstrip())
        for child in iso.list_children(joliet_path='/'):
            if not child.is_dot() and not child.is_dotdot():
                print(child.file_identifier().decode('utf-16-be'))
        iso.close()
        """;

    private static readonly Dictionary<string, string?> s_epoch = new() { ["SOURCE_DATE_EPOCH"] = "1700000000" };

    private readonly TempTree _tree = new();

    public ImageCommandPipelineTests()
        : this(Discmaster.Managed)
    {
    }

    protected ImageCommandPipelineTests(Discmaster discmaster) => Discmaster = discmaster;

    private Discmaster Discmaster { get; }

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void ExcludeLeavesEveryPdbOffTheDisc()
    {
        _tree.File("app.dll");
        _tree.File("app.pdb");
        _tree.File("lib/net10.0/x.dll");
        _tree.File("lib/net10.0/x.pdb");
        _tree.File("obj/cache.txt");

        var run = Discmaster.Run("image", _tree.Source, "-o", _tree.Image, "--exclude", "**/*.pdb", "--exclude", "obj/", "--progress", "none");

        run.AssertSucceeded();
        Assert.Equal(["/app.dll", "/lib", "/lib/net10.0", "/lib/net10.0/x.dll"], JolietListing(_tree.Image));
        var extracted = Path.Combine(_tree.Root, "7z");
        ImageReaders.ExtractWith7z(_tree.Image, extracted);
        Assert.Empty(Directory.GetFiles(extracted, "*.pdb", SearchOption.AllDirectories));
    }

    [Fact]
    public void AnExcludedNameJolietCannotHoldDoesNotFailTheImage()
    {
        _tree.File("bad:name.txt");
        _tree.File("good.txt");

        Discmaster.Run("image", _tree.Source, "-o", _tree.Image, "--progress", "none").AssertFailedWith("DM2001");
        Discmaster.Run("image", _tree.Source, "-o", _tree.Image, "--exclude", "bad:name.txt", "--progress", "none").AssertSucceeded();

        Assert.Equal(["/good.txt"], JolietListing(_tree.Image));
    }

    [Fact]
    public void BurnExcludeLeavesEveryPdbOffThePseudoDrive()
    {
        _tree.File("app.dll", new string('x', 100_000));
        _tree.File("app.pdb");
        _tree.File("tools/helper.pdb");
        _tree.File("tools/helper.exe");
        var drive = new PseudoDrive(Path.Combine(_tree.Root, "drive.bin"));

        var run = Discmaster.Run("burn", _tree.Source, "--recorder", drive.Address, "--exclude", "**/*.pdb", "--progress", "none");

        run.AssertSucceeded();
        Assert.Equal(["/app.dll", "/tools", "/tools/helper.exe"], JolietListing(drive.Path));
    }

    [Fact]
    public void CloudInitPresetMakesASeedLabelledCidata()
    {
        var userData = WriteOutside("user-data", "#cloud-config\npassword: passw0rd\n");
        var metaData = WriteOutside("meta-data", "instance-id: iid-local01\nlocal-hostname: seed\n");
        var seed = Path.Combine(_tree.Output, "seed.iso");

        var run = Discmaster.Run("image", userData, metaData, "--preset", "cloud-init", "-o", seed, "--progress", "none");

        run.AssertSucceeded();
        var lines = ExternalTool.Python.RunChecked(["-c", PycdlibJolietRoot, seed]).StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("cidata", lines[0]);
        Assert.Equal(["meta-data", "user-data"], lines[1..].Order(StringComparer.Ordinal));
        Assert.Contains("Volume id: CIDATA", ExternalTool.IsoInfo.RunChecked(["-i", seed, "-d"]).StdOut);
        Assert.Equal(["/meta-data", "/user-data"], JolietListing(seed));
    }

    [Fact]
    public void CloudInitPresetWithoutMetaDataIsDM2020()
    {
        _tree.File("user-data", "#cloud-config\n");
        _tree.File("docs/meta-data", "not at the root");

        var run = Discmaster.Run("image", _tree.Source, "--preset", "cloud-init", "-o", _tree.Image);

        run.AssertFailedWith("DM2020");
        Assert.Contains("'meta-data'", run.Error);
        Assert.Empty(_tree.OutputFiles());
    }

    [Fact]
    public void CloudInitPresetRefusesAnotherLabel()
    {
        _tree.File("user-data");
        _tree.File("meta-data");

        var run = Discmaster.Run("image", _tree.Source, "--preset", "cloud-init", "-V", "SEED", "-o", _tree.Image);

        run.AssertFailedWith("DM1000");
        Assert.Contains("cidata", run.Error);
    }

    [Fact]
    public void ImageToStandardOutputEqualsTheImageFile()
    {
        _tree.File("setup.exe", new string('s', 300_000));
        _tree.File("docs/readme.txt", "read me");
        _tree.File("docs/Ünïcode name.txt", "names as they are");
        Discmaster.Run(["image", _tree.Source, "-o", _tree.Image, "--progress", "none"], s_epoch).AssertSucceeded();

        var run = Discmaster.RunBinary(["image", _tree.Source, "-o", "-", "--progress", "plain"], s_epoch);

        run.AssertSucceeded();
        Assert.True(File.ReadAllBytes(_tree.Image).AsSpan().SequenceEqual(run.Output), "-o - must write the bytes -o <file> writes");
        Assert.Contains("Mastered 3 files in 1 folders into standard output", run.Error);
        Assert.DoesNotContain("discmaster : error", run.Error);
    }

    [Fact]
    public void ImageToStandardOutputPutsJsonProgressOnStandardError()
    {
        _tree.File("a.txt");

        var run = Discmaster.RunBinary(["image", _tree.Source, "-o", "-", "--progress", "json"]);

        run.AssertSucceeded();
        var events = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal("summary", events[^1].GetProperty("event").GetString());
        Assert.Equal("-", events[^1].GetProperty("image").GetString());
        Assert.Equal(run.Output.Length, events[^1].GetProperty("imageBytes").GetInt64());
    }

    [Fact]
    public async Task AReaderClosingEarlyEndsWithACleanError()
    {
        _tree.File("big.bin", new string('b', 4 << 20));

        using var process = Discmaster.Start(["image", _tree.Source, "-o", "-", "--progress", "none"]);
        var error = process.StandardError.ReadToEndAsync();
        var first = new byte[100];
        await process.StandardOutput.BaseStream.ReadExactlyAsync(first);
        process.StandardOutput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        var run = new ToolRun(process.ExitCode, "", await error);
        run.AssertFailedWith("DM2011");
        Assert.Contains("standard output was closed", run.Error);
    }

    [Fact]
    public async Task ImageToATerminalIsRefused()
    {
        _tree.File("a.txt");
        var command = string.Join(' ', Discmaster.CommandLine.Concat(["image", _tree.Source, "-o", "-"]).Select(a => "'" + a + "'"));
        var info = new ProcessStartInfo("script") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-qec", command, "/dev/null" })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        // Under script(1) both streams are the terminal, so the error arrives on script's standard output.
        var text = await output + await error;
        Assert.Equal(1, process.ExitCode);
        Assert.Contains("error DM1000", text);
        Assert.Contains("redirect it to a file", text);
    }

    [Fact]
    public void InspectShowsAUtf8PrimaryLabelAsUtf8()
    {
        _tree.File("a.txt");
        var image = Path.Combine(_tree.Root, "cafe.iso");
        new ExternalTool("genisoimage", "apt-get install genisoimage")
            .RunChecked(["-quiet", "-J", "-V", "Café", "-input-charset", "utf-8", "-o", image, _tree.Source]);

        var run = Discmaster.Run("inspect", image, "--json");

        run.AssertSucceeded();
        var volumes = JsonDocument.Parse(run.Output).RootElement.GetProperty("volumes").EnumerateArray().ToList();
        var primary = volumes.Single(v => v.GetProperty("kind").GetString() == "primary");
        Assert.Equal("Café", primary.GetProperty("label").GetString());
    }

    private string WriteOutside(string name, string content)
    {
        var path = Path.Combine(_tree.Root, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static List<string> JolietListing(string image) =>
        ExternalTool.IsoInfo.RunChecked(["-i", image, "-J", "-f"]).StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToList();
}
