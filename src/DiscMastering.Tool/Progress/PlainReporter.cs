using System.Globalization;
using DiscMastering.Imapi.Iso9660;

namespace DiscMastering.Tool.Progress;

/// <summary>For logs: a line when a phase starts and at every tenth of the writing.</summary>
internal sealed class PlainReporter(TextWriter output) : MasteringReporter
{
    private MasteringPhase? _phase;
    private long _lastTenth = -1;

    public override void Report(MasteringProgress value)
    {
        if (value.Phase != _phase)
        {
            _phase = value.Phase;
            output.WriteLine(value.Phase switch
            {
                MasteringPhase.Scanning => "Scanning sources...",
                MasteringPhase.Layout => string.Create(CultureInfo.InvariantCulture, $"Laying out {value.FilesTotal:N0} files..."),
                _ => string.Create(CultureInfo.InvariantCulture, $"Writing {value.BytesTotal / 1048576.0:0.0} MiB..."),
            });
        }

        if (value.Phase == MasteringPhase.Writing && value.BytesTotal > 0)
        {
            var tenth = value.BytesDone * 10 / value.BytesTotal;
            if (tenth > _lastTenth && tenth > 0)
            {
                _lastTenth = tenth;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {tenth * 10,3}%  {value.FilesDone:N0}/{value.FilesTotal:N0} files"));
            }
        }
    }

    public override void Complete(MasteringSummary summary, string message) => output.WriteLine(message);
}
