using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DiscMastering.Tool.Tests.TestSupport;

namespace DiscMastering.Tool.Tests.Commands;

/// <summary><c>burn</c>, <c>verify</c>, <c>erase</c> and <c>eject</c> through the real libburn on <c>stdio:</c> pseudo-drives.</summary>
public class BurnCommandTests : IDisposable
{
    private readonly TempTree _tree = new();

    public BurnCommandTests()
        : this(Discmaster.Managed)
    {
    }

    protected BurnCommandTests(Discmaster discmaster)
    {
        Discmaster = discmaster;
        _tree.File("setup.exe", new string('x', 300_000));
        _tree.File("docs/readme.txt", "read me");
        _tree.File("docs/Ünïcode name.txt", "names as they are");
        _tree.File("empty.txt", "");
    }

    private Discmaster Discmaster { get; }

    public void Dispose() => _tree.Dispose();

    private PseudoDrive Drive => new(Path.Combine(_tree.Root, "drive.bin"));

    [Fact]
    public void SimulationWritesNothing()
    {
        var image = MasterImage();

        var run = Discmaster.Run("burn", image, "--recorder", Drive.Address, "--simulate", "--progress", "plain");

        run.AssertSucceeded();
        Assert.Contains("nothing was written", run.Output);
        Assert.Equal(0, Drive.Length);
    }

    [Fact]
    public void RecordingAnImagePutsItsBytesAtTheStartOfTheDrive()
    {
        var image = MasterImage();

        var run = Discmaster.Run("burn", image, "--recorder", Drive.Address, "--progress", "plain");

        run.AssertSucceeded();
        Assert.Contains("Recorded ", run.Output);
        var expected = File.ReadAllBytes(image);
        Assert.True(Drive.Length >= expected.Length);
        Assert.True(expected.AsSpan().SequenceEqual(Drive.ReadStart(expected.Length)), "the drive file must start with the image's bytes");
    }

    [Fact]
    public void AFolderBurnedDirectlyReadsBackAsTheFolder()
    {
        var run = Discmaster.Run("burn", _tree.Source, "--recorder", Drive.Address, "--volume-label", "Direct", "--progress", "json");

        run.AssertSucceeded();
        var events = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Contains(events, e => e.GetProperty("event").GetString() == "recording" && e.GetProperty("phase").GetString() == "writing");
        var recorded = events[^1];
        Assert.Equal("recorded", recorded.GetProperty("event").GetString());
        Assert.False(recorded.GetProperty("simulated").GetBoolean());

        foreach (var (reader, extract) in new (string, Action<string, string>)[]
        {
            ("7z", ImageReaders.ExtractWith7z),
            ("xorriso", ImageReaders.ExtractWithXorriso),
            ("pycdlib", ImageReaders.ExtractWithPycdlib),
        })
        {
            var folder = Path.Combine(_tree.Root, "read-" + reader);
            extract(Drive.Path, folder);
            ImageReaders.AssertSameTree(_tree.Source, folder, reader);
        }
    }

    [Fact]
    public void BurnedFolderEqualsTheImageOfTheSameFolder()
    {
        var epoch = new Dictionary<string, string?> { ["SOURCE_DATE_EPOCH"] = "1700000000" };
        Discmaster.Run(["image", _tree.Source, "-o", _tree.Image], epoch).AssertSucceeded();

        Discmaster.Run(["burn", _tree.Source, "--recorder", Drive.Address, "--progress", "none"], epoch).AssertSucceeded();

        var expected = File.ReadAllBytes(_tree.Image);
        Assert.True(expected.AsSpan().SequenceEqual(Drive.ReadStart(expected.Length)), "mastering on the fly must record the bytes 'image' writes");
    }

    [Fact]
    public void VerifyFindsOneChangedByte()
    {
        var image = MasterImage();
        Discmaster.Run("burn", image, "--recorder", Drive.Address, "--verify", "--progress", "none").AssertSucceeded();
        Discmaster.Run("verify", image, "--recorder", Drive.Address, "--progress", "none").AssertSucceeded();

        Drive.Corrupt((20 * 2048) + 100);
        var run = Discmaster.Run("verify", image, "--recorder", Drive.Address, "--progress", "none");

        run.AssertFailedWith("DM3007");
        Assert.Contains("block 20 ", run.Error);
    }

    [Fact]
    public void BurnWithVerifySaysVerified()
    {
        var run = Discmaster.Run("burn", MasterImage(), "--recorder", Drive.Address, "--verify", "--progress", "plain");

        run.AssertSucceeded();
        Assert.Contains("verified", run.Output);
        Assert.Contains("Verifying", run.Output);
    }

    [Fact]
    public void APseudoDriveInAMissingFolderIsACodedError()
    {
        var run = Discmaster.Run("burn", MasterImage(), "--recorder", "stdio:" + Path.Combine(_tree.Root, "missing", "drive.bin"));

        run.AssertFailedWith("DM3002");
    }

    [Fact]
    public void AnImageLargerThanTheMediaFailsBeforeWriting()
    {
        // A 1 MiB tmpfs is a pseudo-drive whose "media" holds 512 blocks.
        var small = Path.Combine(_tree.Root, "small");
        Directory.CreateDirectory(small);
        RunChecked("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", small);
        try
        {
            File.WriteAllBytes(Path.Combine(_tree.Source, "big.bin"), new byte[2 << 20]);
            var drive = new PseudoDrive(Path.Combine(small, "drive.bin"));

            var run = Discmaster.Run("burn", _tree.Source, "--recorder", drive.Address);

            run.AssertFailedWith("DM2008");
            Assert.Contains("exceeds the capacity by", run.Error);
            Assert.Equal(0, drive.Length);
        }
        finally
        {
            RunChecked("umount", small);
        }
    }

    [Fact]
    public void CancellingABurnReleasesTheDriveForTheNextOne()
    {
        // A sparse file costs no disk but keeps the recorder busy long enough to be stopped midway.
        using (var big = File.Create(Path.Combine(_tree.Source, "big.bin")))
        {
            big.SetLength(3L << 30);
        }

        using var process = StartBurnAndWaitForWriting();
        Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]).WaitForExit();
        var error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "the tool did not stop after SIGTERM");
        Assert.Equal(130, process.ExitCode);
        Assert.Contains("error DM1008", error);
        Assert.Contains("released", error);

        File.Delete(Path.Combine(_tree.Source, "big.bin"));
        var image = MasterImage();
        Discmaster.Run("burn", image, "--recorder", Drive.Address, "--verify", "--progress", "none").AssertSucceeded();
    }

    [Fact]
    public void ADriveAnotherProcessIsWritingIsBusyNotAHang()
    {
        using (var big = File.Create(Path.Combine(_tree.Source, "big.bin")))
        {
            big.SetLength(3L << 30);
        }

        using var first = StartBurnAndWaitForWriting();
        try
        {
            var stopwatch = Stopwatch.StartNew();
            var run = Discmaster.Run("recorders", "--recorder", Drive.Address);

            run.AssertFailedWith("DM3003");
            Assert.Contains(Drive.Address, run.Error);
            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), $"a busy drive took {stopwatch.Elapsed} to report");
        }
        finally
        {
            Process.Start("kill", ["-TERM", first.Id.ToString(CultureInfo.InvariantCulture)]).WaitForExit();
            first.WaitForExit(TimeSpan.FromSeconds(60));
        }
    }

    [Fact]
    public void ErasingAPseudoDriveSaysWhatToDoInstead()
    {
        // libburn blanks real drives only; a pseudo-drive's file is deleted or simply written again.
        Discmaster.Run("burn", MasterImage(), "--recorder", Drive.Address, "--progress", "none").AssertSucceeded();

        var run = Discmaster.Run("erase", "--recorder", Drive.Address);

        run.AssertFailedWith("DM3008");
        Assert.Contains("delete or overwrite " + Drive.Path, run.Error);
    }

    [Fact]
    public void ABurnOverAnEarlierOneReplacesItsBytes()
    {
        Discmaster.Run("burn", MasterImage(), "--recorder", Drive.Address, "--progress", "none").AssertSucceeded();
        _tree.File("docs/readme.txt", "read me again, changed");

        var run = Discmaster.Run("burn", MasterImage(), "--recorder", Drive.Address, "--verify", "--progress", "none");

        run.AssertSucceeded();
        Assert.Contains("verified", run.Output);
    }

    [Fact]
    public void BadSpeedIsACodedError()
    {
        var run = Discmaster.Run("burn", MasterImage(), "--recorder", Drive.Address, "--speed", "fast");

        run.AssertFailedWith("DM1000");
        Assert.Contains("--speed", run.Error);
    }

    [Fact]
    public void MissingRecorderOptionIsACodedError()
    {
        var run = Discmaster.Run("burn", MasterImage());

        run.AssertFailedWith("DM1000");
        Assert.Contains("--recorder", run.Error);
    }

    /// <summary>Starts burning the source folder and returns once blocks are being written.</summary>
    private Process StartBurnAndWaitForWriting()
    {
        var process = Discmaster.Start(["burn", _tree.Source, "--recorder", Drive.Address, "--progress", "json"]);
        string? line;
        while ((line = process.StandardOutput.ReadLine()) is not null && !(line.Contains("\"writing\"", StringComparison.Ordinal) && !line.Contains("\"blocksDone\":0,", StringComparison.Ordinal)))
        {
        }

        return process;
    }

    private string MasterImage()
    {
        Discmaster.Run("image", _tree.Source, "-o", _tree.Image, "--progress", "none").AssertSucceeded();
        return _tree.Image;
    }

    private static void RunChecked(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)} failed: {error} (the test needs root to mount a small tmpfs)");
    }
}
