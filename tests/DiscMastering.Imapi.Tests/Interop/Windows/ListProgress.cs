using DiscMastering.Imapi.Recording;

namespace DiscMastering.Imapi.Tests.Interop.Windows;

/// <summary>Keeps every report, on the reporting thread (Progress&lt;T&gt; would post them elsewhere), and lets a test act on one.</summary>
internal sealed class ListProgress(Action<RecordingProgress>? onReport = null) : IProgress<RecordingProgress>
{
    public List<RecordingProgress> Reports { get; } = [];

    public void Report(RecordingProgress value)
    {
        Reports.Add(value);
        onReport?.Invoke(value);
    }
}
