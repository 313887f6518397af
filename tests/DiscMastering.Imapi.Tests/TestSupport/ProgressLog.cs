namespace DiscMastering.Imapi.Tests.TestSupport;

/// <summary>Keeps every report, on the reporting thread, so a test can read them right after the call.</summary>
internal sealed class ProgressLog<T> : IProgress<T>
{
    private readonly List<T> _reports = [];

    public IReadOnlyList<T> Reports => _reports;

    public void Report(T value) => _reports.Add(value);
}
