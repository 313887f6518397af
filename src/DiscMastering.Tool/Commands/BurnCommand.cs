using RequiredAttribute = System.ComponentModel.DataAnnotations.RequiredAttribute;
using System.Globalization;
using DiscMastering.Imapi;
using DiscMastering.Imapi.Iso9660;
using DiscMastering.Imapi.Recording;
using DiscMastering.Tool.Progress;
using McMaster.Extensions.CommandLineUtils;

namespace DiscMastering.Tool.Commands;

/// <summary><c>discmaster burn</c>: records an image, or sources mastered on the fly, to a recorder.</summary>
[Command(
    Name = "burn",
    Description = "Record an ISO image, or folders and files mastered on the fly, to a disc recorder.",
    ExtendedHelpText = """

What is recorded:
  image.iso               one ISO 9660 image file, recorded as it is
  sources...              folders, files and graft points (disc/path=local/path), mastered as 'image'
                          would and streamed to the drive without a temporary image

Before the first block: the media must be present and writable, and the image must fit its free blocks.
The disc is closed unless --appendable. Ctrl+C stops the recorder and releases it (exit code 130).

Examples:
  dotnet discmaster burn app.iso --recorder /dev/sr0 --verify
  dotnet discmaster burn publish/ --recorder 0 --volume-label MYAPP --eject
  dotnet discmaster burn app.iso --recorder stdio:/tmp/disc.bin --simulate
""")]
internal sealed class BurnCommand : MasteringCommandBase
{
    /// <summary>Where ECMA-119 puts the first volume descriptor's "CD001" (block 16, after its type byte).</summary>
    private const int StandardIdentifierOffset = 16 * 2048 + 1;

    public BurnCommand(ToolContext context)
        : base(context)
    {
    }

    [Argument(0, Name = "image-or-sources", Description = "An ISO image to record as it is, or folders, files and graft points to master on the fly.")]
    [Required(ErrorMessage = "name the image or the folders to record")]
    public string[] Sources { get; init; } = [];

    [Option(RecorderAddress.Template, Description = RecorderAddress.Description)]
    [Required(ErrorMessage = RecorderAddress.Missing)]
    public string Recorder { get; init; } = "";

    [Option("--simulate", Description = "Go through the whole recording with the laser off: nothing is written.")]
    public bool Simulate { get; init; }

    [Option("--eject", Description = "Open the tray when done.")]
    public bool Eject { get; init; }

    [Option("--speed <N>", Description = "Write speed as a multiple of the media's 1x (CD 176 kB/s, DVD 1385 kB/s, BD 4495 kB/s), or max (the default).")]
    public string Speed { get; init; } = "max";

    [Option("--verify", Description = "Read the recording back and compare every block with the image.")]
    public bool Verify { get; init; }

    [Option("--appendable", Description = "Leave the disc open for another session instead of closing it.")]
    public bool Appendable { get; init; }

    protected override string WhatCancellingLeaves => "the recorder was stopped and released; write-once media may hold an unfinished track.";

    protected override int Execute(CommandLineApplication app)
    {
        var speed = ParseSpeed(Speed);
        using var reporter = RecordingReporter.Create(ProgressMode, Context);
        using var master = new DiscMaster();
        var recorder = master.GetRecorder(Recorder);
        using var image = OpenImage(reporter.Mastering);
        reporter.Follow(recorder);
        var options = new RecordOptions { Simulate = Simulate, Appendable = Appendable, Speed = speed, Eject = Eject && !Verify };
        var result = recorder.Record(image, options, Context.CancellationToken);
        var verified = false;
        if (Verify && !Simulate)
        {
            image.Position = 0;
            recorder.Verify(image, result.StartBlock, Context.CancellationToken);
            verified = true;
            if (Eject)
            {
                recorder.Eject();
            }
        }

        var size = Invariant($"{image.Length / 1048576.0:0.0} MiB ({result.Blocks:N0} blocks)");
        var message = Simulate
            ? $"Simulated recording {size} to {recorder.Address} in {Seconds(result.Elapsed)}: nothing was written."
            : $"Recorded {size} to {recorder.Address} in {Seconds(result.Elapsed)}{(verified ? ", verified" : "")}.";
        reporter.Complete("recorded", message, json =>
        {
            json.WriteString("recorder", recorder.Address);
            json.WriteNumber("blocks", result.Blocks);
            json.WriteNumber("bytes", image.Length);
            json.WriteNumber("startBlock", result.StartBlock);
            json.WriteBoolean("simulated", result.Simulated);
            json.WriteBoolean("verified", verified);
            json.WriteNumber("seconds", Math.Round(result.Elapsed.TotalSeconds, 3));
        });
        return 0;
    }

    /// <summary>One argument that is an ISO 9660 image is recorded as it is; anything else is mastered on the fly.</summary>
    private Stream OpenImage(IProgress<MasteringProgress> mastering)
    {
        if (Sources.Length == 1 && IsIsoImage(Sources[0]))
        {
            return new FileStream(Sources[0], FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
        }

        return ImageMaster.MasterToStream(ParseSources(Sources), CreateOptions(), mastering, Context.CancellationToken);
    }

    private static bool IsIsoImage(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        using var file = File.OpenHandle(path);
        Span<byte> identifier = stackalloc byte[5];
        return RandomAccess.Read(file, identifier, StandardIdentifierOffset) == identifier.Length && identifier.SequenceEqual("CD001"u8);
    }

    /// <summary>Parses --speed: a multiple of 1x, or max (null).</summary>
    internal static double? ParseSpeed(string value)
    {
        if (string.Equals(value, "max", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (double.TryParse(value.TrimEnd('x', 'X'), NumberStyles.Float, CultureInfo.InvariantCulture, out var speed) && speed > 0 && double.IsFinite(speed))
        {
            return speed;
        }

        throw new DiscMasteringException(DiscMasteringError.InvalidArguments, $"--speed is '{value}'; give a multiple of the media's 1x such as 4 or 8, or max.");
    }

    private static string Seconds(TimeSpan elapsed) => Invariant($"{elapsed.TotalSeconds:0.0} s");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
