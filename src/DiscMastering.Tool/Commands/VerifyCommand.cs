using RequiredAttribute = System.ComponentModel.DataAnnotations.RequiredAttribute;
using System.Globalization;
using DiscMastering.Imapi;
using DiscMastering.Imapi.Recording;
using DiscMastering.Tool.Progress;
using McMaster.Extensions.CommandLineUtils;

namespace DiscMastering.Tool.Commands;

/// <summary><c>discmaster verify</c>: reads a recording back from the drive and compares it with its image.</summary>
[Command(
    Name = "verify",
    Description = "Read a recording back from a recorder and compare every block with the image.",
    ExtendedHelpText = """

The comparison starts at the last session's start address on the media (0 on a single-session disc), or at
--start-block. A difference fails with the number of the first bad block.

Examples:
  dotnet discmaster verify app.iso --recorder /dev/sr0
  dotnet discmaster verify app.iso --recorder stdio:/tmp/disc.bin
""")]
internal sealed class VerifyCommand : CommandBase
{
    public VerifyCommand(ToolContext context)
        : base(context)
    {
    }

    [Argument(0, Name = "image", Description = "The image that was recorded.")]
    [Required(ErrorMessage = "name the image to compare the recording with")]
    public string Image { get; init; } = "";

    [Option(RecorderAddress.Template, Description = RecorderAddress.Description)]
    [Required(ErrorMessage = RecorderAddress.Missing)]
    public string Recorder { get; init; } = "";

    [Option("--start-block <BLOCK>", Description = "Where the recording starts on the media. Default: the last session's start.")]
    public long? StartBlock { get; init; }

    [Option("--progress <MODE>", Description = "auto, bar, plain, json or none.")]
    [AllowedValues("auto", "bar", "plain", "json", "none", IgnoreCase = true)]
    public string ProgressMode { get; init; } = "auto";

    protected override int Execute(CommandLineApplication app)
    {
        if (!File.Exists(Image))
        {
            throw new DiscMasteringException(DiscMasteringError.ImageNotFound, $"the image '{Path.GetFullPath(Image)}' does not exist; name the image that was recorded.");
        }

        using var reporter = RecordingReporter.Create(ProgressMode, Context);
        using var master = new DiscMaster();
        var recorder = master.GetRecorder(Recorder);
        var start = StartBlock ?? recorder.GetMediaDetails().StartAddress;
        reporter.Follow(recorder);
        using var image = new FileStream(Image, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        recorder.Verify(image, start, Context.CancellationToken);
        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"Verified {image.Length / 2048:N0} blocks on {recorder.Address} from block {start:N0} against {Path.GetFullPath(Image)} in {stopwatch.Elapsed.TotalSeconds:0.0} s: identical.");
        reporter.Complete("verified", message, json =>
        {
            json.WriteString("recorder", recorder.Address);
            json.WriteNumber("startBlock", start);
            json.WriteNumber("bytes", image.Length);
        });
        return 0;
    }
}
