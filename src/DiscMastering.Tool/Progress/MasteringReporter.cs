using DiscMastering.Imapi.Iso9660;

namespace DiscMastering.Tool.Progress;

/// <summary>Shows mastering progress in one of the <c>--progress</c> modes, then the one-line summary.</summary>
internal abstract class MasteringReporter : IProgress<MasteringProgress>, IDisposable
{
    public static MasteringReporter Create(string mode, ToolContext context) => Create(mode, context.Output, context.OutputIsTerminal);

    /// <summary>A reporter writing to <paramref name="writer"/> (standard error when standard output carries the image).</summary>
    public static MasteringReporter Create(string mode, TextWriter writer, bool isTerminal) => mode.ToLowerInvariant() switch
    {
        "json" => new JsonReporter(writer),
        "none" => new QuietReporter(writer),
        "bar" => new BarReporter(writer),
        "plain" => new PlainReporter(writer),
        _ => isTerminal ? new BarReporter(writer) : new PlainReporter(writer),
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
        $"Mastered {summary.Files:N0} files in {summary.Folders:N0} folders into {Target(summary)}: {summary.ImageBytes / 1048576.0:0.0} MiB in {summary.Elapsed.TotalSeconds:0.00} s ({summary.MiBPerSecond:0.0} MiB/s)");

    /// <summary>"-" is standard output (<c>-o -</c>), named in words in the line people read.</summary>
    private static string Target(MasteringSummary summary) => summary.ImagePath == "-" ? "standard output" : summary.ImagePath;

    protected static string PhaseName(MasteringPhase phase) => phase switch
    {
        MasteringPhase.Scanning => "scanning",
        MasteringPhase.Layout => "layout",
        _ => "writing",
    };
}
