using System.Diagnostics;

namespace DiscMastering.Tasks.Tests.TestUtilities;

/// <summary>What the tests that run a task against a fake tool script share.</summary>
internal static class FakeToolRun
{
    /// <summary>Cancels from many threads at once: a cancel must be idempotent and race-free.</summary>
    public static void CancelFromManyThreads(DiscToolTask task) =>
        Parallel.For(0, 32, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ => task.Cancel());

    /// <summary>Waits for the fake tool to reach a state, failing after 30 seconds.</summary>
    public static async System.Threading.Tasks.Task WaitUntilAsync(Func<bool> condition)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), "Timed out waiting for the fake tool.");
            await System.Threading.Tasks.Task.Delay(20);
        }
    }
}
