using System.Diagnostics.CodeAnalysis;
using Microsoft.Build.Framework;

namespace DiscMastering.Tasks;

/// <summary>
/// Masters folders and files into an ISO 9660 + Joliet image with the discmaster tool's <c>image</c> command, out of
/// process (see <see cref="DiscToolTask"/>). A failed or canceled run leaves no temporary image behind.
/// </summary>
public sealed class BurnDisc : DiscToolTask
{
    private const double BytesPerMebibyte = 1024 * 1024;

    /// <summary>The image to write. An existing image is replaced only by a complete new one.</summary>
    [Required, NotNull]
    public string? ImagePath { get; set; }

    /// <summary>
    /// What goes on the disc. A folder puts its contents at the disc root, a file goes to the root under its own
    /// name; a <c>TargetPath</c> metadata value places either at that path on the disc instead (a value ending with
    /// <c>/</c> names a folder to put a file in).
    /// </summary>
    [Required, NotNull]
    public ITaskItem[]? Sources { get; set; }

    /// <summary>The volume label (<c>--volume-label</c>); empty leaves the tool's default.</summary>
    public string? VolumeLabel { get; set; }

    /// <summary>The media whose capacity the image must fit (<c>--media</c>: cd74, cd80, dvd5, ... or a size); empty: none.</summary>
    public string? Media { get; set; }

    /// <summary>The publisher identifier (<c>--publisher</c>); empty leaves it blank.</summary>
    public string? Publisher { get; set; }

    /// <summary>The application identifier (<c>--application-id</c>); empty leaves the tool's default.</summary>
    public string? ApplicationId { get; set; }

    /// <summary>Allows Joliet names of up to 103 characters instead of the standard's 64 (<c>--joliet-long</c>).</summary>
    public bool JolietLong { get; set; }

    /// <summary>The disc path of the El Torito BIOS boot image, a file of the mastered tree (<c>--bios-boot</c>); empty: none.</summary>
    public string? BiosBoot { get; set; }

    /// <summary>512-byte sectors the BIOS loads from <see cref="BiosBoot"/> (<c>--boot-load-size</c>); empty leaves the tool's 4.</summary>
    public string? BootLoadSize { get; set; }

    /// <summary>The disc path of the EFI System Partition image, a FAT image of the mastered tree (<c>--efi-boot</c>); empty: none.</summary>
    public string? EfiBoot { get; set; }

    /// <summary>Writes a protective MBR and a GPT whose EFI System Partition is <see cref="EfiBoot"/> (<c>--hybrid</c>).</summary>
    public bool Hybrid { get; set; }

    /// <summary>A local file of MBR boot code, such as isohdpfx.bin (<c>--hybrid-mbr</c>); empty: none.</summary>
    public string? HybridMbr { get; set; }

    /// <summary>
    /// Records Rock Ridge in the primary tree (the default): exact names and POSIX modes for Linux and macOS readers.
    /// False passes <c>--no-rock-ridge</c>.
    /// </summary>
    public bool RockRidge { get; set; } = true;

    /// <summary>Adds UDF beside ISO 9660 and Joliet (<c>--udf</c>): for DVD and Blu-ray media and files of 4 GiB and more.</summary>
    public bool Udf { get; set; }

    /// <summary>
    /// Glob patterns of disc paths to leave off the disc (<c>--exclude</c>), one per item: <c>*</c>, <c>?</c>,
    /// <c>**</c> for any depth, <c>/</c> (or <c>\</c>) between folders, case-sensitive; a pattern naming a folder or
    /// ending with <c>/</c> leaves out the whole folder.
    /// </summary>
    public ITaskItem[]? Excludes { get; set; }

    /// <summary>
    /// More patterns, as the <c>Include</c> texts of <c>DiscExclude</c> items written in project files, before MSBuild
    /// expanded their wildcards against the project folder: each is split on <c>;</c> and unescaped (<c>%2A</c> is
    /// <c>*</c>) the way MSBuild reads it, then added to <see cref="Excludes"/> unless already there.
    /// </summary>
    public string[]? ExcludeIncludeTexts { get; set; }

    /// <summary><c>image &lt;sources&gt;... -o &lt;image&gt;</c> and the options that are set.</summary>
    private protected override void AddCommandArguments(List<string> arguments)
    {
        string imagePath = Path.GetFullPath(ImagePath);
        arguments.Add("image");
        var modeRules = new List<string>();
        foreach (ITaskItem source in Sources)
        {
            string? argument = GetSourceArgument(source, imagePath, out string? discPath);
            if (argument is not null)
            {
                arguments.Add(argument);
                AddModeRule(modeRules, source, discPath);
            }
        }

        arguments.Add("-o");
        arguments.Add(imagePath);
        AddOption(arguments, "--volume-label", VolumeLabel, nameof(VolumeLabel));
        AddOption(arguments, "--media", Media, nameof(Media));
        AddOption(arguments, "--publisher", Publisher, nameof(Publisher));
        AddOption(arguments, "--application-id", ApplicationId, nameof(ApplicationId));
        if (JolietLong)
        {
            arguments.Add("--joliet-long");
        }

        AddOption(arguments, "--bios-boot", BiosBoot, nameof(BiosBoot));
        AddOption(arguments, "--boot-load-size", BootLoadSize, nameof(BootLoadSize));
        AddOption(arguments, "--efi-boot", EfiBoot, nameof(EfiBoot));
        if (Hybrid)
        {
            arguments.Add("--hybrid");
        }

        AddOption(arguments, "--hybrid-mbr", HybridMbr, nameof(HybridMbr));
        foreach (string pattern in GetExcludePatterns())
        {
            arguments.Add("--exclude");
            arguments.Add(pattern);
        }

        if (!RockRidge)
        {
            arguments.Add("--no-rock-ridge");
        }

        if (Udf)
        {
            arguments.Add("--udf");
        }

        foreach (string rule in modeRules)
        {
            arguments.Add("--file-mode");
            arguments.Add(rule);
        }

        CheckNoLineBreak(imagePath, nameof(ImagePath));
    }

    /// <inheritdoc/>
    private protected override void LogCanceled() =>
        Log.LogErrorWithCodeFromResources(nameof(Resources.ToolCanceled), ImagePath);

    /// <inheritdoc/>
    private protected override void LogFailed(int exitCode, string lastOutput) =>
        Log.LogErrorWithCodeFromResources(nameof(Resources.ToolFailed), exitCode, ImagePath, lastOutput);

    /// <summary>
    /// The patterns of <see cref="Excludes"/> then <see cref="ExcludeIncludeTexts"/>, each once, in the tool's form;
    /// logs DM0015 for one that can match no disc path and DM0007 for one with a line break.
    /// </summary>
    private List<string> GetExcludePatterns()
    {
        IEnumerable<string> written = (Excludes ?? []).Select(item => item.ItemSpec);
        IEnumerable<string> declared = (ExcludeIncludeTexts ?? []).SelectMany(DiscExcludePattern.SplitIncludeText);
        var patterns = new List<string>();
        foreach (string pattern in written.Concat(declared))
        {
            string? normalized = DiscExcludePattern.Normalize(pattern);
            if (normalized is null)
            {
                Log.LogErrorWithCodeFromResources(nameof(Resources.ExcludeNotADiscPattern), pattern);
            }
            else if (CheckNoLineBreak(normalized, "DiscExclude") && !patterns.Contains(normalized, StringComparer.Ordinal))
            {
                patterns.Add(normalized);
            }
        }

        return patterns;
    }

    private static bool IsInsideFolder(string path, string folder)
    {
        string prefix = folder.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal)
            ? folder
            : folder + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, IsWindows ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }

    private static string TrimEndingSeparators(string path)
    {
        string root = Path.GetPathRoot(path) ?? string.Empty;
        string trimmed = path.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return trimmed.Length < root.Length ? root : trimmed;
    }

    /// <summary>
    /// The tool argument for one source: its full path, or the graft point <c>disc/path=full/path</c> when it has a
    /// TargetPath.
    /// </summary>
    private string? GetSourceArgument(ITaskItem source, string imagePath, out string? discPath)
    {
        discPath = null;
        string fullPath = TrimEndingSeparators(Path.GetFullPath(source.GetMetadata("FullPath") is { Length: > 0 } itemPath ? itemPath : source.ItemSpec));
        bool isFolder = Directory.Exists(fullPath);
        if (!isFolder && !File.Exists(fullPath))
        {
            Log.LogErrorWithCodeFromResources(nameof(Resources.SourceDoesNotExist), fullPath);
            return null;
        }

        if (isFolder && IsInsideFolder(imagePath, fullPath))
        {
            Log.LogErrorWithCodeFromResources(nameof(Resources.ImageInsideSource), imagePath, fullPath);
            return null;
        }

        string targetPath = source.GetMetadata("TargetPath");
        if (!CheckNoLineBreak(fullPath, nameof(Sources)) || !CheckNoLineBreak(targetPath, "TargetPath"))
        {
            return null;
        }

        if (string.IsNullOrEmpty(targetPath))
        {
            // A folder's contents go to the root, a file to the root under its own name.
            discPath = isFolder ? string.Empty : Path.GetFileName(fullPath);

            // A path with '=' in it would read as a graft point; an empty disc path before '=' means "the root".
            return fullPath.IndexOf('=') < 0 ? fullPath : "=" + fullPath;
        }

        discPath = DiscPath.Normalize(targetPath, Path.GetFileName(fullPath));
        if (discPath is null)
        {
            Log.LogErrorWithCodeFromResources(nameof(Resources.TargetPathNotRelative), fullPath, targetPath);
            return null;
        }

        // In a graft point, "\=" is a literal '=' of the disc path; the first bare '=' ends it.
        return discPath.Replace("=", "\\=") + "=" + fullPath;
    }

    /// <summary>
    /// The <c>--file-mode</c> rule of a source's <c>Mode</c> metadata: its exact disc path and the octal mode. Logs
    /// DM0016 for a mode that is not octal permission bits, or for a folder whose contents go to the root, which has
    /// no mode of its own to set. Names on the disc cannot hold '*' or '?', so the path matches only itself.
    /// </summary>
    private void AddModeRule(List<string> rules, ITaskItem source, string? discPath)
    {
        string mode = source.GetMetadata("Mode").Trim();
        if (mode.Length == 0 || discPath is null)
        {
            return;
        }

        if (!FileMode.IsOctalPermissions(mode))
        {
            Log.LogErrorWithCodeFromResources(nameof(Resources.ModeNotOctal), source.ItemSpec, mode);
        }
        else if (discPath.Length == 0)
        {
            Log.LogErrorWithCodeFromResources(nameof(Resources.ModeOnDiscRoot), source.ItemSpec, mode);
        }
        else
        {
            rules.Add(discPath + "=" + mode);
        }
    }

    /// <summary>Progress and the summary get their own messages; an event this task does not know is kept as a detail.</summary>
    private protected override void LogToolEvent(ToolEvent toolEvent, string line)
    {
        switch (toolEvent.Name)
        {
            case "progress":
                LogProgress(toolEvent);
                break;
            case "summary":
                LogFormatted(
                    MessageImportance.Normal,
                    Resources.Summary,
                    toolEvent.GetString("image") ?? ImagePath,
                    toolEvent.GetNumber("files"),
                    toolEvent.GetNumber("folders"),
                    toolEvent.GetNumber("imageBytes") / BytesPerMebibyte,
                    toolEvent.GetNumber("seconds"),
                    toolEvent.GetNumber("mibPerSecond"));
                break;
            default:
                Log.LogMessage(MessageImportance.Low, line);
                break;
        }
    }

    /// <summary>Logs a progress event when its phase or its whole percentage changed, so a chatty tool cannot flood the log.</summary>
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

        LogFormatted(
            MessageImportance.Low,
            Resources.Progress,
            phase,
            filesDone,
            filesTotal,
            bytesDone / BytesPerMebibyte,
            bytesTotal / BytesPerMebibyte);
    }

    /// <summary>After a failed or canceled run, removes the temporary image the tool may have left behind.</summary>
    private protected override void CleanUpFailedRun(int processId) => DeleteLeftovers(ImagePath, processId);
}
