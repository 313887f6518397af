using RequiredAttribute = System.ComponentModel.DataAnnotations.RequiredAttribute;
using DiscMastering.Imapi.Recording;
using DiscMastering.Tool.Progress;
using McMaster.Extensions.CommandLineUtils;

namespace DiscMastering.Tool.Commands;

/// <summary><c>discmaster erase</c>: blanks rewritable media.</summary>
[Command(
    Name = "erase",
    Description = "Blank rewritable media (CD-RW, DVD-RW, BD-RE) so it can be recorded again.",
    ExtendedHelpText = """

A fast blank rewrites the table of contents and takes about a minute; --full overwrites every block.

Examples:
  dotnet discmaster erase --recorder /dev/sr0
  dotnet discmaster erase --recorder 0 --full
""")]
internal sealed class EraseCommand : CommandBase
{
    public EraseCommand(ToolContext context)
        : base(context)
    {
    }

    [Option(RecorderAddress.Template, Description = RecorderAddress.Description)]
    [Required(ErrorMessage = RecorderAddress.Missing)]
    public string Recorder { get; init; } = "";

    [Option("--full", Description = "Overwrite every block instead of only the table of contents.")]
    public bool Full { get; init; }

    [Option("--progress <MODE>", Description = "auto, bar, plain, json or none.")]
    [AllowedValues("auto", "bar", "plain", "json", "none", IgnoreCase = true)]
    public string ProgressMode { get; init; } = "auto";

    protected override string WhatCancellingLeaves => "the recorder was stopped and released; the media may be partly blanked: blank it again before use.";

    protected override int Execute(CommandLineApplication app)
    {
        using var reporter = RecordingReporter.Create(ProgressMode, Context);
        using var master = new DiscMaster();
        var recorder = master.GetRecorder(Recorder);
        reporter.Follow(recorder);
        recorder.Erase(Full, Context.CancellationToken);
        reporter.Complete("erased", $"Blanked the media in {recorder.Address} ({(Full ? "full" : "fast")}).", json => json.WriteString("recorder", recorder.Address));
        return 0;
    }
}
