using System.Buffers;
using System.Diagnostics;
using DiscMastering.Imapi.ElTorito;
using Microsoft.Win32.SafeHandles;

namespace DiscMastering.Imapi.Iso9660;

/// <summary>
/// A laid-out image as a read-only, seekable stream: the same bytes <see cref="ImageMaster.MasterToFile"/>
/// writes, produced on demand at any position, for a recorder that takes blocks rather than a file.
/// </summary>
/// <remarks>
/// The metadata (blocks before the first file) is rendered once, when first read, by the code the file
/// writer uses; UDF's file system region in it (a block per file) is not held but rendered a few blocks at a
/// time when read. File data is read from the source files at the asked offset and never held whole; the
/// file being read stays open until reading moves to another file. Read in order, as a recorder or a pipe
/// reads it, small files are read ahead on several threads (<see cref="FileReadAhead"/>), a few buffers at a
/// time; a seek goes back to reading at the asked offset. A file whose size differs from the scan fails the
/// read with <see cref="DiscMasteringError.FileChanged"/>. Not safe for concurrent use.
/// Create one with <see cref="ImageMaster.MasterToStream"/>.
/// </remarks>
public sealed class ImageStream : Stream
{
    private static readonly long s_progressInterval = Stopwatch.Frequency / 10;

    private readonly DiscLayout _layout;
    private readonly MasteringOptions _options;
    private readonly BootContent? _boot;
    private readonly IProgress<MasteringProgress>? _progress;
    private readonly CancellationToken _cancellationToken;
    private readonly long _metadataLength;

    /// <summary>UDF's file system region, in bytes, left out of <see cref="_metadata"/>; empty without UDF.</summary>
    private readonly long _udfStart;
    private readonly long _udfEnd;
    private readonly Udf.UdfWriter? _udfWriter;
    private readonly byte[] _udfChunk = [];
    private long _udfChunkStart = -1;

    /// <summary>Where the blocks after the file data start (second UDF anchor, backup GPT); the image's length when there are none.</summary>
    private readonly long _trailerOffset;

    /// <summary>Positions in <see cref="DiscTree.Files"/> of the files that have data; their extents increase.</summary>
    private readonly int[] _dataFiles;

    /// <summary>Reader threads for the file data, as <see cref="MasteringParallelism"/> gave them when the stream was made.</summary>
    private readonly int _readers = MasteringParallelism.Workers;

    /// <summary>Where the last read ended: a read from there goes on in order, and may use <see cref="_readAhead"/>.</summary>
    private long _sequentialEnd;

    /// <summary>The small files read ahead while reads go on in order; null otherwise.</summary>
    private FileReadAhead? _readAhead;

    /// <summary>The read-ahead window reads are in, and its bytes when it is a small-file window taken from the readers.</summary>
    private int _window = -1;
    private ReadOnlyMemory<byte>? _windowBytes;

    private byte[]? _metadata;
    private byte[]? _trailer;
    private SafeFileHandle? _file;
    private int _fileOrdinal = -1;
    private long _position;
    private long _lastReport;
    private bool _disposed;

    internal ImageStream(DiscLayout layout, MasteringOptions options, IProgress<MasteringProgress>? progress, CancellationToken cancellationToken, BootContent? boot = null)
    {
        if (layout.Boot is not null && boot is null)
        {
            throw new InvalidOperationException("a bootable layout is streamed with the boot content read for it.");
        }

        _layout = layout;
        _options = options;
        _boot = boot;
        _trailerOffset = ImageTrailer.Offset(layout);
        _progress = progress;
        _cancellationToken = cancellationToken;
        _metadataLength = MetadataWriter.Length(layout);
        (_udfStart, _udfEnd) = MetadataWriter.UdfFileSystemRange(layout);
        if (layout.Udf is not null)
        {
            _udfWriter = layout.CreateUdfWriter(options);
            _udfChunk = new byte[UdfChunkBlocks * IsoConstants.BlockSize];
        }
        var files = layout.Tree.Files;
        var dataFiles = new List<int>(files.Count);
        for (var i = 0; i < files.Count; i++)
        {
            if (files[i].Length > 0 && !files[i].IsMetadata)
            {
                dataFiles.Add(i);
            }
        }

        _dataFiles = [.. dataFiles];
    }

    /// <summary>Files on the disc.</summary>
    public int Files => _layout.Tree.Files.Count;

    /// <summary>Folders on the disc, the root excluded.</summary>
    public int Folders => _layout.Tree.Directories.Count - 1;

    /// <summary>The files' total size.</summary>
    public long FileBytes => _layout.Tree.TotalFileBytes;

    /// <summary>The image's size in 2048-byte blocks.</summary>
    public long Blocks => _layout.TotalBlocks;

    /// <inheritdoc/>
    public override bool CanRead => !_disposed;

    /// <inheritdoc/>
    public override bool CanSeek => !_disposed;

    /// <inheritdoc/>
    public override bool CanWrite => false;

    /// <summary>The image's size in bytes, known before any byte is read.</summary>
    public override long Length
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _layout.ImageBytes;
        }
    }

    /// <inheritdoc/>
    public override long Position
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _position;
        }

        set
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _position = value;
        }
    }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        return Read(buffer.AsSpan(offset, count));
    }

    /// <summary>
    /// Fills <paramref name="buffer"/> from the current position, short only at the end of the image; 0 at
    /// or past the end. Fails with <see cref="DiscMasteringError.FileChanged"/> if a source file changed size.
    /// </summary>
    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (buffer.IsEmpty || _position >= _layout.ImageBytes)
        {
            return 0;
        }

        _cancellationToken.ThrowIfCancellationRequested();
        var inOrder = _position == _sequentialEnd;
        if (!inOrder)
        {
            StopReadAhead();
        }

        var count = (int)Math.Min(buffer.Length, _layout.ImageBytes - _position);
        var target = buffer[..count];
        while (!target.IsEmpty)
        {
            var done = _position < _metadataLength ? ReadMetadata(target)
                : _position >= _trailerOffset ? ReadTrailer(target)
                : inOrder && _readers > 1 ? ReadAhead(target)
                : ReadFileRegion(target);
            _position += done;
            target = target[done..];
        }

        _sequentialEnd = _position;

        Report();
        return count;
    }

    /// <inheritdoc/>
    public override int ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        return Read(one) == 1 ? one[0] : -1;
    }

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => _layout.ImageBytes + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        if (target < 0)
        {
            throw new IOException("An attempt was made to move the position before the beginning of the stream.");
        }

        _position = target;
        return target;
    }

    /// <summary>Does nothing: the stream is read-only.</summary>
    public override void Flush()
    {
    }

    /// <summary>Not supported: the image's length is fixed by its layout.</summary>
    public override void SetLength(long value) => throw new NotSupportedException("An image stream is read-only.");

    /// <summary>Not supported: the stream is read-only.</summary>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("An image stream is read-only.");

    /// <summary>Closes the open source file and returns the metadata buffer; safe to call more than once.</summary>
    protected override void Dispose(bool disposing)
    {
        if (!_disposed)
        {
            _disposed = true;
            StopReadAhead();
            CloseFile();
            if (_metadata is { } metadata)
            {
                _metadata = null;
                ArrayPool<byte>.Shared.Return(metadata);
            }
        }

        base.Dispose(disposing);
    }

    /// <summary>Blocks of UDF's file system region rendered per read there, and kept for the reads that follow.</summary>
    private const int UdfChunkBlocks = 16;

    private int ReadMetadata(Span<byte> target)
    {
        if (_position >= _udfStart && _position < _udfEnd)
        {
            return ReadUdfFileSystem(target);
        }

        var metadata = _metadata ??= RenderMetadata();
        var end = _position < _udfStart ? _udfStart : _metadataLength;
        var skipped = _position < _udfStart ? 0 : _udfEnd - _udfStart;
        var offset = (int)(_position - skipped);
        var count = (int)Math.Min(target.Length, end - _position);
        metadata.AsSpan(offset, count).CopyTo(target);
        return count;
    }

    /// <summary>Serves UDF's file system region from a chunk of blocks rendered on demand, the same bytes the file writer writes.</summary>
    private int ReadUdfFileSystem(Span<byte> target)
    {
        var chunkBytes = (long)_udfChunk.Length;
        var chunkStart = _udfStart + ((_position - _udfStart) / chunkBytes * chunkBytes);
        var chunkEnd = Math.Min(chunkStart + chunkBytes, _udfEnd);
        if (chunkStart != _udfChunkStart)
        {
            _udfChunkStart = -1;
            var first = (uint)((chunkStart - _udfStart) / IsoConstants.BlockSize);
            _udfWriter!.WriteFileSystemBlocks(first, _udfChunk.AsMemory(0, (int)(chunkEnd - chunkStart)));
            _udfChunkStart = chunkStart;
        }

        var count = (int)Math.Min(target.Length, chunkEnd - _position);
        _udfChunk.AsSpan((int)(_position - chunkStart), count).CopyTo(target);
        return count;
    }

    /// <summary>Serves the blocks after the file data, rendered when first read (at most 257 blocks).</summary>
    private int ReadTrailer(Span<byte> target)
    {
        if (_trailer is null)
        {
            var tail = new byte[_layout.ImageBytes - _trailerOffset];
            ImageTrailer.Write(_layout, _options, tail);
            _trailer = tail;
        }

        var offset = (int)(_position - _trailerOffset);
        var count = Math.Min(target.Length, _trailer.Length - offset);
        _trailer.AsSpan(offset, count).CopyTo(target);
        return count;
    }

    /// <summary>Renders blocks 0 to the first file's block once, UDF's file system region left out; MasterToStream checked the rest fits an array.</summary>
    private byte[] RenderMetadata()
    {
        var length = (int)(_metadataLength - (_udfEnd - _udfStart));
        var region = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var output = new SkippingMetadataOutput(region, length, _udfStart, _udfEnd);
            // The directories come before any file, so each file's first bytes are read here, ahead of them.
            var modes = _layout.Primary.HasRockRidge ? RockRidge.PosixModes.Resolve(_layout.Tree, _options.FileModes, _cancellationToken) : null;
            MetadataWriter.Write(_layout, _options, output, modes, _boot);
            Debug.Assert(output.Position == _metadataLength && output.Kept == length, "metadata must end where the layout put the first file");
            return region;
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(region);
            throw;
        }
    }

    /// <summary>
    /// Serves the file data in order from the read-ahead's windows, starting the readers at the current position:
    /// a small-file window from the buffer the readers filled, a large file by <see cref="ReadFileRegion"/>.
    /// </summary>
    private int ReadAhead(Span<byte> target)
    {
        var offset = _position - _metadataLength;
        if (_readAhead is null)
        {
            _readAhead = new FileReadAhead(_layout.Tree.Files, ImageWriter.BufferSize, ImageWriter.BufferedFileLimit, _readers, _boot, null, _cancellationToken, offset);
            _window = _readAhead.FirstWindow - 1;
        }

        // Every small-file window is taken in turn, the empty ones too, so each reader's windows stay in step.
        var index = _readAhead.FindWindow(offset);
        while (_window < index)
        {
            ReleaseWindow();
            _window++;
            if (!_readAhead.Window(_window).IsLarge)
            {
                _windowBytes = _readAhead.Take(_window);
            }
        }

        var window = _readAhead.Window(_window);
        if (window.IsLarge)
        {
            return ReadFileRegion(target);
        }

        var bytes = _windowBytes!.Value.Span[(int)(offset - window.Start)..];
        var count = Math.Min(target.Length, bytes.Length);
        bytes[..count].CopyTo(target);
        return count;
    }

    /// <summary>Gives the small-file window reads are in back to its reader.</summary>
    private void ReleaseWindow()
    {
        if (_windowBytes is not null)
        {
            _windowBytes = null;
            _readAhead!.Release(_window);
        }
    }

    /// <summary>Stops the readers: reading left the order they read in, or the stream is done.</summary>
    private void StopReadAhead()
    {
        _windowBytes = null;
        _readAhead?.Dispose();
        _readAhead = null;
        _window = -1;
    }

    /// <summary>Serves the file (or its padding) that holds the current position, up to that file's data or block end.</summary>
    private int ReadFileRegion(Span<byte> target)
    {
        var index = FindDataFile(_position / IsoConstants.BlockSize);
        Debug.Assert(index >= 0, "every block after the metadata belongs to a file");
        var ordinal = _dataFiles[index];
        var file = _layout.Tree.Files[ordinal];
        var start = FileStart(index);
        var offset = _position - start;
        if (offset < file.Length)
        {
            return ReadFileData(ordinal, file, offset, target[..(int)Math.Min(target.Length, file.Length - offset)]);
        }

        var end = start + DiscLayout.BlocksFor(file.Length) * IsoConstants.BlockSize;
        var padding = target[..(int)Math.Min(target.Length, end - _position)];
        padding.Clear();
        return padding.Length;
    }

    /// <summary>
    /// Reads exactly <paramref name="target"/>'s length at <paramref name="offset"/>: a read that ends early
    /// means the file shrank; at its last byte, one more byte means it grew.
    /// </summary>
    private int ReadFileData(int ordinal, DiscFile file, long offset, Span<byte> target)
    {
        var input = OpenFile(ordinal, file);
        var done = 0;
        while (done < target.Length)
        {
            var read = RandomAccess.Read(input, target[done..], offset + done);
            if (read == 0)
            {
                throw ImageWriter.FileChanged(file);
            }

            done += read;
        }

        _boot?.Patch(file, offset, target[..done]);
        if (offset + done == file.Length)
        {
            Span<byte> probe = stackalloc byte[1];
            if (RandomAccess.Read(input, probe, file.Length) != 0)
            {
                throw ImageWriter.FileChanged(file);
            }

            // Sequential readers are done with this file; a seek back reopens it.
            CloseFile();
        }

        return done;
    }

    /// <summary>The handle of the file at <paramref name="ordinal"/>, kept open while reads stay in it; its size is checked on open.</summary>
    private SafeFileHandle OpenFile(int ordinal, DiscFile file)
    {
        if (_file is not null && _fileOrdinal == ordinal)
        {
            return _file;
        }

        CloseFile();
        var input = Sources.SourceFile.OpenRead(file.LocalPath);
        if (RandomAccess.GetLength(input) != file.Length)
        {
            input.Dispose();
            throw ImageWriter.FileChanged(file);
        }

        _file = input;
        _fileOrdinal = ordinal;
        return input;
    }

    private void CloseFile()
    {
        _file?.Dispose();
        _file = null;
        _fileOrdinal = -1;
    }

    /// <summary>The last file with data whose extent starts at or before <paramref name="block"/>; -1 if none.</summary>
    private int FindDataFile(long block)
    {
        var low = 0;
        var high = _dataFiles.Length - 1;
        var found = -1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            if (_layout.FileExtents[_layout.Tree.Files[_dataFiles[middle]].Index] <= block)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found;
    }

    private long FileStart(int index) => (long)_layout.FileExtents[_layout.Tree.Files[_dataFiles[index]].Index] * IsoConstants.BlockSize;

    private void Report()
    {
        if (_progress is null)
        {
            return;
        }

        var now = Stopwatch.GetTimestamp();
        var atEnd = _position >= _layout.ImageBytes;
        if (!atEnd && now - _lastReport < s_progressInterval)
        {
            return;
        }

        _lastReport = now;
        _progress.Report(new MasteringProgress(MasteringPhase.Writing, Math.Min(_position, _layout.ImageBytes), _layout.ImageBytes, FilesDone(), Files));
    }

    /// <summary>Files wholly before the current position, empty ones included.</summary>
    private int FilesDone()
    {
        if (_position >= _layout.ImageBytes)
        {
            return Files;
        }

        var index = _position < _metadataLength ? -1 : FindDataFile(_position / IsoConstants.BlockSize);
        return index < 0 ? 0 : _dataFiles[index];
    }
}
