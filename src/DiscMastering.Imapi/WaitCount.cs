namespace DiscMastering.Imapi;

/// <summary>
/// A count that <see cref="Wait"/> takes one from, blocking while it is zero. Unlike SemaphoreSlim it never spins:
/// on a machine of few cores a spinning waiter takes the processor from the very thread it waits for.
/// </summary>
internal sealed class WaitCount : IDisposable
{
    private readonly object _gate = new();
    private readonly CancellationTokenRegistration _wakeOnCancel;
    private int _count;

    /// <summary>Starts at <paramref name="initial"/>; a wait ends with OperationCanceledException once <paramref name="token"/> is cancelled.</summary>
    public WaitCount(int initial, CancellationToken token)
    {
        _count = initial;
        _wakeOnCancel = token.Register(() =>
        {
            lock (_gate)
            {
                Monitor.PulseAll(_gate);
            }
        });
    }

    public void Release()
    {
        lock (_gate)
        {
            _count++;
            Monitor.Pulse(_gate);
        }
    }

    public void Wait(CancellationToken token)
    {
        lock (_gate)
        {
            while (_count == 0)
            {
                token.ThrowIfCancellationRequested();
                Monitor.Wait(_gate);
            }

            _count--;
        }
    }

    public void Dispose() => _wakeOnCancel.Dispose();
}
