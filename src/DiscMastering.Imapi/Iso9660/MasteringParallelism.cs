namespace DiscMastering.Imapi.Iso9660;

/// <summary>
/// How many threads the scan, the mode probe and the writer's readers use: one per processor, unless a caller
/// on this flow asked for fewer (tests compare the one-thread output with the parallel one).
/// </summary>
internal static class MasteringParallelism
{
    /// <summary>Past this, more readers of small files only contend for the same disk and memory.</summary>
    private const int MaxWorkers = 8;

    private static readonly AsyncLocal<int?> s_forced = new();

    public static int Workers => s_forced.Value ?? Math.Clamp(Environment.ProcessorCount, 1, MaxWorkers);

    /// <summary>Uses <paramref name="workers"/> threads on this flow until the result is disposed.</summary>
    public static IDisposable Force(int workers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        var previous = s_forced.Value;
        s_forced.Value = workers;
        return new Restore(previous);
    }

    private sealed class Restore(int? previous) : IDisposable
    {
        public void Dispose() => s_forced.Value = previous;
    }
}
