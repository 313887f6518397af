using System.Diagnostics.CodeAnalysis;
using Microsoft.Build.Framework;

namespace DiscMastering.Tasks;

/// <summary>
/// Masters WAV files into an audio CD's cue sheet and the raw <c>.bin</c> beside it with the discmaster tool's
/// <c>audio ... -o</c> command, out of process (see <see cref="DiscToolTask"/>). A failed or canceled run leaves no
/// temporary file behind.
/// </summary>
public sealed class MasterAudioDisc : AudioDiscTask
{
    private const double BytesPerMebibyte = 1024 * 1024;

    /// <summary>The cue sheet to write; the tool writes the <c>.bin</c> of the same name beside it.</summary>
    [Required, NotNull]
    public string? CuePath { get; set; }

    /// <summary><c>audio &lt;tracks&gt;... -o &lt;cue&gt;</c> and the options that are set.</summary>
    private protected override void AddCommandArguments(List<string> arguments)
    {
        string cuePath = Path.GetFullPath(CuePath);
        AddTrackArguments(arguments);
        if (CheckNoLineBreak(cuePath, nameof(CuePath)))
        {
            arguments.Add("-o");
            arguments.Add(cuePath);
        }

        AddDiscOptions(arguments);
    }

    /// <inheritdoc/>
    private protected override void LogCanceled() =>
        Log.LogErrorWithCodeFromResources(nameof(Resources.AudioCanceled), CuePath);

    /// <inheritdoc/>
    private protected override void LogFailed(int exitCode, string lastOutput) =>
        Log.LogErrorWithCodeFromResources(nameof(Resources.AudioFailed), exitCode, CuePath, lastOutput);

    /// <summary>Progress and the summary get their own messages; an event this task does not know is kept as a detail.</summary>
    private protected override void LogToolEvent(ToolEvent toolEvent, string line)
    {
        switch (toolEvent.Name)
        {
            case "progress":
                LogProgress(toolEvent);
                break;
            case "summary":
                LogSummary(toolEvent);
                break;
            default:
                Log.LogMessage(MessageImportance.Low, line);
                break;
        }
    }

    /// <summary>After a failed or canceled run, removes the temporary cue sheet and bin the tool may have left behind.</summary>
    private protected override void CleanUpFailedRun(int processId) => DeleteLeftovers(CuePath, processId);

    /// <summary>Logs a progress event when its phase or its whole percentage changed.</summary>
    private void LogProgress(ToolEvent progress)
    {
        string phase = progress.GetString("phase") ?? string.Empty;
        double bytesDone = progress.GetNumber("bytesDone");
        double bytesTotal = progress.GetNumber("bytesTotal");
        double filesDone = progress.GetNumber("filesDone");
        double filesTotal = progress.GetNumber("filesTotal");
        double fraction = bytesTotal > 0 ? bytesDone / bytesTotal : filesTotal > 0 ? filesDone / filesTotal : 0;
        if (!IsProgressNews(phase, fraction))
        {
            return;
        }

        LogFormatted(MessageImportance.Low, Resources.AudioProgress, phase, filesDone, filesTotal, bytesDone / BytesPerMebibyte, bytesTotal / BytesPerMebibyte);
    }

    /// <summary>Logs the tool's own one-line summary, or one made here when it has none.</summary>
    private void LogSummary(ToolEvent summary)
    {
        string? message = summary.GetString("message");
        if (!string.IsNullOrWhiteSpace(message))
        {
            Log.LogMessage(MessageImportance.Normal, message);
            return;
        }

        LogFormatted(
            MessageImportance.Normal,
            Resources.AudioSummary,
            summary.GetString("image") ?? CuePath,
            summary.GetNumber("files"),
            summary.GetNumber("imageBytes") / BytesPerMebibyte,
            summary.GetNumber("seconds"));
    }
}
