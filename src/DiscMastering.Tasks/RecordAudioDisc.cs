using System.Diagnostics.CodeAnalysis;
using Microsoft.Build.Framework;

namespace DiscMastering.Tasks;

/// <summary>
/// Records WAV files to a recorder as an audio CD with the discmaster tool's <c>audio ... --recorder</c> command,
/// out of process (see <see cref="DiscToolTask"/>). The tool's recording progress becomes low-importance messages
/// and its final <c>recorded</c> line one normal-importance message.
/// </summary>
public sealed class RecordAudioDisc : AudioDiscTask
{
    /// <summary>
    /// The recorder (<c>--recorder</c>): an index from <c>discmaster recorders</c> or a device path such as
    /// <c>/dev/sr0</c>. It must hold a writable CD.
    /// </summary>
    [Required, NotNull]
    public string? Recorder { get; set; }

    /// <summary>Simulates the recording: the drive goes through the motions with the laser off (<c>--simulate</c>).</summary>
    public bool Simulate { get; set; }

    /// <summary>Ejects the disc once recording is done (<c>--eject</c>).</summary>
    public bool Eject { get; set; }

    /// <summary>
    /// The write speed (<c>--speed</c>): a positive multiple of the media's 1x speed or <c>max</c>; empty means
    /// <c>max</c>. Anything else fails the task with DM0011 before the tool runs.
    /// </summary>
    public string? Speed { get; set; }

    /// <summary>Where the tracks went, once recorded: the recorder as the tool names it in its summary, or <see cref="Recorder"/>.</summary>
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

    /// <summary><c>audio &lt;tracks&gt;... --recorder &lt;recorder&gt;</c>, the recording switches and the options that are set.</summary>
    private protected override void AddCommandArguments(List<string> arguments)
    {
        AddTrackArguments(arguments);
        AddRecordingArguments(arguments, Recorder, Simulate, Eject, verify: false, Speed);
        AddDiscOptions(arguments);
    }

    /// <inheritdoc/>
    private protected override void LogCanceled() =>
        Log.LogErrorWithCodeFromResources(nameof(Resources.AudioRecordingCanceled), Tracks.Length, Recorder);

    /// <inheritdoc/>
    private protected override void LogFailed(int exitCode, string lastOutput) =>
        Log.LogErrorWithCodeFromResources(nameof(Resources.AudioRecordingFailed), exitCode, Tracks.Length, Recorder, lastOutput);

    /// <summary>Recording progress and the summary get their own messages; an event this task does not know is kept as a detail.</summary>
    private protected override void LogToolEvent(ToolEvent toolEvent, string line)
    {
        switch (toolEvent.Name)
        {
            case "recording":
                LogRecordingProgress(toolEvent);
                break;
            case "recorded":
                Recorded = LogRecorded(toolEvent, Recorder, recorded => FormatMessage(Resources.RecordedAudio, Tracks.Length, recorded, toolEvent.GetNumber("blocks"), toolEvent.GetNumber("seconds")));
                break;
            default:
                Log.LogMessage(MessageImportance.Low, line);
                break;
        }
    }
}
