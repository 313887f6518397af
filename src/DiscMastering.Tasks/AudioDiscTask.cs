using System.Diagnostics.CodeAnalysis;
using System.Text;
using Microsoft.Build.Framework;

namespace DiscMastering.Tasks;

/// <summary>
/// What <see cref="MasterAudioDisc"/> and <see cref="RecordAudioDisc"/> share: the tracks of an audio CD and the
/// options of the discmaster tool's <c>audio</c> command. Tracks with <c>Title</c> metadata get a track-titles
/// file, written here and passed as <c>--track-titles</c>. Only this assembly can derive from it.
/// </summary>
public abstract class AudioDiscTask : DiscToolTask
{
    private static readonly Encoding s_titlesEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Creates the task.</summary>
    private protected AudioDiscTask()
    {
    }

    /// <summary>
    /// The tracks, in order: 44.1 kHz, 16-bit, stereo WAV files. A <c>Title</c> metadata value is the track's
    /// CD-TEXT title. An empty list fails the task with DM0012.
    /// </summary>
    public ITaskItem[] Tracks { get; set; } = [];

    /// <summary>
    /// Where to write the track titles (one line per track, UTF-8) when any track has a <c>Title</c>; the file is
    /// rewritten only when its content changes.
    /// </summary>
    [Required, NotNull]
    public string? TrackTitlesFile { get; set; }

    /// <summary>Seconds of silence between tracks (<c>--gap</c>); empty leaves the tool's default, 2.</summary>
    public string? Gap { get; set; }

    /// <summary>The CD whose playing time the tracks must fit (<c>--media</c>: cd74 or cd80); empty leaves the tool's default.</summary>
    public string? Media { get; set; }

    /// <summary>The disc's CD-TEXT title (<c>--title</c>); empty: none.</summary>
    public string? Title { get; set; }

    /// <summary>The disc's CD-TEXT performer (<c>--performer</c>); empty: none.</summary>
    public string? Performer { get; set; }

    /// <summary>Adds <c>audio</c> and the tracks' full paths; logs DM0012 when there are none.</summary>
    private protected void AddTrackArguments(List<string> arguments)
    {
        arguments.Add("audio");
        if (Tracks.Length == 0)
        {
            Log.LogErrorWithCodeFromResources(nameof(Resources.NoAudioTracks));
            return;
        }

        foreach (ITaskItem track in Tracks)
        {
            string fullPath = GetFullPath(track);
            if (CheckNoLineBreak(fullPath, "DiscAudioTrack"))
            {
                arguments.Add(fullPath);
            }

            string performer = track.GetMetadata("Performer");
            if (!string.IsNullOrEmpty(performer))
            {
                Log.LogWarningWithCodeFromResources(nameof(Resources.TrackPerformerNotSupported), fullPath, performer);
            }
        }
    }

    /// <summary>Adds the disc options that are set and, when any track has a title, writes the titles file and adds <c>--track-titles</c>.</summary>
    private protected void AddDiscOptions(List<string> arguments)
    {
        AddOption(arguments, "--gap", Gap?.Trim(), nameof(Gap));
        AddOption(arguments, "--media", Media?.Trim(), nameof(Media));
        AddOption(arguments, "--title", Title, nameof(Title));
        AddOption(arguments, "--performer", Performer, nameof(Performer));

        if (Tracks.Length == 0 || !Tracks.Any(t => !string.IsNullOrEmpty(t.GetMetadata("Title"))))
        {
            return;
        }

        // A track without a Title gets an empty line, so that line n is always track n.
        bool titlesValid = true;
        var titles = new StringBuilder();
        foreach (ITaskItem track in Tracks)
        {
            string title = track.GetMetadata("Title");
            titlesValid &= CheckNoLineBreak(title, "Title");
            titles.Append(title).Append('\n');
        }

        string titlesFile = Path.GetFullPath(TrackTitlesFile);
        if (titlesValid && CheckNoLineBreak(titlesFile, nameof(TrackTitlesFile)) && TryWriteTitles(titlesFile, titles.ToString()))
        {
            arguments.Add("--track-titles");
            arguments.Add(titlesFile);
        }
    }

    private static string GetFullPath(ITaskItem item) =>
        Path.GetFullPath(item.GetMetadata("FullPath") is { Length: > 0 } fullPath ? fullPath : item.ItemSpec);

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> unless the file already holds exactly that.</summary>
    private bool TryWriteTitles(string path, string content)
    {
        byte[] bytes = s_titlesEncoding.GetBytes(content);
        try
        {
            if (File.Exists(path) && File.ReadAllBytes(path).SequenceEqual(bytes))
            {
                Log.LogMessageFromResources(MessageImportance.Low, nameof(Resources.TrackTitlesUnchanged), path);
                return true;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
            Log.LogMessageFromResources(MessageImportance.Low, nameof(Resources.TrackTitlesWritten), path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.LogErrorWithCodeFromResources(nameof(Resources.CouldNotWriteTrackTitles), path, e.Message);
            return false;
        }
    }
}
