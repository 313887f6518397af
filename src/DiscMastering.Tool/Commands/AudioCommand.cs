using RequiredAttribute = System.ComponentModel.DataAnnotations.RequiredAttribute;
using System.Globalization;
using System.Text;
using DiscMastering.Imapi;
using DiscMastering.Imapi.Recording;
using DiscMastering.Imapi.Redbook;
using DiscMastering.Tool.Progress;
using McMaster.Extensions.CommandLineUtils;

namespace DiscMastering.Tool.Commands;

/// <summary><c>discmaster audio</c>: makes an audio CD (Red Book) from WAV files, as a CUE/BIN image or on a recorder.</summary>
[Command(
    Name = "audio",
    Description = "Make an audio CD from WAV files (44.1 kHz, 16-bit, stereo): a cue sheet and BIN image, or a recording.",
    ExtendedHelpText = """

Layout: track 1 starts after the disc's 2-second pause; each later track follows a gap of silence (--gap,
2 seconds by default). A track shorter than 4 seconds is padded with silence to 4 seconds (warning DM4010).
The tracks must fit the disc's playing time (--media cd80, 80 minutes, by default; cd74 is 74 minutes).

CD-TEXT: --title and --performer name the disc. A track's title comes from --track-titles (one line per
track), else the WAV's INFO title (INAM), else its file name; its performer from the WAV's INFO artist
(IART), else --performer.

-o disc.cue writes disc.cue and disc.bin beside it; both appear only when both are complete.

Examples:
  dotnet discmaster audio 01.wav 02.wav 03.wav -o album/disc.cue --title "Live" --performer "The Band"
  dotnet discmaster audio *.wav -o disc.cue --gap 0 --media cd74 --track-titles titles.txt
  dotnet discmaster inspect album/disc.cue
""")]
internal sealed class AudioCommand : CommandBase
{
    /// <summary>A titles file holds at most 99 short lines; anything larger is not one.</summary>
    private const int MaxTrackTitlesBytes = 1 << 20;

    public AudioCommand(ToolContext context)
        : base(context)
    {
    }

    [Argument(0, Name = "tracks", Description = "WAV files, one per track, in order.")]
    [Required(ErrorMessage = "name at least one WAV file, such as: dotnet discmaster audio 01.wav 02.wav -o disc.cue")]
    public string[] Tracks { get; init; } = [];

    [Option("-o|--output <FILE>", Description = "The cue sheet to write; the BIN image is written beside it with the extension .bin. Both are replaced only when both are complete.")]
    [LegalFilePath]
    public string? Output { get; init; }

    [Option("--gap <SECONDS>", Description = "Silence between tracks, 0 to 60 seconds (default 2). Track 1 always follows 2 seconds.")]
    public string Gap { get; init; } = "2";

    [Option("--media <MEDIA>", Description = "The playing time the tracks must fit: cd74 (74 minutes) or cd80 (80 minutes, the default).")]
    public string Media { get; init; } = "cd80";

    [Option("--title <TEXT>", Description = "CD-TEXT album title.")]
    public string? Title { get; init; }

    [Option("--performer <TEXT>", Description = "CD-TEXT album performer; also each track's unless its WAV names one.")]
    public string? Performer { get; init; }

    [Option("--track-titles <FILE>", Description = "A UTF-8 text file with one title per line, one line per track; an empty line keeps the WAV's own title.")]
    public string? TrackTitles { get; init; }

    [Option("--progress <MODE>", Description = "auto (a bar on a terminal, plain lines otherwise), bar, plain, json (one object per line, for programs) or none.")]
    [AllowedValues("auto", "bar", "plain", "json", "none", IgnoreCase = true)]
    public string ProgressMode { get; init; } = "auto";

    [Option(RecorderAddress.Template, Description = RecorderAddress.Description + " The disc is recorded there instead of, or as well as, written with -o.")]
    public string? Recorder { get; init; }

    [Option("--simulate", Description = "With --recorder: go through the whole recording with the laser off; nothing is written.")]
    public bool Simulate { get; init; }

    [Option("--eject", Description = "With --recorder: open the tray when done.")]
    public bool Eject { get; init; }

    [Option("--speed <N>", Description = "With --recorder: write speed as a multiple of 1x (176 kB/s), or max (the default).")]
    public string Speed { get; init; } = "max";

    protected override string WhatCancellingLeaves => Recorder is null
        ? "no cue sheet or BIN image was written and any earlier ones are unchanged."
        : "the recorder was stopped and released; write-once media may hold an unfinished disc.";

    protected override int Execute(CommandLineApplication app)
    {
        if (Output is null && Recorder is null)
        {
            return Context.Diagnostics.InvalidArguments("name the cue sheet to write with -o disc.cue, or a recorder with --recorder");
        }

        var speed = BurnCommand.ParseSpeed(Speed);
        var options = new RedbookOptions
        {
            Gap = ParseGap(Gap),
            Media = ParseMedia(Media),
            Title = Title,
            Performer = Performer,
            TrackTitles = TrackTitles is null ? null : ReadTrackTitles(TrackTitles, Tracks.Length),
        };
        using var master = new RedbookDiscMaster(Tracks, options);
        foreach (var warning in master.Warnings)
        {
            Context.Diagnostics.Warning(warning.Code, warning.Message);
        }

        if (Output is not null)
        {
            WriteCueBin(master, Output);
        }

        if (Recorder is not null)
        {
            Record(master, Recorder, speed);
        }

        return 0;
    }

    private void WriteCueBin(RedbookDiscMaster master, string output)
    {
        using var reporter = MasteringReporter.Create(ProgressMode, Context);
        var summary = master.WriteCueBin(output, reporter, Context.CancellationToken);
        var message = Invariant(
            $"Wrote {master.TrackCount} tracks ({Msf.Format(master.UsedBlocks)} of {Msf.Format(master.TotalBlocks)}) to {summary.ImagePath} and {Path.GetFileName(RedbookDiscMaster.BinPathFor(summary.ImagePath))}: {summary.ImageBytes / 1048576.0:0.0} MiB in {summary.Elapsed.TotalSeconds:0.00} s ({summary.MiBPerSecond:0.0} MiB/s)");
        reporter.Complete(summary, message);
    }

    private void Record(RedbookDiscMaster master, string address, double? speed)
    {
        using var reporter = RecordingReporter.Create(ProgressMode, Context);
        using var discMaster = new DiscMaster();
        var recorder = discMaster.GetRecorder(address);
        reporter.Follow(recorder);
        var disc = master.CreateAudioDisc();
        var options = new RecordOptions { Simulate = Simulate, Speed = speed, Eject = Eject };
        var result = recorder.RecordAudio(disc, options, Context.CancellationToken);
        var what = Invariant($"{master.TrackCount} tracks ({Msf.Format(master.UsedBlocks)})");
        var message = Simulate
            ? Invariant($"Simulated recording {what} to {recorder.Address} in {result.Elapsed.TotalSeconds:0.0} s: nothing was written.")
            : Invariant($"Recorded {what} to {recorder.Address} in {result.Elapsed.TotalSeconds:0.0} s.");
        reporter.Complete("recorded", message, json =>
        {
            json.WriteString("recorder", recorder.Address);
            json.WriteNumber("tracks", master.TrackCount);
            json.WriteNumber("blocks", result.Blocks);
            json.WriteNumber("startBlock", result.StartBlock);
            json.WriteBoolean("simulated", result.Simulated);
            json.WriteNumber("seconds", Math.Round(result.Elapsed.TotalSeconds, 3));
        });
    }

    private static TimeSpan ParseGap(string value)
    {
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds) && seconds >= 0 && seconds <= 60)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        throw new DiscMasteringException(DiscMasteringError.InvalidAudioOption, $"--gap is '{value}'; give the silence between tracks in seconds, 0 to 60, such as 2 or 0.");
    }

    private static AudioMedia ParseMedia(string value) => value.ToLowerInvariant() switch
    {
        "cd74" => AudioMedia.Cd74,
        "cd80" => AudioMedia.Cd80,
        _ => throw new DiscMasteringException(DiscMasteringError.InvalidMedia, $"--media is '{value}', which is not an audio CD; choose cd74 (74 minutes) or cd80 (80 minutes)."),
    };

    /// <summary>One title per line; the last line's break is optional, and an empty line keeps the WAV's own title.</summary>
    private static List<string?> ReadTrackTitles(string path, int tracks)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath) || new FileInfo(fullPath).Length > MaxTrackTitlesBytes)
        {
            throw new DiscMasteringException(
                DiscMasteringError.InvalidAudioOption,
                $"the track titles file '{fullPath}' {(File.Exists(fullPath) ? "is larger than a list of 99 titles" : "does not exist")}; give a text file with one title per line.");
        }

        var text = File.ReadAllText(fullPath, new UTF8Encoding(false)).TrimStart('\uFEFF');
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        if (lines.Count != tracks)
        {
            throw new DiscMasteringException(
                DiscMasteringError.InvalidAudioOption,
                Invariant($"the track titles file '{fullPath}' has {lines.Count} lines for {tracks} tracks; give one title per line, one line per track, in order."));
        }

        return lines.Select(l => string.IsNullOrWhiteSpace(l) ? null : l.Trim()).ToList();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
