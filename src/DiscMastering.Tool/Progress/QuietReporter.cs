using DiscMastering.Imapi.Iso9660;

namespace DiscMastering.Tool.Progress;

/// <summary><c>--progress none</c>: only the summary.</summary>
internal sealed class QuietReporter(TextWriter output) : MasteringReporter
{
    public override void Report(MasteringProgress value)
    {
    }

    public override void Complete(MasteringSummary summary, string message) => output.WriteLine(message);
}
