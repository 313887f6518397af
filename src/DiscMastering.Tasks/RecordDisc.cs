using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.Build.Framework;

namespace DiscMastering.Tasks;

/// <summary>
/// Records an image to a recorder with the discmaster tool's <c>burn</c> command, out of process (see
/// <see cref="DiscToolTask"/>). The tool's recording progress becomes low-importance messages and its final
/// <c>recorded</c> line one normal-importance message.
/// </summary>
public sealed class RecordDisc : DiscToolTask
{
    /// <summary>The image to record.</summary>
    [Required, NotNull]
    public string? ImagePath { get; set; }

    /// <summary>
    /// The recorder (<c>--recorder</c>): an index from <c>discmaster recorders</c>, a device path such as
    /// <c>/dev/sr0</c>, or libburn's pseudo-drive <c>stdio:/path/file</c>.
    /// </summary>
    [Required, NotNull]
    public string? Recorder { get; set; }

    /// <summary>Simulates the recording: the drive goes through the motions with the laser off (<c>--simulate</c>).</summary>
    public bool Simulate { get; set; }

    /// <summary>Ejects the disc once recording (and verifying) is done (<c>--eject</c>).</summary>
    public bool Eject { get; set; }

    /// <summary>Reads the recorded blocks back and compares them with the image (<c>--verify</c>).</summary>
    public bool Verify { get; set; }

    /// <summary>
    /// The write speed (<c>--speed</c>): a positive multiple of the media's 1x speed, such as <c>4</c> or <c>2.4</c>,
    /// or <c>max</c>; empty means <c>max</c>. Anything else fails the task with DM0011 before the tool runs.
    /// </summary>
    public string? Speed { get; set; }

    /// <summary>
    /// Where the image went, once it has been recorded: the recorder as the tool names it in its summary, or
    /// <see cref="Recorder"/>.
    /// </summary>
    [Output]
    public string? Recorded { get; private set; }

    /// <inheritdoc/>
    public override bool Execute()
    {
        Recorded = null;
        bool succeeded = base.Execute();
        if (!succeeded)
        {
            Recorded = null;
        }
        else if (string.IsNullOrEmpty(Recorded))
        {
            Recorded = Recorder;
        }

        return succeeded;
    }

    /// <summary><c>burn &lt;image&gt; --recorder &lt;recorder&gt;</c> and the options that are set.</summary>
    private protected override void AddCommandArguments(List<string> arguments)
    {
        string imagePath = Path.GetFullPath(ImagePath);
        CheckNoLineBreak(imagePath, nameof(ImagePath));
        arguments.Add("burn");
        arguments.Add(imagePath);
        AddRecordingArguments(arguments, Recorder, Simulate, Eject, Verify, Speed);
    }

    /// <inheritdoc/>
    private protected override void LogCanceled() =>
        Log.LogErrorWithCodeFromResources(nameof(Resources.RecordingCanceled), ImagePath, Recorder);

    /// <inheritdoc/>
    private protected override void LogFailed(int exitCode, string lastOutput) =>
        Log.LogErrorWithCodeFromResources(nameof(Resources.RecordingFailed), exitCode, ImagePath, Recorder, lastOutput);

    /// <summary>Recording progress and the summary get their own messages; an event this task does not know is kept as a detail.</summary>
    private protected override void LogToolEvent(ToolEvent toolEvent, string line)
    {
        switch (toolEvent.Name)
        {
            case "recording":
                LogRecordingProgress(toolEvent);
                break;
            case "recorded":
                Recorded = LogRecorded(toolEvent, Recorder, recorded => FormatMessage(Resources.Recorded, ImagePath, recorded, toolEvent.GetNumber("blocks"), toolEvent.GetNumber("seconds")));
                break;
            default:
                Log.LogMessage(MessageImportance.Low, line);
                break;
        }
    }
}
