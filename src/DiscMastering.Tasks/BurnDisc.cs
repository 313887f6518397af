using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace DiscMastering.Tasks;

/// <summary>
/// Masters folders and files into an ISO 9660 + Joliet image. The work happens out of process: the task checks its
/// inputs, writes a response file and runs the discmaster tool that ships in the package with the same
/// <c>dotnet</c> host MSBuild runs on, turning the tool's JSON progress lines into messages and its
/// <c>discmaster : error DM####: ...</c> lines into build errors.
/// </summary>
public sealed class BurnDisc : ToolTask
{
    /// <summary>How long a canceled tool gets to stop by itself (and delete its temporary file) before it is killed.</summary>
    private const int CancelGraceMilliseconds = 5000;

    /// <summary>How many of the tool's last plain output lines an exit-code error quotes.</summary>
    private const int RememberedOutputLines = 5;

    private const double BytesPerMebibyte = 1024 * 1024;

    private static readonly bool s_isWindows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

    private readonly object _processLock = new();
    private readonly Queue<string> _lastOutputLines = new();
    private List<string>? _arguments;
    private Process? _process;
    private int _processId;
    private int _cancelRequested;
    private Timer? _killTimer;
    private string? _lastProgressKey;

    /// <summary>Creates the task with its messages from <c>Resources.resx</c>.</summary>
    public BurnDisc()
        : base(Resources.ResourceManager)
    {
    }

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

    /// <summary>The tool to run: <c>dotnet-discmaster.dll</c> from the package's <c>tools/discmaster/</c> folder.</summary>
    [Required, NotNull]
    public string? ToolAssemblyPath { get; set; }

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

    /// <summary>
    /// The <c>dotnet</c> host to run the tool with, normally <c>$(DOTNET_HOST_PATH)</c>. When it is empty or missing,
    /// the task tries <see cref="NetCoreRoot"/>, then <c>dotnet</c> on the <c>PATH</c>.
    /// </summary>
    public string? DotNetHostPath { get; set; }

    /// <summary>The folder of the .NET installation MSBuild belongs to (<c>$(NetCoreRoot)</c>), the host's second choice.</summary>
    public string? NetCoreRoot { get; set; }

    /// <summary>The arguments the tool gets, one per response file line; set once <see cref="TryPrepareArguments"/> succeeded.</summary>
    internal IReadOnlyList<string>? ToolArguments => _arguments;

    /// <summary>True once <see cref="Cancel"/> has been called.</summary>
    private bool IsCancelRequested => Volatile.Read(ref _cancelRequested) != 0;

    /// <inheritdoc/>
    protected override string ToolName => s_isWindows ? "dotnet.exe" : "dotnet";

    /// <summary>Response files are UTF-8 without a byte order mark, one argument per line.</summary>
    protected override Encoding ResponseFileEncoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <inheritdoc/>
    public override bool Execute()
    {
        if (IsCancelRequested)
        {
            Log.LogErrorWithCodeFromResources(nameof(Resources.ToolCanceled), ImagePath);
            return false;
        }

        bool succeeded = false;
        try
        {
            succeeded = base.Execute();
            if (!succeeded && IsCancelRequested && !Log.HasLoggedErrors)
            {
                Log.LogErrorWithCodeFromResources(nameof(Resources.ToolCanceled), ImagePath);
            }
        }
        finally
        {
            FinishRun(succeeded);
        }

        return succeeded && !Log.HasLoggedErrors;
    }

    /// <summary>
    /// Stops the tool. Safe to call any number of times, from any thread, before, during or after
    /// <see cref="Execute"/>, and it logs nothing. On Linux and macOS the tool first gets SIGTERM, so it can stop
    /// cleanly and delete its temporary file; whatever still runs after a grace period is killed with its children.
    /// </summary>
    public override void Cancel()
    {
        if (Interlocked.Exchange(ref _cancelRequested, 1) != 0)
        {
            return;
        }

        lock (_processLock)
        {
            if (TryAskToolToStop())
            {
                _killTimer = new Timer(_ => KillTool(), null, CancelGraceMilliseconds, System.Threading.Timeout.Infinite);
                return;
            }
        }

        KillTool();
    }

    /// <inheritdoc/>
    protected override bool ValidateParameters() => base.ValidateParameters() && TryPrepareArguments();

    /// <summary>
    /// Checks the inputs and builds <see cref="ToolArguments"/>; logs a coded error for each problem it finds.
    /// </summary>
    internal bool TryPrepareArguments()
    {
        _arguments = null;
        string imagePath = Path.GetFullPath(ImagePath);
        string toolAssemblyPath = Path.GetFullPath(ToolAssemblyPath);
        if (!File.Exists(toolAssemblyPath))
        {
            Log.LogErrorWithCodeFromResources(nameof(Resources.ToolAssemblyMissing), toolAssemblyPath);
        }

        var arguments = new List<string> { "image" };
        foreach (ITaskItem source in Sources)
        {
            string? argument = GetSourceArgument(source, imagePath);
            if (argument is not null)
            {
                arguments.Add(argument);
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

        arguments.Add("--progress");
        arguments.Add("json");
        CheckNoLineBreak(imagePath, nameof(ImagePath));
        if (Log.HasLoggedErrors)
        {
            return false;
        }

        _arguments = arguments;
        return true;
    }

    /// <inheritdoc/>
    protected override string GenerateFullPathToTool() => ResolveDotNetHost();

    /// <summary>
    /// Finds the <c>dotnet</c> host: <see cref="DotNetHostPath"/>, then <see cref="NetCoreRoot"/>, then the bare name,
    /// which ToolTask looks for on the PATH.
    /// </summary>
    internal string ResolveDotNetHost()
    {
        if (!string.IsNullOrEmpty(DotNetHostPath) && File.Exists(DotNetHostPath))
        {
            return DotNetHostPath!;
        }

        if (!string.IsNullOrEmpty(NetCoreRoot))
        {
            string candidate = Path.Combine(NetCoreRoot, ToolName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return ToolName;
    }

    /// <summary>Only the tool's assembly goes on the command line; everything else is in the response file.</summary>
    protected override string GenerateCommandLineCommands()
    {
        var builder = new CommandLineBuilder();
        builder.AppendFileNameIfNotNull(Path.GetFullPath(ToolAssemblyPath));
        return builder.ToString();
    }

    /// <summary>One argument per line, unquoted, as the tool's <c>@file.rsp</c> handling expects.</summary>
    protected override string GenerateResponseFileCommands()
    {
        var builder = new StringBuilder();
        foreach (string argument in _arguments ?? [])
        {
            builder.Append(argument).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>Arguments are passed as they are: MSBuild's default would turn backslashes in file names into slashes off Windows.</summary>
    protected override string AdjustCommandsForOperatingSystem(string input) => input;

    /// <summary>The command line is detail, not news: it is logged with low importance.</summary>
    protected override void LogToolCommand(string message) =>
        Log.LogMessageFromResources(MessageImportance.Low, nameof(Resources.ToolCommandLine), message);

    /// <summary>Keeps hold of the tool's process so that <see cref="Cancel"/> can ask it to stop.</summary>
    protected override Process StartToolProcess(Process proc)
    {
        Process started = base.StartToolProcess(proc);
        lock (_processLock)
        {
            _process = started;
            _processId = started.Id;
        }

        return started;
    }

    /// <summary>
    /// JSON progress lines become low-importance messages and the summary one normal-importance message; every other
    /// line goes to MSBuild's parser, which turns the tool's canonical error lines into errors with their codes.
    /// </summary>
    protected override void LogEventsFromTextOutput(string singleLine, MessageImportance messageImportance)
    {
        if (ToolEvent.TryParse(singleLine, out ToolEvent? toolEvent))
        {
            LogToolEvent(toolEvent, singleLine);
            return;
        }

        if (!string.IsNullOrWhiteSpace(singleLine))
        {
            if (_lastOutputLines.Count == RememberedOutputLines)
            {
                _lastOutputLines.Dequeue();
            }

            _lastOutputLines.Enqueue(singleLine.Trim());
        }

        base.LogEventsFromTextOutput(singleLine, messageImportance);
    }

    /// <summary>A failed run reports one coded error, unless the tool already reported its own.</summary>
    protected override bool HandleTaskExecutionErrors()
    {
        if (!Log.HasLoggedErrors)
        {
            if (IsCancelRequested)
            {
                Log.LogErrorWithCodeFromResources(nameof(Resources.ToolCanceled), ImagePath);
            }
            else
            {
                string lastOutput = _lastOutputLines.Count == 0 ? "(nothing)" : string.Join(" | ", _lastOutputLines);
                Log.LogErrorWithCodeFromResources(nameof(Resources.ToolFailed), ExitCode, ImagePath, lastOutput);
            }
        }

        return false;
    }

    private void AddOption(List<string> arguments, string option, string? value, string name)
    {
        if (!string.IsNullOrEmpty(value) && CheckNoLineBreak(value!, name))
        {
            arguments.Add(option);
            arguments.Add(value!);
        }
    }

    /// <summary>A response file line cannot hold a line break; logs DM0007 and returns false for a value with one.</summary>
    private bool CheckNoLineBreak(string value, string name)
    {
        if (value.IndexOfAny(['\r', '\n']) < 0)
        {
            return true;
        }

        Log.LogErrorWithCodeFromResources(nameof(Resources.ValueHasLineBreak), value, name);
        return false;
    }

    private static bool IsInsideFolder(string path, string folder)
    {
        string prefix = folder.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal)
            ? folder
            : folder + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, s_isWindows ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
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
    private string? GetSourceArgument(ITaskItem source, string imagePath)
    {
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
            // A path with '=' in it would read as a graft point; an empty disc path before '=' means "the root".
            return fullPath.IndexOf('=') < 0 ? fullPath : "=" + fullPath;
        }

        string? discPath = DiscPath.Normalize(targetPath, Path.GetFileName(fullPath));
        if (discPath is null)
        {
            Log.LogErrorWithCodeFromResources(nameof(Resources.TargetPathNotRelative), fullPath, targetPath);
            return null;
        }

        // In a graft point, "\=" is a literal '=' of the disc path; the first bare '=' ends it.
        return discPath.Replace("=", "\\=") + "=" + fullPath;
    }

    /// <summary>Progress and the summary get their own messages; an event this task does not know is kept as a detail.</summary>
    private void LogToolEvent(ToolEvent toolEvent, string line)
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
        string key = phase + "/" + ((int)(fraction * 100)).ToString(CultureInfo.InvariantCulture);
        if (key == _lastProgressKey)
        {
            return;
        }

        _lastProgressKey = key;
        LogFormatted(
            MessageImportance.Low,
            Resources.Progress,
            phase,
            filesDone,
            filesTotal,
            bytesDone / BytesPerMebibyte,
            bytesTotal / BytesPerMebibyte);
    }

    /// <summary>
    /// Logs a message formatted here rather than by MSBuild, which turns the arguments into strings before it
    /// formats them when it passes messages between nodes, losing number formats such as <c>{0:0.0}</c>.
    /// </summary>
    private void LogFormatted(MessageImportance importance, string format, params object[] arguments) =>
        Log.LogMessage(importance, string.Format(CultureInfo.CurrentCulture, format, arguments));

    /// <summary>
    /// Sends SIGTERM to the running tool; false when there is none or the platform has no such signal. Called under
    /// <see cref="_processLock"/>.
    /// </summary>
    private bool TryAskToolToStop()
    {
        if (s_isWindows)
        {
            return false;
        }

        try
        {
            return _process is { HasExited: false } && NativeMethods.Kill(_processId, NativeMethods.SigTerm) == 0;
        }
        catch (Exception e) when (e is InvalidOperationException or DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Wakes ToolTask's wait loop, which kills the tool's process tree.</summary>
    private void KillTool() => base.Cancel();

    /// <summary>After a failed or canceled run, removes the temporary image the tool may have left behind.</summary>
    private void FinishRun(bool succeeded)
    {
        int processId;
        lock (_processLock)
        {
            _killTimer?.Dispose();
            _killTimer = null;
            _process = null;
            processId = _processId;
        }

        if (succeeded || processId == 0 || string.IsNullOrEmpty(ImagePath))
        {
            return;
        }

        string? folder = Path.GetDirectoryName(Path.GetFullPath(ImagePath));
        if (folder is null || !Directory.Exists(folder))
        {
            return;
        }

        // The tool writes <folder>/.<image name>.<its pid>.discmaster.tmp and renames it only once it is complete.
        foreach (string leftover in Directory.GetFiles(folder, "." + "*." + processId.ToString(CultureInfo.InvariantCulture) + ".discmaster.tmp"))
        {
            try
            {
                File.Delete(leftover);
                Log.LogMessageFromResources(MessageImportance.Low, nameof(Resources.DeletedLeftover), leftover);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Log.LogWarningWithCodeFromResources(nameof(Resources.CouldNotDeleteLeftover), leftover, e.Message);
            }
        }
    }
}
