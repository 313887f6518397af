using DiscMastering.Imapi.Iso9660;

namespace DiscMastering.Tool.Progress;

/// <summary>Shows mastering progress in one of the <c>--progress</c> modes, then the one-line summary.</summary>
internal abstract class MasteringReporter : IProgress<MasteringProgress>, IDisposable
{
    public static MasteringReporter Create(string mode, ToolContext context) => mode.ToLowerInvariant() switch
    {
        "json" => new JsonReporter(context.Output),
        "none" => new QuietReporter(context.Output),
        "bar" => new BarReporter(context.Output),
        "plain" => new PlainReporter(context.Output),
        _ => context.OutputIsTerminal ? new BarReporter(context.Output) : new PlainReporter(context.Output),
    };

    public abstract void Report(MasteringProgress value);

    /// <summary>Ends the run with the summary and the mastering line.</summary>
    public void Complete(MasteringSummary summary) => Complete(summary, SummaryLine(summary));

    /// <summary>Ends the run with the summary and <paramref name="message"/> (the <c>audio</c> command says tracks, not files).</summary>
    public abstract void Complete(MasteringSummary summary, string message);

    public virtual void Dispose()
    {
    }

    /// <summary>"Mastered 12 files in 3 folders into /x.iso: 4.0 MiB in 0.2 s (20.0 MiB/s)".</summary>
    protected static string SummaryLine(MasteringSummary summary) => FormattableString.Invariant(
        $"Mastered {summary.Files:N0} files in {summary.Folders:N0} folders into {summary.ImagePath}: {summary.ImageBytes / 1048576.0:0.0} MiB in {summary.Elapsed.TotalSeconds:0.00} s ({summary.MiBPerSecond:0.0} MiB/s)");

    protected static string PhaseName(MasteringPhase phase) => phase switch
    {
        MasteringPhase.Scanning => "scanning",
        MasteringPhase.Layout => "layout",
        _ => "writing",
    };
}
