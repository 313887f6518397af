using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace DiscMastering.Tasks;

/// <summary>
/// Runs one discmaster command out of process, as <see cref="BurnDisc"/>, <see cref="RecordDisc"/>,
/// <see cref="MasterAudioDisc"/> and <see cref="RecordAudioDisc"/> do: the task
/// checks its inputs, writes the command's arguments to a response file and runs the discmaster tool that ships in
/// the package with the same <c>dotnet</c> host MSBuild runs on. The tool's JSON progress lines become messages,
/// its <c>discmaster : error DM####: ...</c> lines build errors, and canceling the build stops it. Only this
/// assembly can derive from it.
/// </summary>
public abstract class DiscToolTask : ToolTask
{
    /// <summary>How long a canceled tool gets to stop by itself (and clean up) before it is killed.</summary>
    private const int CancelGraceMilliseconds = 5000;

    /// <summary>How many of the tool's last plain output lines an exit-code error quotes.</summary>
    private const int RememberedOutputLines = 5;

    private readonly object _processLock = new();
    private readonly Queue<string> _lastOutputLines = new();
    private List<string>? _arguments;
    private Process? _process;
    private int _processId;
    private int _cancelRequested;
    private Timer? _killTimer;

    /// <summary>True from the start of <see cref="Execute"/> to its end, under <see cref="_processLock"/>.</summary>
    private bool _executing;
    private string? _lastProgressKey;

    /// <summary>Creates the task with its messages from <c>Resources.resx</c>.</summary>
    private protected DiscToolTask()
        : base(Resources.ResourceManager)
    {
    }

    /// <summary>The tool to run: <c>dotnet-discmaster.dll</c> from the package's <c>tools/discmaster/</c> folder.</summary>
    [Required, NotNull]
    public string? ToolAssemblyPath { get; set; }

    /// <summary>
    /// The <c>dotnet</c> host to run the tool with, normally <c>$(DOTNET_HOST_PATH)</c>. When it is empty or missing,
    /// the task tries <see cref="NetCoreRoot"/>, then <c>dotnet</c> on the <c>PATH</c>.
    /// </summary>
    public string? DotNetHostPath { get; set; }

    /// <summary>The folder of the .NET installation MSBuild belongs to (<c>$(NetCoreRoot)</c>), the host's second choice.</summary>
    public string? NetCoreRoot { get; set; }

    /// <summary>The arguments the tool gets, one per response file line; set once <see cref="TryPrepareArguments"/> succeeded.</summary>
    internal IReadOnlyList<string>? ToolArguments => _arguments;

    /// <summary>True on Windows, where the host is <c>dotnet.exe</c>, paths ignore case and there is no SIGTERM.</summary>
    private protected static bool IsWindows { get; } = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

    /// <summary>True once <see cref="Cancel"/> has been called.</summary>
    private protected bool IsCancelRequested => Volatile.Read(ref _cancelRequested) != 0;

    /// <inheritdoc/>
    protected override string ToolName => IsWindows ? "dotnet.exe" : "dotnet";

    /// <summary>Response files are UTF-8 without a byte order mark, one argument per line.</summary>
    protected override Encoding ResponseFileEncoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The tool writes UTF-8 on every system; ToolTask would read Windows' OEM code page and garble names.</summary>
    protected override Encoding StandardOutputEncoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The tool's errors are UTF-8 too, on every system.</summary>
    protected override Encoding StandardErrorEncoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <inheritdoc/>
    public override bool Execute()
    {
        lock (_processLock)
        {
            _executing = true;
        }

        bool succeeded = false;
        try
        {
            if (IsCancelRequested)
            {
                LogCanceled();
                return false;
            }

            succeeded = base.Execute();
            if (!succeeded && IsCancelRequested && !Log.HasLoggedErrors)
            {
                LogCanceled();
            }
        }
        finally
        {
            int processId;
            lock (_processLock)
            {
                _killTimer?.Dispose();
                _killTimer = null;
                _process = null;
                _executing = false;
                processId = _processId;
            }

            if (!succeeded && processId != 0)
            {
                CleanUpFailedRun(processId);
            }
        }

        return succeeded && !Log.HasLoggedErrors;
    }

    /// <summary>
    /// Stops the tool. Safe to call any number of times, from any thread, before, during or after
    /// <see cref="Execute"/>, and it logs nothing. On Linux and macOS the tool first gets SIGTERM, so it can stop
    /// cleanly; whatever still runs after a grace period is killed with its children.
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
                ArmKillTimer();
                return;
            }

            // The tool is about to start: StartToolProcess asks it to stop as soon as it runs. Killed at once, it
            // could leave a child holding its output open, and ToolTask would wait for that child to end.
            if (_executing && _process is null && !IsWindows)
            {
                return;
            }
        }

        KillTool();
    }

    /// <summary>
    /// Checks the inputs and builds <see cref="ToolArguments"/>: the command's own arguments, then
    /// <c>--progress json</c>. Logs a coded error for each problem it finds.
    /// </summary>
    internal bool TryPrepareArguments()
    {
        _arguments = null;
        string toolAssemblyPath = Path.GetFullPath(ToolAssemblyPath);
        if (!File.Exists(toolAssemblyPath))
        {
            Log.LogErrorWithCodeFromResources(nameof(Resources.ToolAssemblyMissing), toolAssemblyPath);
        }

        var arguments = new List<string>();
        AddCommandArguments(arguments);
        arguments.Add("--progress");
        arguments.Add("json");
        if (Log.HasLoggedErrors)
        {
            return false;
        }

        _arguments = arguments;
        return true;
    }

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

    /// <inheritdoc/>
    protected override bool ValidateParameters() => base.ValidateParameters() && TryPrepareArguments();

    /// <inheritdoc/>
    protected override string GenerateFullPathToTool() => ResolveDotNetHost();

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
            if (IsCancelRequested && TryAskToolToStop())
            {
                ArmKillTimer();
            }
        }

        return started;
    }

    /// <summary>
    /// JSON event lines go to the task's own handling; every other line goes to MSBuild's parser, which turns the
    /// tool's canonical error lines into errors with their codes.
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
                LogCanceled();
            }
            else
            {
                LogFailed(ExitCode, _lastOutputLines.Count == 0 ? "(nothing)" : string.Join(" | ", _lastOutputLines));
            }
        }

        return false;
    }

    /// <summary>Adds the command and its arguments, without <c>--progress</c>; logs a coded error for each bad input.</summary>
    private protected abstract void AddCommandArguments(List<string> arguments);

    /// <summary>Handles one JSON line of the tool's <c>--progress json</c> output.</summary>
    private protected abstract void LogToolEvent(ToolEvent toolEvent, string line);

    /// <summary>Logs the coded error for a run the build canceled.</summary>
    private protected abstract void LogCanceled();

    /// <summary>Logs the coded error for a tool that failed without reporting an error of its own.</summary>
    private protected abstract void LogFailed(int exitCode, string lastOutput);

    /// <summary>Runs after a failed or canceled run of the tool process <paramref name="processId"/>; does nothing by default.</summary>
    private protected virtual void CleanUpFailedRun(int processId)
    {
    }

    /// <summary>
    /// True when a progress event is worth a message: its phase or its whole percentage changed since the last one,
    /// so a chatty tool cannot flood the log.
    /// </summary>
    private protected bool IsProgressNews(string phase, double fraction)
    {
        string key = phase + "/" + ((int)(fraction * 100)).ToString(CultureInfo.InvariantCulture);
        if (key == _lastProgressKey)
        {
            return false;
        }

        _lastProgressKey = key;
        return true;
    }

    /// <summary>
    /// Logs a <c>recording</c> event (of <c>burn</c> or <c>audio --recorder</c>) at low importance when its phase, its
    /// track or its whole percentage changed.
    /// </summary>
    private protected void LogRecordingProgress(ToolEvent progress)
    {
        string phase = progress.GetString("phase") ?? string.Empty;
        double blocksDone = progress.GetNumber("blocksDone");
        double blocksTotal = progress.GetNumber("blocksTotal");
        double track = progress.GetNumber("track");
        double fraction = blocksTotal > 0 ? blocksDone / blocksTotal : 0;
        if (!IsProgressNews(phase + "/" + track.ToString(CultureInfo.InvariantCulture), fraction))
        {
            return;
        }

        LogFormatted(MessageImportance.Low, Resources.RecordingProgress, phase, track, progress.GetNumber("tracks"), blocksDone, blocksTotal);
    }

    /// <summary>
    /// Adds <c>--recorder</c> and the recording switches that are set, in the tool's order; a speed that is not a
    /// positive number or <c>max</c> is DM0011.
    /// </summary>
    private protected void AddRecordingArguments(List<string> arguments, string recorder, bool simulate, bool eject, bool verify, string? speed)
    {
        if (CheckNoLineBreak(recorder, "Recorder"))
        {
            arguments.Add("--recorder");
            arguments.Add(recorder);
        }

        if (simulate)
        {
            arguments.Add("--simulate");
        }

        if (eject)
        {
            arguments.Add("--eject");
        }

        if (verify)
        {
            arguments.Add("--verify");
        }

        string? normalized = NormalizeSpeed(speed);
        if (normalized is null)
        {
            Log.LogErrorWithCodeFromResources(nameof(Resources.SpeedNotValid), speed);
        }
        else if (normalized.Length > 0)
        {
            arguments.Add("--speed");
            arguments.Add(normalized);
        }
    }

    /// <summary>
    /// The value to pass as <c>--speed</c>: empty for an empty <paramref name="speed"/>, <c>max</c>, or the number as
    /// written; <see langword="null"/> when it is none of these.
    /// </summary>
    private static string? NormalizeSpeed(string? speed)
    {
        string trimmed = speed?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            return string.Empty;
        }

        if (string.Equals(trimmed, "max", StringComparison.OrdinalIgnoreCase))
        {
            return "max";
        }

        // Digits and one decimal point only: .NET Core's parser also takes "Infinity" and "NaN" whatever the style.
        bool digitsOnly = trimmed.All(c => c is (>= '0' and <= '9') or '.');
        return digitsOnly
            && double.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double multiple)
            && multiple > 0
            && !double.IsInfinity(multiple)
            ? trimmed
            : null;
    }

    /// <summary>
    /// Logs a <c>recorded</c> event: the tool's own one-line summary, or <paramref name="fallback"/> of the recorder
    /// when it has none. Returns the recorder as the tool names it, else <paramref name="recorder"/>.
    /// </summary>
    private protected string LogRecorded(ToolEvent recorded, string recorder, Func<string, string> fallback)
    {
        string named = recorded.GetString("recorder") is { Length: > 0 } fromTool ? fromTool : recorder;
        string? message = recorded.GetString("message");
        Log.LogMessage(MessageImportance.Normal, string.IsNullOrWhiteSpace(message) ? fallback(named) : message);
        return named;
    }

    /// <summary>
    /// Deletes what a failed or canceled tool process <paramref name="processId"/> left beside
    /// <paramref name="outputPath"/>: the tool writes <c>&lt;folder&gt;/.&lt;name&gt;.&lt;its pid&gt;.discmaster.tmp</c>
    /// and renames it only once it is complete.
    /// </summary>
    private protected void DeleteLeftovers(string? outputPath, int processId)
    {
        if (string.IsNullOrEmpty(outputPath))
        {
            return;
        }

        string? folder = Path.GetDirectoryName(Path.GetFullPath(outputPath));
        if (folder is null || !Directory.Exists(folder))
        {
            return;
        }

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

    /// <summary>Adds <paramref name="option"/> and <paramref name="value"/> unless the value is empty or has a line break.</summary>
    private protected void AddOption(List<string> arguments, string option, string? value, string name)
    {
        if (!string.IsNullOrEmpty(value) && CheckNoLineBreak(value!, name))
        {
            arguments.Add(option);
            arguments.Add(value!);
        }
    }

    /// <summary>A response file line cannot hold a line break; logs DM0007 and returns false for a value with one.</summary>
    private protected bool CheckNoLineBreak(string value, string name)
    {
        if (value.IndexOfAny(['\r', '\n']) < 0)
        {
            return true;
        }

        Log.LogErrorWithCodeFromResources(nameof(Resources.ValueHasLineBreak), value, name);
        return false;
    }

    /// <summary>
    /// Logs a message formatted here rather than by MSBuild, which turns the arguments into strings before it
    /// formats them when it passes messages between nodes, losing number formats such as <c>{0:0.0}</c>.
    /// </summary>
    private protected void LogFormatted(MessageImportance importance, string format, params object[] arguments) =>
        Log.LogMessage(importance, FormatMessage(format, arguments));

    /// <summary>Formats a resource text with its arguments, as <see cref="LogFormatted"/> logs it.</summary>
    private protected static string FormatMessage(string format, params object[] arguments) =>
        string.Format(CultureInfo.CurrentCulture, format, arguments);

    /// <summary>
    /// Sends SIGTERM to the running tool; false when there is none or the platform has no such signal. Called under
    /// <see cref="_processLock"/>.
    /// </summary>
    private bool TryAskToolToStop()
    {
        if (IsWindows)
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

    /// <summary>Kills whatever still runs once the tool has had its grace period to stop. Called under <see cref="_processLock"/>.</summary>
    private void ArmKillTimer() =>
        _killTimer ??= new Timer(_ => KillTool(), null, CancelGraceMilliseconds, System.Threading.Timeout.Infinite);

    /// <summary>Wakes ToolTask's wait loop, which kills the tool's process tree.</summary>
    private void KillTool() => base.Cancel();
}
