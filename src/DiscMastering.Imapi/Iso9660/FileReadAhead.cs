using System.Buffers;
using System.Runtime.ExceptionServices;
using DiscMastering.Imapi.ElTorito;
using DiscMastering.Imapi.Iso9660.RockRidge;
using DiscMastering.Imapi.Sources;

namespace DiscMastering.Imapi.Iso9660;

/// <summary>
/// Reads small files ahead of the writer on several threads. The file data is cut into windows: a run of small
/// files whose blocks fill at most one buffer, or one large file, which the writer copies itself. Reader
/// <c>w</c> of <c>n</c> fills every n-th small-file window into its own few buffers, in order, while the writer
/// takes the windows in image order, so the bytes are those of one thread and memory stays at a few buffers
/// per reader. A reader's failure is kept with its window and raised when the writer reaches that window, so
/// the error is the one a single thread meets first.
/// </summary>
internal sealed class FileReadAhead : IDisposable
{
    /// <summary>Buffers per reader: one being filled while the writer still writes the other.</summary>
    private const int BuffersPerReader = 2;

    private readonly IReadOnlyList<DiscFile> _files;
    private readonly FileWindow[] _windows;
    private readonly int[] _smallOrdinals;
    private readonly int[] _smallWindows;
    private readonly int _firstOrdinal;
    private readonly int _readers;
    private readonly int _bufferSize;
    private readonly BootContent? _boot;
    private readonly bool[]? _executable;
    private readonly byte[][] _buffers;
    private readonly ExceptionDispatchInfo?[] _failures;
    private readonly WaitCount[] _free;
    private readonly WaitCount[] _filled;
    private readonly Thread[] _threads;
    private readonly CancellationTokenSource _stop;

    /// <summary>
    /// Plans the windows of <paramref name="files"/> and starts up to <paramref name="readers"/> threads filling them,
    /// from the window holding <paramref name="firstOffset"/> of the file data on, which mark the programs among them
    /// in <paramref name="executable"/> when given (see <see cref="NoteExecutable"/>).
    /// </summary>
    public FileReadAhead(IReadOnlyList<DiscFile> files, int bufferSize, int bufferedFileLimit, int readers, BootContent? boot, bool[]? executable, CancellationToken cancellationToken, long firstOffset = 0)
    {
        _files = files;
        _bufferSize = bufferSize;
        _boot = boot;
        _executable = executable;
        (_windows, _smallOrdinals, _smallWindows) = Plan(files, bufferSize, bufferedFileLimit);
        FirstWindow = _windows.Length == 0 ? 0 : FindWindow(firstOffset);
        _firstOrdinal = SmallWindowsBefore(FirstWindow);

        // No more readers than windows to fill: an empty tree, or one of large files only, starts none.
        _readers = readers = Math.Min(readers, _smallWindows.Length - _firstOrdinal);
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _buffers = new byte[readers * BuffersPerReader][];
        _failures = new ExceptionDispatchInfo?[_buffers.Length];
        _free = new WaitCount[readers];
        _filled = new WaitCount[readers];
        _threads = new Thread[readers];
        for (var reader = 0; reader < readers; reader++)
        {
            _free[reader] = new WaitCount(BuffersPerReader, _stop.Token);
            _filled[reader] = new WaitCount(0, _stop.Token);
        }

        for (var reader = 0; reader < readers; reader++)
        {
            var first = reader;
            _threads[reader] = new Thread(() => Read(first)) { IsBackground = true, Name = "Image file reader" };
            _threads[reader].Start();
        }
    }

    public int WindowCount => _windows.Length;

    /// <summary>The first window the readers fill; windows are taken from here on, in order.</summary>
    public int FirstWindow { get; }

    public FileWindow Window(int index) => _windows[index];

    /// <summary>The window whose bytes hold <paramref name="offset"/>, counted from the start of the file data.</summary>
    public int FindWindow(long offset)
    {
        var low = 0;
        var high = _windows.Length - 1;
        while (low < high)
        {
            var middle = low + ((high - low + 1) / 2);
            if (_windows[middle].Start <= offset)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low;
    }

    /// <summary>
    /// Waits for small-file window <paramref name="index"/> (at or after the first window asked for, taken in
    /// order) and gives its bytes, files and padding; rethrows the failure that ended its reader there. The bytes
    /// stay valid until <see cref="Release"/>.
    /// </summary>
    public ReadOnlyMemory<byte> Take(int index)
    {
        var ordinal = _smallOrdinals[index] - _firstOrdinal;
        var reader = ordinal % _readers;
        _filled[reader].Wait(_stop.Token);
        var slot = Slot(ordinal);
        _failures[slot]?.Throw();
        return _buffers[slot].AsMemory(0, (int)_windows[index].Length);
    }

    /// <summary>Gives window <paramref name="index"/>'s buffer back to its reader for a later window.</summary>
    public void Release(int index) => _free[(_smallOrdinals[index] - _firstOrdinal) % _readers].Release();

    public void Dispose()
    {
        // Readers waiting for a buffer, or between files, stop; a read under way ends first.
        _stop.Cancel();
        foreach (var thread in _threads)
        {
            thread?.Join();
        }

        foreach (var buffer in _buffers)
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        for (var reader = 0; reader < _readers; reader++)
        {
            _free[reader].Dispose();
            _filled[reader].Dispose();
        }

        _stop.Dispose();
    }

    /// <summary>
    /// Reads a small file into <paramref name="destination"/> (room for one byte more than expected), with no
    /// fstat: a read that ends exactly at the expected size is the end of a regular file (one that grew returns
    /// the extra byte), so one read per file is enough; after a shorter one it reads on, and end of file there
    /// means the file shrank. Returns the bytes read, at most <paramref name="length"/> + 1.
    /// </summary>
    public static int ReadSmallFile(in SourceFileReader input, Span<byte> destination, int length)
    {
        var done = 0;
        while (done < destination.Length)
        {
            var read = input.Read(destination[done..], done);
            if (read == 0)
            {
                break;
            }

            done += read;
            if (done == length)
            {
                break;
            }
        }

        return done;
    }

    /// <summary>Marks <paramref name="file"/> in <paramref name="executable"/> (by its index) when <paramref name="content"/>, all it read of it, starts like a program.</summary>
    public static void NoteExecutable(bool[]? executable, DiscFile file, ReadOnlySpan<byte> content)
    {
        if (executable is not null)
        {
            executable[file.Index] = ExecutableContent.IsExecutable(content[..Math.Min(content.Length, ExecutableContent.ProbeLength)]);
        }
    }

    /// <summary>
    /// Cuts the file list into windows, each starting where the one before ends in the file data; a small file goes
    /// into one only with room for its probe byte too.
    /// </summary>
    private static (FileWindow[] Windows, int[] SmallOrdinals, int[] SmallWindows) Plan(IReadOnlyList<DiscFile> files, int bufferSize, int bufferedFileLimit)
    {
        var windows = new List<FileWindow>();
        var first = 0;
        var bytes = 0;
        var start = 0L;
        void Add(int end, long length, bool isLarge)
        {
            windows.Add(new FileWindow(first, end, start, length, isLarge));
            start += length;
            first = end;
            bytes = 0;
        }

        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            if (file.IsMetadata)
            {
                continue;
            }

            if (file.Length > bufferedFileLimit)
            {
                if (i > first)
                {
                    Add(i, bytes, isLarge: false);
                }

                Add(i + 1, DiscLayout.BlocksFor(file.Length) * IsoConstants.BlockSize, isLarge: true);
                continue;
            }

            var padded = (int)(DiscLayout.BlocksFor(file.Length) * IsoConstants.BlockSize);
            if (bytes + Math.Max(padded, (int)file.Length + 1) > bufferSize && i > first)
            {
                Add(i, bytes, isLarge: false);
            }

            bytes += padded;
        }

        if (files.Count > first)
        {
            Add(files.Count, bytes, isLarge: false);
        }

        var ordinals = new int[windows.Count];
        var smallWindows = new List<int>();
        for (var i = 0; i < windows.Count; i++)
        {
            ordinals[i] = windows[i].IsLarge ? -1 : smallWindows.Count;
            if (!windows[i].IsLarge)
            {
                smallWindows.Add(i);
            }
        }

        return ([.. windows], ordinals, [.. smallWindows]);
    }

    /// <summary>Small-file windows before window <paramref name="index"/>.</summary>
    private int SmallWindowsBefore(int index)
    {
        var count = 0;
        while (count < _smallWindows.Length && _smallWindows[count] < index)
        {
            count++;
        }

        return count;
    }

    /// <summary>A reader's buffer for its small-file window <paramref name="ordinal"/> (counted from the first one read): its buffers in turn.</summary>
    private int Slot(int ordinal) => (ordinal % _readers * BuffersPerReader) + (ordinal / _readers % BuffersPerReader);

    /// <summary>Reader <paramref name="reader"/>'s thread: fills its windows in order, each when a buffer is free.</summary>
    private void Read(int reader)
    {
        var token = _stop.Token;
        using var folders = OperatingSystem.IsLinux() ? new SourceFolderCache() : null;
        for (var ordinal = reader; _firstOrdinal + ordinal < _smallWindows.Length; ordinal += _readers)
        {
            try
            {
                _free[reader].Wait(token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var slot = Slot(ordinal);
            try
            {
                // Each reader rents its own buffers, on its own thread, when it first needs them.
                _buffers[slot] ??= ArrayPool<byte>.Shared.Rent(_bufferSize);
                Fill(_windows[_smallWindows[_firstOrdinal + ordinal]], _buffers[slot], folders, token);
            }
            catch (Exception e)
            {
                // Kept for the writer, which raises it on reaching this window; this reader stops here.
                _failures[slot] = ExceptionDispatchInfo.Capture(e);
                _filled[reader].Release();
                return;
            }

            _filled[reader].Release();
        }
    }

    /// <summary>Reads the window's files into <paramref name="buffer"/> at their places, each followed by its padding to a block.</summary>
    private void Fill(FileWindow window, byte[] buffer, SourceFolderCache? folders, CancellationToken token)
    {
        var offset = 0;
        for (var i = window.First; i < window.End; i++)
        {
            token.ThrowIfCancellationRequested();
            var file = _files[i];
            if (file.IsMetadata)
            {
                continue;
            }

            var length = (int)file.Length;
            int done;
            using (var input = SourceFileReader.Open(file.LocalPath, folders))
            {
                done = ReadSmallFile(input, buffer.AsSpan(offset, length + 1), length);
            }

            if (done != length)
            {
                throw ImageWriter.FileChanged(file);
            }

            NoteExecutable(_executable, file, buffer.AsSpan(offset, length));

            if (_boot is { } boot && ReferenceEquals(file, boot.PatchedFile) && offset + BootInfoTable.Offset + BootInfoTable.Length <= _bufferSize)
            {
                boot.Patch(file, BootInfoTable.Offset, buffer.AsSpan(offset + BootInfoTable.Offset, BootInfoTable.Length));
            }

            // After the patch, as one thread does: padding is zeros whatever the table reached.
            var padded = (int)(DiscLayout.BlocksFor(length) * IsoConstants.BlockSize);
            buffer.AsSpan(offset + length, padded - length).Clear();
            offset += padded;
        }
    }
}

/// <summary>
/// Files <see cref="First"/> up to <see cref="End"/> of the tree's list, and the bytes they fill, padding included,
/// from <see cref="Start"/> in the file data: in a buffer when small, copied file to file when large.
/// </summary>
internal readonly record struct FileWindow(int First, int End, long Start, long Length, bool IsLarge);
