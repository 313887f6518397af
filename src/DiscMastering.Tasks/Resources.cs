using System.Globalization;
using System.Resources;

namespace DiscMastering.Tasks;

/// <summary>
/// The task's messages, read from <c>Resources.resx</c>. Error texts start with their <c>DM0xxx: </c> code, which
/// <see cref="Microsoft.Build.Utilities.TaskLoggingHelper.LogErrorWithCodeFromResources(string, object[])"/> splits off.
/// </summary>
internal static class Resources
{
    /// <summary>The manager over the embedded <c>DiscMastering.Tasks.Resources.resources</c>.</summary>
    internal static ResourceManager ResourceManager { get; } = new("DiscMastering.Tasks.Resources", typeof(Resources).Assembly);

    internal static string SourceDoesNotExist => Get(nameof(SourceDoesNotExist));

    internal static string TargetPathNotRelative => Get(nameof(TargetPathNotRelative));

    internal static string ToolFailed => Get(nameof(ToolFailed));

    internal static string ToolCanceled => Get(nameof(ToolCanceled));

    internal static string ToolAssemblyMissing => Get(nameof(ToolAssemblyMissing));

    internal static string ImageInsideSource => Get(nameof(ImageInsideSource));

    internal static string ValueHasLineBreak => Get(nameof(ValueHasLineBreak));

    internal static string ExcludeNotADiscPattern => Get(nameof(ExcludeNotADiscPattern));

    internal static string ModeNotOctal => Get(nameof(ModeNotOctal));

    internal static string ModeOnDiscRoot => Get(nameof(ModeOnDiscRoot));

    internal static string ToolCommandLine => Get(nameof(ToolCommandLine));

    internal static string Progress => Get(nameof(Progress));

    internal static string Summary => Get(nameof(Summary));

    internal static string DeletedLeftover => Get(nameof(DeletedLeftover));

    internal static string CouldNotDeleteLeftover => Get(nameof(CouldNotDeleteLeftover));

    internal static string RecordingFailed => Get(nameof(RecordingFailed));

    internal static string RecordingCanceled => Get(nameof(RecordingCanceled));

    internal static string SpeedNotValid => Get(nameof(SpeedNotValid));

    internal static string RecordingProgress => Get(nameof(RecordingProgress));

    internal static string Recorded => Get(nameof(Recorded));

    internal static string NoAudioTracks => Get(nameof(NoAudioTracks));

    internal static string TrackPerformerNotSupported => Get(nameof(TrackPerformerNotSupported));

    internal static string CouldNotWriteTrackTitles => Get(nameof(CouldNotWriteTrackTitles));

    internal static string TrackTitlesWritten => Get(nameof(TrackTitlesWritten));

    internal static string TrackTitlesUnchanged => Get(nameof(TrackTitlesUnchanged));

    internal static string AudioFailed => Get(nameof(AudioFailed));

    internal static string AudioCanceled => Get(nameof(AudioCanceled));

    internal static string AudioRecordingFailed => Get(nameof(AudioRecordingFailed));

    internal static string AudioRecordingCanceled => Get(nameof(AudioRecordingCanceled));

    internal static string AudioProgress => Get(nameof(AudioProgress));

    internal static string AudioSummary => Get(nameof(AudioSummary));

    internal static string RecordedAudio => Get(nameof(RecordedAudio));

    private static string Get(string name) =>
        ResourceManager.GetString(name, CultureInfo.CurrentUICulture)
        ?? throw new InvalidOperationException($"The resource '{name}' is missing from DiscMastering.Tasks.");
}
