using System.Globalization;
using DiscMastering.Imapi.Extraction;

namespace DiscMastering.Tool.Progress;

/// <summary>Shows extraction progress in one of the <c>--progress</c> modes (as <c>image</c> does), then the one-line summary.</summary>
internal sealed class ExtractReporter(string mode, ToolContext context) : IProgress<ExtractionProgress>, IDisposable
{
    private readonly TextWriter _output = context.Output;
    private readonly string _mode = mode.ToLowerInvariant() switch
    {
        "auto" => context.OutputIsTerminal ? "bar" : "plain",
        var other => other,
    };

    private long _lastTenth = -1;
    private bool _drawn;

    public void Report(ExtractionProgress value)
    {
        switch (_mode)
        {
            case "json":
                ToolJson.WriteLine(_output, json =>
                {
                    json.WriteString("event", "progress");
                    json.WriteString("phase", "extracting");
                    json.WriteNumber("bytesDone", value.BytesDone);
                    json.WriteNumber("bytesTotal", value.BytesTotal);
                    json.WriteNumber("filesDone", value.FilesDone);
                    json.WriteNumber("filesTotal", value.FilesTotal);
                });
                break;
            case "bar":
                var fraction = value.BytesTotal == 0 ? 1 : (double)value.BytesDone / value.BytesTotal;
                ProgressBar.Redraw(_output, ProgressBar.Render(fraction) + Invariant($"  {value.BytesDone / 1048576.0:0.0}/{value.BytesTotal / 1048576.0:0.0} MiB  {value.FilesDone:N0}/{value.FilesTotal:N0} files"));
                _drawn = true;
                break;
            case "plain":
                if (_lastTenth < 0)
                {
                    _output.WriteLine(Invariant($"Extracting {value.FilesTotal:N0} files, {value.BytesTotal / 1048576.0:0.0} MiB..."));
                    _lastTenth = 0;
                }

                var tenth = value.BytesTotal == 0 ? 0 : value.BytesDone * 10 / value.BytesTotal;
                if (tenth > _lastTenth)
                {
                    _lastTenth = tenth;
                    _output.WriteLine(Invariant($"  {tenth * 10,3}%  {value.FilesDone:N0}/{value.FilesTotal:N0} files"));
                }

                break;
        }
    }

    /// <summary>Ends the run with the summary line (and, in JSON, the summary event).</summary>
    public void Complete(ExtractionSummary summary)
    {
        var message = Invariant($"Extracted {summary.Files:N0} files in {summary.Folders:N0} folders from {summary.ImagePath} ({ExtractTree(summary.Tree)} names) into {summary.TargetFolder}: {summary.Bytes / 1048576.0:0.0} MiB in {summary.Elapsed.TotalSeconds:0.00} s ({summary.MiBPerSecond:0.0} MiB/s)");
        if (_mode != "json")
        {
            EndLine();
            _output.WriteLine(message);
            return;
        }

        ToolJson.WriteLine(_output, json =>
        {
            json.WriteString("event", "summary");
            json.WriteString("image", summary.ImagePath);
            json.WriteString("target", summary.TargetFolder);
            json.WriteString("tree", ExtractTree(summary.Tree));
            json.WriteNumber("files", summary.Files);
            json.WriteNumber("folders", summary.Folders);
            json.WriteNumber("bytes", summary.Bytes);
            json.WriteNumber("seconds", Math.Round(summary.Elapsed.TotalSeconds, 3));
            json.WriteNumber("mibPerSecond", Math.Round(summary.MiBPerSecond, 1));
            json.WriteString("message", message);
        });
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

    private static string ExtractTree(ExtractionTree tree) => tree switch
    {
        ExtractionTree.Joliet => "joliet",
        ExtractionTree.RockRidge => "rock-ridge",
        _ => "primary",
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
