using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using DiscMastering.Imapi.Interop.Linux;
using Microsoft.Win32.SafeHandles;

namespace DiscMastering.Imapi.Recording.Libburn;

/// <summary>
/// Feeds an image stream to libburn through an OS pipe: libburn reads the pipe's read end as an fd source on its own
/// write thread, while a .NET thread copies the stream into the write end in 64 KiB chunks and pads the last block
/// with zeros. libburn takes the read end over and closes it when its disc is freed, which also ends a copy that
/// is blocked on a pipe nobody reads any more (a simulation, or a write that was cancelled or failed).
/// </summary>
internal sealed unsafe class LibburnImageFeeder : IDisposable
{
    private const int ChunkBytes = 64 * 1024;

    private readonly Stream _image;
    private readonly long _bytes;
    private readonly FileStream _pipe;
    private SafeFileHandle? _readEnd;
    private Task? _copy;
    private volatile bool _stop;
    private ExceptionDispatchInfo? _imageError;

    private LibburnImageFeeder(Stream image, long bytes, SafeFileHandle readEnd, FileStream pipe)
    {
        _image = image;
        _bytes = bytes;
        _readEnd = readEnd;
        _pipe = pipe;
    }

    /// <summary>Whether reading the image failed; <see cref="ThrowIfImageFailed"/> throws what it threw.</summary>
    public bool ImageFailed => _imageError is not null;

    /// <summary>Creates the pipe for <paramref name="bytes"/> bytes of <paramref name="image"/> (from its position; zeros after its end).</summary>
    public static LibburnImageFeeder Create(Stream image, long bytes)
    {
        var fds = stackalloc int[2];
        if (PipeInterop.Pipe2(fds, PipeInterop.CloseOnExec) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new DiscMasteringException(
                DiscMasteringError.RecordingFailed,
                $"could not create the pipe that feeds the image to libburn ({Marshal.GetPInvokeErrorMessage(errno)}); close some programs or files and try again.");
        }

        var readEnd = new SafeFileHandle(fds[0], ownsHandle: true);
        var writeEnd = new SafeFileHandle(fds[1], ownsHandle: true);
        return new LibburnImageFeeder(image, bytes, readEnd, new FileStream(writeEnd, FileAccess.Write, bufferSize: 0));
    }

    /// <summary>
    /// Hands the pipe's read end to <paramref name="takeOver"/> (burn_fd_source_new), which owns and closes it
    /// when it returns a source; when it returns 0 the read end stays here and is closed on dispose.
    /// </summary>
    public nint HandOverReadEnd(Func<int, nint> takeOver)
    {
        var readEnd = _readEnd ?? throw new InvalidOperationException("The read end was handed over already.");
        var source = takeOver((int)readEnd.DangerousGetHandle());
        if (source != 0)
        {
            readEnd.SetHandleAsInvalid();
            _readEnd = null;
        }

        return source;
    }

    /// <summary>
    /// Starts copying on a thread of its own; with <paramref name="after"/>, once that feeder's copy has ended, so
    /// the tracks of one disc are read one after the other, in the order libburn writes them.
    /// </summary>
    public void Start(LibburnImageFeeder? after = null) => _copy = after?._copy is { } previous
        ? previous.ContinueWith(_ => Copy(), CancellationToken.None, TaskContinuationOptions.LongRunning, TaskScheduler.Default)
        : Task.Factory.StartNew(Copy, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>Stops after the current chunk.</summary>
    public void Stop() => _stop = true;

    /// <summary>Waits for the copy to end; libburn must have freed the read end (or read to the end) first.</summary>
    public void WaitForExit()
    {
        _stop = true;
        _copy?.GetAwaiter().GetResult();
    }

    /// <summary>Throws what reading the image threw, if it did.</summary>
    public void ThrowIfImageFailed() => _imageError?.Throw();

    /// <inheritdoc/>
    public void Dispose()
    {
        _readEnd?.Dispose();
        if (_copy is null)
        {
            _pipe.Dispose();
        }
    }

    private void Copy()
    {
        var buffer = new byte[ChunkBytes];
        var imageEnded = false;
        try
        {
            long sent = 0;
            while (sent < _bytes && !_stop)
            {
                var want = (int)Math.Min(buffer.Length, _bytes - sent);
                var got = 0;
                while (!imageEnded && got < want)
                {
                    int read;
                    try
                    {
                        read = _image.Read(buffer, got, want - got);
                    }
                    catch (Exception e)
                    {
                        // Rethrown on the recording thread, which cancels the drive first.
                        _imageError = ExceptionDispatchInfo.Capture(e);
                        return;
                    }

                    imageEnded = read == 0;
                    got += read;
                }

                buffer.AsSpan(got, want - got).Clear();
                try
                {
                    _pipe.Write(buffer, 0, want);
                }
                catch (IOException)
                {
                    // libburn stopped reading (cancelled, failed, or a simulation that reads nothing): nothing more to send.
                    return;
                }

                sent += want;
            }
        }
        finally
        {
            // Closing the write end is libburn's end of input.
            _pipe.Dispose();
        }
    }
}
