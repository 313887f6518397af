using System.Buffers;
using System.Diagnostics;
using System.Runtime.InteropServices;
using DiscMastering.Imapi.ElTorito;
using DiscMastering.Imapi.Iso9660.RockRidge;
using Microsoft.Win32.SafeHandles;

namespace DiscMastering.Imapi.Iso9660;

/// <summary>
/// Writes a laid-out image through pooled buffers with positional writes: the file data first, in block order
/// from the end of the metadata region, then the metadata from the layout. File data is streamed: small files
/// through buffers that reader threads fill ahead (<see cref="FileReadAhead"/>), or through this one's buffer
/// when one thread is asked for, large ones by the kernel (copy_file_range) where it can, so their bytes never
/// pass through this process. Reading each file once also tells its Rock Ridge mode (a program by its first
/// bytes), which the metadata, written last, records. Every block is written once, none skipped over, so the
/// image is never sparse.
/// </summary>
internal sealed class ImageWriter : IMetadataOutput, IDisposable
{
    internal const int BufferSize = 1 << 20;

    /// <summary>Files up to this size are read into the buffer; larger ones are copied file to file.</summary>
    internal const int BufferedFileLimit = 256 << 10;

    /// <summary>Kernel copies go in slices this big so progress and cancellation stay responsive.</summary>
    private const int CopySlice = 16 << 20;

    private static readonly long s_progressInterval = Stopwatch.Frequency / 10;

    private readonly DiscLayout _layout;
    private readonly MasteringOptions _options;
    private readonly BootContent? _boot;
    private readonly SafeFileHandle _output;
    private readonly IProgress<MasteringProgress>? _progress;
    private readonly CancellationToken _cancellationToken;
    private readonly byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private int _used;
    private long _bufferPosition;
    private long _written;
    private int _filesDone;
    private long _lastReport;
    private bool _kernelCopyUnavailable = !OperatingSystem.IsLinux();

    /// <summary>Which files are programs, by their first bytes as they are written; null without Rock Ridge, which alone records it.</summary>
    private readonly bool[]? _executable;
    private readonly Sources.SourceFolderCache? _sourceFolders = OperatingSystem.IsLinux() ? new() : null;

    private ImageWriter(DiscLayout layout, MasteringOptions options, BootContent? boot, SafeFileHandle output, IProgress<MasteringProgress>? progress, CancellationToken cancellationToken)
    {
        _layout = layout;
        _options = options;
        _boot = boot;
        _output = output;
        _progress = progress;
        _cancellationToken = cancellationToken;
        _executable = layout.Primary.HasRockRidge ? new bool[layout.Tree.Files.Count] : null;
    }

    /// <summary>The image offset the next byte goes to.</summary>
    private long Position => _bufferPosition + _used;

    /// <summary>Bytes of the image written, or waiting in the buffer: what progress reports.</summary>
    private long Done => _written + _used;

    /// <summary>Writes the whole image to <paramref name="output"/> from offset 0; a bootable layout needs its <paramref name="boot"/> content.</summary>
    public static void Write(DiscLayout layout, MasteringOptions options, SafeFileHandle output, IProgress<MasteringProgress>? progress, CancellationToken cancellationToken, BootContent? boot = null)
    {
        using var writer = new ImageWriter(layout, options, boot, output, progress, cancellationToken);
        writer.WriteImage();
    }

    public void Dispose()
    {
        _sourceFolders?.Dispose();
        ArrayPool<byte>.Shared.Return(_buffer);
    }

    private void WriteImage()
    {
        var metadataLength = MetadataWriter.Length(_layout);
        _bufferPosition = metadataLength;
        var readers = MasteringParallelism.Workers;
        if (readers > 1)
        {
            WriteFilesReadAhead(readers);
        }
        else
        {
            foreach (var file in _layout.Tree.Files)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                if (!file.IsMetadata)
                {
                    WriteFile(file);
                }

                _filesDone++;
                Report(force: false);
            }
        }

        Debug.Assert(Position == ImageTrailer.Offset(_layout), "the trailer must start where the file data ends");
        var trailer = ImageTrailer.Blocks(_layout);
        if (trailer > 0)
        {
            ImageTrailer.Write(_layout, _options, Blocks(trailer));
        }

        Flush();
        Debug.Assert(Position == _layout.ImageBytes, "the image must end where the layout said");

        _bufferPosition = 0;
        var modes = _executable is null ? null : PosixModes.Resolve(_layout.Tree, _options.FileModes, _executable);
        MetadataWriter.Write(_layout, _options, this, modes, _boot);
        Flush();
        Debug.Assert(Position == metadataLength, "metadata must end where the layout put the first file");
        Report(force: true);
    }

    /// <summary>
    /// The file data with <paramref name="readers"/> threads reading small files ahead into their own buffers while
    /// this one writes the windows they fill, in order, and copies the large files itself: the same bytes, written
    /// in the same order, as one thread.
    /// </summary>
    private void WriteFilesReadAhead(int readers)
    {
        Flush();
        var files = _layout.Tree.Files;
        using var readAhead = new FileReadAhead(files, BufferSize, BufferedFileLimit, readers, _boot, _executable, _cancellationToken);
        // Windows before the first hold only empty files: nothing to write.
        for (var index = readAhead.FirstWindow; index < readAhead.WindowCount; index++)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var window = readAhead.Window(index);
            if (window.IsLarge)
            {
                WriteFile(files[window.First]);
            }
            else
            {
                // A large file's padding waits in the buffer: it goes first.
                Flush();
                var bytes = readAhead.Take(index);
                if (!bytes.IsEmpty)
                {
                    WriteOutput(bytes.Span, _bufferPosition);
                    Advance(bytes.Length);
                }

                readAhead.Release(index);
            }

            _filesDone = window.End;
            Report(force: false);
        }

        _filesDone = files.Count;
    }

    private void WriteFile(DiscFile file)
    {
        var start = Position;
        bool unchanged;
        if (file.Length <= BufferedFileLimit)
        {
            using var input = Sources.SourceFileReader.Open(file.LocalPath, _sourceFolders);
            unchanged = ReadIntoBuffer(input, file);
        }
        else
        {
            using var input = Sources.SourceFile.OpenRead(file.LocalPath);
            if (_executable is not null)
            {
                _executable[file.Index] = ExecutableContent.Probe(input);
            }

            unchanged = CopyFromFile(input, file.Length);
        }

        if (!unchanged)
        {
            throw FileChanged(file);
        }

        if (ReferenceEquals(file, _boot?.PatchedFile))
        {
            PatchBootInfoTable(file, start);
        }

        var padding = (int)(DiscLayout.BlocksFor(file.Length) * IsoConstants.BlockSize - file.Length);
        Zeros(padding);
    }

    /// <summary>Puts the boot-info table over the image's copy of the boot file: in the buffer if it is still there, else in the output.</summary>
    private void PatchBootInfoTable(DiscFile file, long start)
    {
        var tableStart = start + BootInfoTable.Offset;
        if (tableStart >= _bufferPosition)
        {
            _boot!.Patch(file, BootInfoTable.Offset, _buffer.AsSpan((int)(tableStart - _bufferPosition), BootInfoTable.Length));
            return;
        }

        Flush();
        Span<byte> table = stackalloc byte[BootInfoTable.Length];
        _boot!.Patch(file, BootInfoTable.Offset, table);
        WriteOutput(table, tableStart);
    }

    /// <summary>The failure of a source file whose size differs from the one the tree recorded; the stream sink fails the same way.</summary>
    internal static DiscMasteringException FileChanged(DiscFile file) => new(
        DiscMasteringError.FileChanged,
        $"the file '{file.LocalPath}' changed size while the image was written (expected {file.Length:N0} bytes); stop whatever writes to it and master again.");

    /// <summary>Reads a small file into the buffer (see <see cref="FileReadAhead.ReadSmallFile"/>) and tells whether it is a program; returns whether the size held.</summary>
    private bool ReadIntoBuffer(in Sources.SourceFileReader input, DiscFile file)
    {
        var length = (int)file.Length;
        Reserve(length + 1);
        var done = FileReadAhead.ReadSmallFile(input, _buffer.AsSpan(_used, length + 1), length);
        FileReadAhead.NoteExecutable(_executable, file, _buffer.AsSpan(_used, Math.Min(done, length)));
        _used += Math.Min(done, length);
        return done == length;
    }

    /// <summary>Copies a large file straight into the image; returns whether the size held.</summary>
    private bool CopyFromFile(SafeFileHandle input, long length)
    {
        Flush();
        long done = 0;
        while (done < length)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var slice = (int)Math.Min(CopySlice, length - done);
            var copied = KernelCopy(input, done, slice) ?? BufferedCopy(input, done, slice);
            if (copied == 0)
            {
                break;
            }

            done += copied;
            Advance(copied);
            Report(force: false);
        }

        return done == length && RandomAccess.GetLength(input) == length;
    }

    /// <summary>copy_file_range; null when the kernel or file systems cannot do it, so the caller copies through the buffer.</summary>
    private long? KernelCopy(SafeFileHandle input, long inputOffset, int length)
    {
        if (_kernelCopyUnavailable)
        {
            return null;
        }

        var outputOffset = _bufferPosition;
        var result = Interop.Linux.CopyFileRangeInterop.CopyFileRange(
            (int)input.DangerousGetHandle(), ref inputOffset, (int)_output.DangerousGetHandle(), ref outputOffset, (nuint)length, 0);
        if (result >= 0)
        {
            return result;
        }

        var errno = Marshal.GetLastPInvokeError();
        if (errno is Interop.Linux.Errno.EXDEV or Interop.Linux.Errno.ENOSYS or Interop.Linux.Errno.EINVAL or Interop.Linux.Errno.EOPNOTSUPP)
        {
            _kernelCopyUnavailable = true;
            return null;
        }

        throw new DiscMasteringException(DiscMasteringError.WriteFailed, $"copying file data into the image failed ({Marshal.GetPInvokeErrorMessage(errno)}); check the free space where the image is written.");
    }

    private long BufferedCopy(SafeFileHandle input, long inputOffset, int length)
    {
        var read = RandomAccess.Read(input, _buffer.AsSpan(0, Math.Min(length, _buffer.Length)), inputOffset);
        WriteOutput(_buffer.AsSpan(0, read), _bufferPosition);
        return read;
    }

    /// <summary>Hands out <paramref name="count"/> zeroed blocks of the buffer.</summary>
    public Span<byte> Blocks(int count)
    {
        var length = count * IsoConstants.BlockSize;
        Reserve(length);
        var span = _buffer.AsSpan(_used, length);
        span.Clear();
        _used += length;
        return span;
    }

    private void Zeros(int length)
    {
        while (length > 0)
        {
            var chunk = Math.Min(length, BufferSize);
            Reserve(chunk);
            _buffer.AsSpan(_used, chunk).Clear();
            _used += chunk;
            length -= chunk;
        }
    }

    public void Bytes(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            var chunk = Math.Min(bytes.Length, BufferSize);
            Reserve(chunk);
            bytes[..chunk].CopyTo(_buffer.AsSpan(_used));
            _used += chunk;
            bytes = bytes[chunk..];
        }
    }

    private void Reserve(int length)
    {
        if (_used + length > _buffer.Length)
        {
            Flush();
        }
    }

    private void Flush()
    {
        if (_used > 0)
        {
            WriteOutput(_buffer.AsSpan(0, _used), _bufferPosition);
            Advance(_used);
            _used = 0;
        }
    }

    /// <summary>Moves on past <paramref name="bytes"/> just written at the buffer's place.</summary>
    private void Advance(long bytes)
    {
        _bufferPosition += bytes;
        _written += bytes;
    }

    private void WriteOutput(ReadOnlySpan<byte> bytes, long offset)
    {
        try
        {
            RandomAccess.Write(_output, bytes, offset);
        }
        catch (IOException e)
        {
            throw new DiscMasteringException(DiscMasteringError.WriteFailed, $"writing the image failed ({e.Message}); check the free space where the image is written.", e);
        }
    }

    private void Report(bool force)
    {
        if (_progress is null)
        {
            return;
        }

        var now = Stopwatch.GetTimestamp();
        if (!force && now - _lastReport < s_progressInterval)
        {
            return;
        }

        _lastReport = now;
        _progress.Report(new MasteringProgress(MasteringPhase.Writing, Done, _layout.ImageBytes, _filesDone, _layout.Tree.Files.Count));
    }
}
