using System.Globalization;
using System.Text.Json;
using DiscMastering.Imapi.Iso9660;
using DiscMastering.Imapi.Recording;

namespace DiscMastering.Tool.Progress;

/// <summary>
/// Shows a recorder's progress in one of the <c>--progress</c> modes: a bar on a terminal, a line per phase and per
/// tenth in a log, one JSON object per line for programs (<c>recording</c> events, then one closing event), or only
/// the closing line.
/// </summary>
internal sealed class RecordingReporter : IDisposable
{
    private static readonly long s_interval = System.Diagnostics.Stopwatch.Frequency / 10;

    private readonly TextWriter _output;
    private readonly string _mode;
    private RecordingPhase? _phase;
    private long _lastTenth = -1;
    private long _lastJson;
    private bool _drawn;

    private RecordingReporter(TextWriter output, string mode)
    {
        _output = output;
        _mode = mode;
    }

    /// <summary>Where mastering on the fly reports its scanning and layout (its reads are the recording's progress).</summary>
    public IProgress<MasteringProgress> Mastering => new MasteringPhases(this);

    public static RecordingReporter Create(string mode, ToolContext context)
    {
        mode = mode.ToLowerInvariant();
        if (mode == "auto")
        {
            mode = context.OutputIsTerminal ? "bar" : "plain";
        }

        return new RecordingReporter(context.Output, mode);
    }

    /// <summary>Follows every progress event of <paramref name="recorder"/>.</summary>
    public void Follow(DiscRecorder recorder)
    {
        EventHandler<RecordingProgressEventArgs> handler = (_, e) => Report(e.Progress);
        recorder.PreparingBurn += handler;
        recorder.BlockProgress += handler;
        recorder.ClosingDisc += handler;
    }

    public void Report(RecordingProgress value)
    {
        switch (_mode)
        {
            case "json":
                var now = System.Diagnostics.Stopwatch.GetTimestamp();
                if (value.Phase == _phase && value.BlocksDone < value.BlocksTotal && now - _lastJson < s_interval)
                {
                    break;
                }

                _lastJson = now;
                ToolJson.WriteLine(_output, json =>
                {
                    json.WriteString("event", "recording");
                    json.WriteString("phase", PhaseName(value.Phase));
                    json.WriteNumber("blocksDone", value.BlocksDone);
                    json.WriteNumber("blocksTotal", value.BlocksTotal);
                    json.WriteNumber("track", value.Track);
                    json.WriteNumber("tracks", value.Tracks);
                });
                break;
            case "bar":
                var line = value.BlocksTotal > 0 && value.Phase is RecordingPhase.Writing or RecordingPhase.Verifying or RecordingPhase.Erasing
                    ? ProgressBar.Render((double)value.BlocksDone / value.BlocksTotal) + Invariant($"  {Describe(value.Phase)} {value.BlocksDone:N0}/{value.BlocksTotal:N0} blocks")
                    : Describe(value.Phase) + "...";
                ProgressBar.Redraw(_output, line);
                _drawn = true;
                break;
            case "plain":
                if (value.Phase != _phase)
                {
                    _lastTenth = -1;
                    _output.WriteLine(value.BlocksTotal > 0 && value.Phase != RecordingPhase.Closing
                        ? Invariant($"{Describe(value.Phase)} {value.BlocksTotal:N0} blocks ({value.BlocksTotal * 2048 / 1048576.0:0.0} MiB)...")
                        : Describe(value.Phase) + "...");
                }

                if (value.BlocksTotal > 0 && value.Phase is RecordingPhase.Writing or RecordingPhase.Verifying or RecordingPhase.Erasing)
                {
                    var tenth = value.BlocksDone * 10 / value.BlocksTotal;
                    if (tenth > _lastTenth && tenth > 0)
                    {
                        _lastTenth = tenth;
                        _output.WriteLine(Invariant($"  {tenth * 10,3}%"));
                    }
                }

                break;
        }

        _phase = value.Phase;
    }

    /// <summary>Ends the run with one line: a JSON object of <paramref name="eventName"/> with its fields and the message, or the message.</summary>
    public void Complete(string eventName, string message, Action<Utf8JsonWriter>? fields = null)
    {
        EndLine();
        if (_mode == "json")
        {
            ToolJson.WriteLine(_output, json =>
            {
                json.WriteString("event", eventName);
                fields?.Invoke(json);
                json.WriteString("message", message);
            });
        }
        else
        {
            _output.WriteLine(message);
        }
    }

    /// <summary>Leaves the cursor on a fresh line, so an error after a bar is readable.</summary>
    public void Dispose() => EndLine();

    private void EndLine()
    {
        if (_drawn)
        {
            _output.WriteLine();
            _drawn = false;
        }
    }

    private static string PhaseName(RecordingPhase phase) => phase.ToString().ToLowerInvariant();

    private static string Describe(RecordingPhase phase) => phase switch
    {
        RecordingPhase.Preparing => "Preparing",
        RecordingPhase.Writing => "Writing",
        RecordingPhase.Closing => "Closing the disc",
        RecordingPhase.Verifying => "Verifying",
        RecordingPhase.Erasing => "Blanking",
        _ => "Done",
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Passes scanning and layout on as plain progress; the writing phase is the recording's own.</summary>
    private sealed class MasteringPhases(RecordingReporter reporter) : IProgress<MasteringProgress>
    {
        public void Report(MasteringProgress value)
        {
            if (value.Phase == MasteringPhase.Writing)
            {
                return;
            }

            var what = value.Phase == MasteringPhase.Scanning ? "scanning" : "layout";
            switch (reporter._mode)
            {
                case "json":
                    ToolJson.WriteLine(reporter._output, json =>
                    {
                        json.WriteString("event", "progress");
                        json.WriteString("phase", what);
                        json.WriteNumber("bytesDone", 0);
                        json.WriteNumber("bytesTotal", 0);
                        json.WriteNumber("filesDone", 0);
                        json.WriteNumber("filesTotal", value.FilesTotal);
                    });
                    break;
                case "plain":
                    reporter._output.WriteLine(value.Phase == MasteringPhase.Scanning ? "Scanning sources..." : Invariant($"Laying out {value.FilesTotal:N0} files..."));
                    break;
            }
        }
    }
}
