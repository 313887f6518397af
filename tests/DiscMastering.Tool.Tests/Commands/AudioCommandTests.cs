using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DiscMastering.Imapi.Tests.Redbook;
using DiscMastering.Tool.Tests.TestSupport;

namespace DiscMastering.Tool.Tests.Commands;

public class AudioCommandTests : IDisposable, IClassFixture<LongWaveFixture>
{
    private const int SectorSize = WaveBuilder.SectorSize;

    private readonly TempTree _tree = new();
    private readonly LongWaveFixture _long;

    public AudioCommandTests(LongWaveFixture longWave)
        : this(Discmaster.Managed, longWave)
    {
    }

    protected AudioCommandTests(Discmaster discmaster, LongWaveFixture longWave)
    {
        Discmaster = discmaster;
        _long = longWave;
    }

    private Discmaster Discmaster { get; }

    private string Cue => Path.Combine(_tree.Output, "disc.cue");

    private string Bin => Path.Combine(_tree.Output, "disc.bin");

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void ThreeWavsMakeACueBinThatCdInfoReads()
    {
        var waves = ThreeWaves();

        var run = Discmaster.Run(["audio", .. waves, "-o", Cue, "--title", "The \"Album\"", "--performer", "The Band", "--progress", "none"], null);

        run.AssertSucceeded();
        Assert.Contains($"discmaster : warning DM4010: track 2 '{waves[1]}'", run.Error);
        var info = ExternalTool.CdInfo.RunChecked(["--no-device-info", "--cue-file", Cue]).StdOut;
        // 6.3 s is 472.5 sectors, so 473; 2.01 s is padded to 300; the gaps are 150 sectors.
        Assert.Contains("  1: 00:04:00  000150 audio", info);
        Assert.Contains("  2: 00:12:23  000773 audio", info);
        Assert.Contains("  3: 00:18:23  001223 audio", info);
        Assert.Contains("170: 00:23:23  001598 leadout", info);
        Assert.Contains("CD-TEXT for Disc:\n\tTITLE: The 'Album'\n\tPERFORMER: The Band", info);
        Assert.Contains("CD-TEXT for Track  1:\n\tTITLE: one\n\tPERFORMER: The Band", info);
        Assert.Contains("CD-TEXT for Track  3:\n\tTITLE: three", info);

        var bin = File.ReadAllBytes(Bin);
        Assert.Equal(1598 * SectorSize, bin.Length);
        AssertSamplesAtAndSilenceElsewhere(bin, waves, [150, 773, 1223], [623, 1073, 1598]);
        Assert.Equal(["disc.bin", "disc.cue"], _tree.OutputFiles().Order());
    }

    [Fact]
    public void GapZeroPutsTracksBackToBack()
    {
        var waves = ThreeWaves();

        Discmaster.Run(["audio", .. waves, "-o", Cue, "--gap", "0", "--progress", "none"], null).AssertSucceeded();

        var info = ExternalTool.CdInfo.RunChecked(["--no-device-info", "--cue-file", Cue]).StdOut;
        Assert.Contains("  2: 00:10:23  000623 audio", info);
        Assert.Contains("  3: 00:14:23  000923 audio", info);
        Assert.Contains("170: 00:19:23  001298 leadout", info);
        var cue = File.ReadAllText(Cue);
        Assert.Single(cue.Split('\n'), l => l.Contains("INDEX 00", StringComparison.Ordinal));
        AssertSamplesAtAndSilenceElsewhere(File.ReadAllBytes(Bin), waves, [150, 623, 923], [623, 923, 1298]);
    }

    [Fact]
    public void TitlesComeFromTheFileThenTheWavInfoThenTheName()
    {
        var tagged = Path.Combine(_tree.Source, "tagged.wav");
        File.WriteAllBytes(tagged, WaveBuilder.Riff("RIFF", WaveBuilder.Chunk("fmt ", WaveBuilder.Format()), WaveBuilder.Chunk("LIST", WaveBuilder.Info("Tagged Title", "Tagged Artist")), WaveBuilder.Chunk("data", WaveBuilder.Samples(400 * 588))));
        var plain = WaveBuilder.Sox(Path.Combine(_tree.Source, "plain name.wav"), "5");
        var titles = _tree.File("titles.txt", "From The File\n\n");

        Discmaster.Run(["audio", tagged, plain, "-o", Cue, "--progress", "none"], null).AssertSucceeded();
        var inspect = Discmaster.Run("inspect", Cue, "--json");
        inspect.AssertSucceeded();
        var tracks = JsonDocument.Parse(inspect.Output).RootElement.GetProperty("tracks").EnumerateArray().ToList();
        Assert.Equal(["Tagged Title", "plain name"], tracks.Select(t => t.GetProperty("title").GetString()));
        Assert.Equal("Tagged Artist", tracks[0].GetProperty("performer").GetString());

        Discmaster.Run(["audio", tagged, plain, "-o", Cue, "--track-titles", titles, "--progress", "none"], null).AssertSucceeded();
        var info = ExternalTool.CdInfo.RunChecked(["--no-device-info", "--cue-file", Cue]).StdOut;
        Assert.Contains("CD-TEXT for Track  1:\n\tTITLE: From The File", info);
        Assert.Contains("CD-TEXT for Track  2:\n\tTITLE: plain name", info);
    }

    [Fact]
    public void InspectShowsTracksIndexesLengthsAndCdText()
    {
        Discmaster.Run(["audio", .. ThreeWaves(), "-o", Cue, "--title", "Album", "--performer", "Band", "--progress", "none"], null).AssertSucceeded();

        var text = Discmaster.Run("inspect", Cue);
        text.AssertSucceeded();
        var lines = text.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains($"Cue sheet: {Cue}", lines);
        Assert.Contains("Title:      Album", lines);
        Assert.Contains("Track 02 (AUDIO)", lines);
        Assert.Contains("  INDEX 00:   00:08:23  (sector 623)", lines);
        Assert.Contains("  INDEX 01:   00:10:23  (sector 773)", lines);
        Assert.Contains("  Length:     00:04:00  (300 sectors)", lines);
        Assert.Contains("  Title:      two", lines);
        Assert.Contains("3 tracks, 00:21:23 (1,598 sectors)", lines);

        var json = Discmaster.Run("inspect", Cue, "--json");
        json.AssertSucceeded();
        var root = JsonDocument.Parse(json.Output).RootElement;
        Assert.Equal(Bin, root.GetProperty("bin").GetString());
        Assert.Equal("Band", root.GetProperty("performer").GetString());
        var tracks = root.GetProperty("tracks").EnumerateArray().ToList();
        Assert.Equal([0L, 623, 1073], tracks.Select(t => t.GetProperty("index00Sector").GetInt64()));
        Assert.Equal(["00:02:00", "00:10:23", "00:16:23"], tracks.Select(t => t.GetProperty("index01").GetString()));
        Assert.Equal([473L, 300, 375], tracks.Select(t => t.GetProperty("sectors").GetInt64()));
    }

    [Fact]
    public void JsonProgressUsesTheMasteringEvents()
    {
        var run = Discmaster.Run(["audio", .. ThreeWaves(), "-o", Cue, "--progress", "json"], null);

        run.AssertSucceeded();
        var events = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var last = events[^2];
        Assert.Equal(("progress", "writing"), (last.GetProperty("event").GetString(), last.GetProperty("phase").GetString()));
        Assert.Equal(1598L * SectorSize, last.GetProperty("bytesTotal").GetInt64());
        Assert.Equal((3, 3), (last.GetProperty("filesDone").GetInt32(), last.GetProperty("filesTotal").GetInt32()));
        var summary = events[^1];
        Assert.Equal("summary", summary.GetProperty("event").GetString());
        Assert.Equal(Cue, summary.GetProperty("image").GetString());
        Assert.Equal((3, 0), (summary.GetProperty("files").GetInt32(), summary.GetProperty("folders").GetInt32()));
        Assert.Equal(1598L * SectorSize, summary.GetProperty("imageBytes").GetInt64());
        Assert.True(summary.TryGetProperty("seconds", out _) && summary.TryGetProperty("mibPerSecond", out _));
        Assert.StartsWith("Wrote 3 tracks", summary.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("low", "DM4003", "22,050 Hz, 8-bit, mono")]
    [InlineData("truncated", "DM4004", "cut short")]
    [InlineData("text", "DM4002", "not a WAV file")]
    [InlineData("missing", "DM4001", "does not exist")]
    [InlineData("hundred", "DM4005", "at most 99")]
    [InlineData("titles", "DM4009", "2 lines for 3 tracks")]
    [InlineData("no titles file", "DM4009", "does not exist")]
    [InlineData("gap", "DM4009", "--gap")]
    [InlineData("media", "DM1003", "cd74")]
    public void BadInputLeavesNothingBehind(string kind, string code, string said)
    {
        var waves = ThreeWaves();
        string[] args = kind switch
        {
            "low" => [Low(), .. waves],
            "truncated" => [.. waves, Truncated()],
            "text" => [.. waves, _tree.File("notes.wav", "these are notes")],
            "missing" => [.. waves, Path.Combine(_tree.Source, "missing.wav")],
            "hundred" => [.. Enumerable.Repeat(waves[1], 100)],
            "titles" => [.. waves, "--track-titles", _tree.File("titles.txt", "one\ntwo\n")],
            "no titles file" => [.. waves, "--track-titles", Path.Combine(_tree.Source, "none.txt")],
            "gap" => [.. waves, "--gap", "61"],
            _ => [.. waves, "--media", "dvd5"],
        };

        var run = Discmaster.Run(["audio", .. args, "-o", Cue], null);

        run.AssertFailedWith(code);
        Assert.Contains(said, run.Error);
        Assert.Empty(_tree.OutputFiles());
    }

    [Fact]
    public void OverCapacityGivesTheOverflow()
    {
        // 2 s + 40:00 + 2 s + 40:00 = 80:04:00, which is 06:04:00 more than cd74 plays.
        var run = Discmaster.Run(["audio", _long.Path, _long.Path, "-o", Cue, "--media", "cd74"], null);

        run.AssertFailedWith("DM4006");
        Assert.Contains("80:04:00", run.Error);
        Assert.Contains("06:04:00 too long", run.Error);
        Assert.Empty(_tree.OutputFiles());
    }

    [Fact]
    public void SigtermDuringALongWriteLeavesNothing()
    {
        using var process = Discmaster.Start(["audio", _long.Path, "-o", Cue, "--progress", "json"]);
        string? line;
        while ((line = process.StandardOutput.ReadLine()) is not null && !line.Contains("\"writing\"", StringComparison.Ordinal))
        {
        }

        Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]).WaitForExit();
        var error = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(30)), "the tool did not stop after SIGTERM");

        Assert.Equal(130, process.ExitCode);
        Assert.Contains("error DM1008", error);
        Assert.Empty(_tree.OutputFiles());
    }

    [Fact]
    public void RecorderOrOutputIsNeeded()
    {
        Discmaster.Run(["audio", .. ThreeWaves()], null).AssertFailedWith("DM1000");
    }

    [Fact]
    public void AudioToAPseudoDriveIsACleanError()
    {
        var drive = Path.Combine(_tree.Root, "drive.bin");

        var run = Discmaster.Run(["audio", .. ThreeWaves(), "--recorder", "stdio:" + drive], null);

        // The real libburn refuses audio tracks on a pseudo-drive ("audio track prohibited by non-CD").
        run.AssertFailedWith("DM4008");
        Assert.Contains("prohibited by non-CD", run.Error);
        Assert.Contains("-o disc.cue", run.Error);
        Assert.False(File.Exists(drive) && new FileInfo(drive).Length > 0, "audio reached the pseudo-drive's file");

        // The drive was released: data can follow at once.
        Discmaster.Run("image", _tree.Source, "-o", _tree.Image, "--progress", "none").AssertSucceeded();
        Discmaster.Run("burn", _tree.Image, "--recorder", "stdio:" + drive, "--progress", "none").AssertSucceeded();
    }

    private string[] ThreeWaves() =>
    [
        WaveBuilder.Sox(Path.Combine(_tree.Source, "one.wav"), "6.3", 440),
        WaveBuilder.Sox(Path.Combine(_tree.Source, "two.wav"), "2.01", 660),
        WaveBuilder.Sox(Path.Combine(_tree.Source, "three.wav"), "5", 880),
    ];

    private string Low()
    {
        var path = Path.Combine(_tree.Source, "low.wav");
        ExternalTool.Sox.RunChecked(["-n", "-r", "22050", "-b", "8", "-c", "1", path, "synth", "1", "sine", "440"]);
        return path;
    }

    private string Truncated()
    {
        var path = WaveBuilder.Sox(Path.Combine(_tree.Source, "cut.wav"), "3");
        using var file = File.OpenWrite(path);
        file.SetLength(file.Length / 2);
        return path;
    }

    /// <summary>Each WAV's samples (as sox reads them) start at its INDEX 01; everything else up to its end is zeros.</summary>
    private void AssertSamplesAtAndSilenceElsewhere(byte[] bin, string[] waves, long[] index01, long[] ends)
    {
        var position = 0L;
        for (var i = 0; i < waves.Length; i++)
        {
            var samples = WaveBuilder.RawSamples(waves[i], Path.Combine(_tree.Root, $"raw{i}.raw"));
            var start = index01[i] * SectorSize;
            Assert.True(bin.AsSpan((int)position, (int)(start - position)).IndexOfAnyExcept((byte)0) < 0, $"the gap before track {i + 1} is not silence");
            Assert.True(bin.AsSpan((int)start, samples.Length).SequenceEqual(samples), $"track {i + 1}'s samples differ from {waves[i]}");
            position = start + samples.Length;
            var end = ends[i] * SectorSize;
            Assert.True(bin.AsSpan((int)position, (int)(end - position)).IndexOfAnyExcept((byte)0) < 0, $"the padding after track {i + 1} is not silence");
            position = end;
        }

        Assert.Equal(bin.Length, position);
    }
}
