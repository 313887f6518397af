using System.Globalization;
using DiscMastering.Imapi;
using DiscMastering.Imapi.Recording;
using DiscMastering.Imapi.Verification;
using DiscMastering.Tool.Progress;
using McMaster.Extensions.CommandLineUtils;
using RequiredAttribute = System.ComponentModel.DataAnnotations.RequiredAttribute;

namespace DiscMastering.Tool.Commands;

/// <summary>
/// <c>discmaster verify</c>: compares an image's trees and files with its sources, or reads a recording back
/// from the drive and compares it with its image.
/// </summary>
/// <remarks>
/// It derives from <see cref="MasteringCommandBase"/> so every option that shapes the tree reaches it the
/// moment it reaches <c>image</c>: the expected tree must be built exactly as the image's was, or the report
/// would name files that are not really missing. The volume options come along and change nothing here,
/// which also lets an <c>image</c> command line be reused as it is.
/// </remarks>
[Command(
    Name = "verify",
    Description = "Compare an image's files and folders with its sources, or a recording with its image.",
    ExtendedHelpText = """

With sources (the same folders, files and graft points, and the same tree options, as 'image' took), every
folder and file of the image is compared with them, through the Joliet and Rock Ridge trees (the sources'
own names; each when the image has it) and the primary ISO 9660 tree (the names the engine maps them to),
and every file's content byte by byte, in
bounded chunks. Exit code 0 when the image holds exactly the sources. Otherwise exit code 1 and a report, one
line per finding then a summary (or one JSON document with --json):
  missing from the image: PATH     in the sources, not on the image (a folder ends in '/')
  extra on the image: PATH         on the image, not in the sources
  different: PATH at byte N ...    the first byte that differs, with both sizes
Findings are not errors of the tool: no 'error DM' line is printed for them. An image that cannot be read,
or a missing source (DM1001), is an error. The options of 'image' that do not shape the tree (-V, --media...)
are accepted and change nothing, so an 'image' command line can be reused as it is.

With --recorder, the recording is read back from the recorder and compared block by block, from the last
session's start address on the media (0 on a single-session disc), or from --start-block. A difference fails
with the number of the first bad block (DM3007). --progress applies to this form; sources and --recorder
cannot be combined.

Examples:
  dotnet discmaster verify app.iso publish/
  dotnet discmaster verify app.iso publish/ setup/autorun.inf=autorun.inf --json
  dotnet discmaster verify app.iso --recorder /dev/sr0
  dotnet discmaster verify app.iso --recorder stdio:/tmp/disc.bin
""")]
internal sealed class VerifyCommand : MasteringCommandBase
{
    public VerifyCommand(ToolContext context)
        : base(context)
    {
    }

    [Argument(0, Name = "image", Description = "The image to verify.")]
    [Required(ErrorMessage = "name the image to verify")]
    public string Image { get; init; } = "";

    [Argument(1, Name = "sources", Description = "The folders, files or graft points (disc/path=local/path) the image was mastered from.")]
    public string[] Sources { get; init; } = [];

    [Option("--json", Description = "With sources: print one JSON document {equal, missing, extra, different [{path, offset, expectedSize, actualSize}], trees}.")]
    public bool Json { get; init; }

    [Option(RecorderAddress.Template, Description = RecorderAddress.Description)]
    public string? Recorder { get; init; }

    [Option("--start-block <BLOCK>", Description = "With --recorder: where the recording starts on the media. Default: the last session's start.")]
    public long? StartBlock { get; init; }

    protected override int Execute(CommandLineApplication app)
    {
        if (Sources.Length > 0)
        {
            if (Recorder is not null)
            {
                return Context.Diagnostics.InvalidArguments("verify compares an image with its sources or with a recording, not both; drop the sources or --recorder");
            }

            if (StartBlock is not null)
            {
                return Context.Diagnostics.InvalidArguments("--start-block applies to a recording; drop it, or compare with --recorder instead of sources");
            }

            return VerifySources();
        }

        if (Recorder is null)
        {
            return Context.Diagnostics.InvalidArguments($"name the sources to compare the image with, or {RecorderAddress.Missing}");
        }

        if (Json)
        {
            return Context.Diagnostics.InvalidArguments("--json applies when comparing with sources; with --recorder use --progress json");
        }

        return VerifyRecording(Recorder);
    }

    private int VerifySources()
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var image = Path.GetFullPath(Image);
        var report = TreeVerifier.Verify(image, ParseSources(Sources), CreateOptions(), Context.CancellationToken);
        if (Json)
        {
            WriteJson(image, report);
        }
        else
        {
            WriteText(image, report, stopwatch.Elapsed);
        }

        return report.IsEqual ? 0 : ToolDiagnostics.ErrorExitCode;
    }

    private void WriteText(string image, VerificationReport report, TimeSpan elapsed)
    {
        var output = Context.Output;
        foreach (var entry in report.Missing)
        {
            output.WriteLine($"missing from the image: {entry.DisplayPath}{TreeNote(report, entry.Tree)}");
        }

        foreach (var entry in report.Extra)
        {
            output.WriteLine($"extra on the image: {entry.DisplayPath}{TreeNote(report, entry.Tree)}");
        }

        foreach (var difference in report.Different)
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"different: {difference.Path} at byte {difference.Offset:N0} (source {difference.ExpectedSize:N0} bytes, image {difference.ActualSize:N0} bytes){TreeNote(report, difference.Tree)}"));
        }

        var trees = report.Trees.Count < 2 ? string.Join("", report.Trees) : string.Join(", ", report.Trees.Take(report.Trees.Count - 1)) + " and " + report.Trees[^1];
        var outcome = report.IsEqual
            ? "identical"
            : string.Create(CultureInfo.InvariantCulture, $"{report.Missing.Count:N0} missing from the image, {report.Extra.Count:N0} extra on the image, {report.Different.Count:N0} different");
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Verified {image} against its sources through the {trees} {(report.Trees.Count == 1 ? "tree" : "trees")}: {outcome} ({report.FilesCompared:N0} files, {report.BytesCompared / 1048576.0:0.0} MiB compared in {elapsed.TotalSeconds:0.0} s)."));
    }

    /// <summary>Findings are named by the first tree compared; one seen only in a later tree says which.</summary>
    private static string TreeNote(VerificationReport report, string tree) => tree == report.Trees[0] ? "" : $" ({tree} tree)";

    private void WriteJson(string image, VerificationReport report) => ToolJson.WriteDocument(Context.Output, json =>
    {
        json.WriteStartObject();
        json.WriteString("image", image);
        json.WriteBoolean("equal", report.IsEqual);
        json.WriteStartArray("missing");
        foreach (var entry in report.Missing)
        {
            json.WriteStringValue(entry.DisplayPath);
        }

        json.WriteEndArray();
        json.WriteStartArray("extra");
        foreach (var entry in report.Extra)
        {
            json.WriteStringValue(entry.DisplayPath);
        }

        json.WriteEndArray();
        json.WriteStartArray("different");
        foreach (var difference in report.Different)
        {
            json.WriteStartObject();
            json.WriteString("path", difference.Path);
            json.WriteNumber("offset", difference.Offset);
            json.WriteNumber("expectedSize", difference.ExpectedSize);
            json.WriteNumber("actualSize", difference.ActualSize);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("trees");
        foreach (var tree in report.Trees)
        {
            json.WriteStringValue(tree);
        }

        json.WriteEndArray();
        json.WriteNumber("filesCompared", report.FilesCompared);
        json.WriteNumber("bytesCompared", report.BytesCompared);
        json.WriteEndObject();
    });

    private int VerifyRecording(string recorderAddress)
    {
        if (!File.Exists(Image))
        {
            throw new DiscMasteringException(DiscMasteringError.ImageNotFound, $"the image '{Path.GetFullPath(Image)}' does not exist; name the image that was recorded.");
        }

        using var reporter = RecordingReporter.Create(ProgressMode, Context);
        using var master = new DiscMaster();
        var recorder = master.GetRecorder(recorderAddress);
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
