using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace DiscMastering.Imapi.Sources;

/// <summary>
/// Lists and stats source folders on worker threads ahead of the <see cref="DiscTreeBuilder"/>, which still takes
/// them one by one in its own order and builds the tree alone: the tree, its order and its problems are those of
/// a single thread, and only the system calls run in parallel. A folder the builder asks for before a worker has
/// taken it is listed by the builder itself. Workers follow links into folders as the builder does, never into
/// one of a folder's own ancestors, and skip excluded folders.
/// </summary>
internal sealed class FolderPrefetch : IDisposable
{
    private readonly ConcurrentDictionary<string, FolderListing> _folders = new(StringComparer.Ordinal);
    private readonly Stack<FolderListing> _queue = new();
    private readonly WaitCount _queued;
    private readonly IReadOnlyList<DiscPathGlob> _exclude;
    private readonly CancellationTokenSource _stop;
    private readonly Thread[] _threads;

    public FolderPrefetch(int workers, IReadOnlyList<DiscPathGlob> exclude, CancellationToken cancellationToken)
    {
        _exclude = exclude;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _queued = new WaitCount(0, _stop.Token);
        _threads = new Thread[workers];
        for (var i = 0; i < workers; i++)
        {
            _threads[i] = new Thread(Work) { IsBackground = true, Name = "Source folder scan" };
            _threads[i].Start();
        }
    }

    /// <summary>
    /// The entries of the folder at <paramref name="localPath"/> (disc path <paramref name="discPath"/>, below the
    /// folders of <paramref name="ancestors"/>): full paths and one stat each, in the order the system lists them.
    /// Throws what listing the folder threw.
    /// </summary>
    public (List<string> Paths, SourceEntry[] Entries) List(string localPath, string discPath, FolderAncestry? ancestors)
    {
        var folder = _folders.GetOrAdd(localPath, path => new FolderListing(path, discPath, ancestors));
        if (folder.TryTake())
        {
            Fill(folder);
        }
        else
        {
            folder.WaitDone(_stop.Token);
        }

        _folders.TryRemove(localPath, out _);
        folder.Failure?.Throw();
        return (folder.Paths!, folder.Entries!);
    }

    public void Dispose()
    {
        _stop.Cancel();
        foreach (var thread in _threads)
        {
            thread.Join();
        }

        _queued.Dispose();
        _stop.Dispose();
    }

    private void Work()
    {
        var token = _stop.Token;
        while (true)
        {
            try
            {
                _queued.Wait(token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            FolderListing folder;
            lock (_queue)
            {
                folder = _queue.Pop();
            }

            if (folder.TryTake())
            {
                Fill(folder);
            }
        }
    }

    /// <summary>Lists and stats one folder, queues its subfolders for the workers, and wakes whoever waits for it.</summary>
    private void Fill(FolderListing folder)
    {
        try
        {
            var paths = Directory.EnumerateFileSystemEntries(folder.LocalPath).ToList();
            var entries = new SourceEntry[paths.Count];
            for (var i = 0; i < paths.Count; i++)
            {
                _stop.Token.ThrowIfCancellationRequested();
                entries[i] = SourceEntry.Probe(paths[i]);
            }

            folder.Paths = paths;
            folder.Entries = entries;
            QueueSubfolders(folder, paths, entries);
        }
        catch (Exception e)
        {
            folder.Failure = ExceptionDispatchInfo.Capture(e);
        }

        folder.SetDone();
    }

    private void QueueSubfolders(FolderListing folder, List<string> paths, SourceEntry[] entries)
    {
        if (_threads.Length == 0)
        {
            return;
        }

        for (var i = entries.Length - 1; i >= 0; i--)
        {
            var entry = entries[i];
            if (entry.Kind != SourceEntryKind.Directory || FolderAncestry.Contains(folder.Ancestors, entry.Identity))
            {
                continue;
            }

            var name = Path.GetFileName(paths[i]);
            var discPath = folder.DiscPath.Length == 0 ? name : folder.DiscPath + "/" + name;
            if (_exclude.Count > 0 && DiscPathGlob.Excludes(_exclude, discPath, isDirectory: true))
            {
                continue;
            }

            var child = new FolderListing(paths[i], discPath, new FolderAncestry(entry.Identity, folder.Ancestors));
            if (_folders.TryAdd(child.LocalPath, child))
            {
                lock (_queue)
                {
                    _queue.Push(child);
                }

                _queued.Release();
            }
        }
    }

    /// <summary>One folder to list: who lists it (a worker or the builder, once), and what it held.</summary>
    private sealed class FolderListing(string localPath, string discPath, FolderAncestry? ancestors)
    {
        private readonly object _gate = new();
        private int _taken;
        private bool _done;

        public string LocalPath { get; } = localPath;

        public string DiscPath { get; } = discPath;

        public FolderAncestry? Ancestors { get; } = ancestors;

        public List<string>? Paths { get; set; }

        public SourceEntry[]? Entries { get; set; }

        public ExceptionDispatchInfo? Failure { get; set; }

        public bool TryTake() => Interlocked.Exchange(ref _taken, 1) == 0;

        public void SetDone()
        {
            lock (_gate)
            {
                _done = true;
                Monitor.PulseAll(_gate);
            }
        }

        public void WaitDone(CancellationToken token)
        {
            lock (_gate)
            {
                while (!_done)
                {
                    token.ThrowIfCancellationRequested();

                    // Woken by SetDone; the timeout only lets cancellation through.
                    Monitor.Wait(_gate, 100);
                }
            }
        }
    }
}

/// <summary>The identities of the folders a folder lies in, innermost first: a link back into one of them is a loop.</summary>
internal sealed record FolderAncestry((long, long, string?) Identity, FolderAncestry? Parent)
{
    public static bool Contains(FolderAncestry? ancestry, (long, long, string?) identity)
    {
        for (var node = ancestry; node is not null; node = node.Parent)
        {
            if (node.Identity == identity)
            {
                return true;
            }
        }

        return false;
    }
}
