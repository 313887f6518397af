using System.Globalization;
using DiscMastering.Imapi.Iso9660;

namespace DiscMastering.Tool.Progress;

/// <summary>On a terminal: one line redrawn in place with a bar, percentage and file count.</summary>
internal sealed class BarReporter(TextWriter output) : MasteringReporter
{
    private bool _drawn;

    public override void Report(MasteringProgress value)
    {
        string line;
        if (value.Phase != MasteringPhase.Writing || value.BytesTotal == 0)
        {
            line = value.Phase == MasteringPhase.Scanning ? "Scanning sources..." : "Laying out...";
        }
        else
        {
            line = ProgressBar.Render((double)value.BytesDone / value.BytesTotal) + string.Create(
                CultureInfo.InvariantCulture,
                $"  {value.BytesDone / 1048576.0:0.0}/{value.BytesTotal / 1048576.0:0.0} MiB  {value.FilesDone:N0}/{value.FilesTotal:N0} files");
        }

        ProgressBar.Redraw(output, line);
        _drawn = true;
    }

    public override void Complete(MasteringSummary summary, string message)
    {
        EndLine();
        output.WriteLine(message);
    }

    /// <summary>Leaves the cursor on a fresh line, so an error after a bar is readable.</summary>
    public override void Dispose() => EndLine();

    private void EndLine()
    {
        if (_drawn)
        {
            output.WriteLine();
            _drawn = false;
        }
    }
}
