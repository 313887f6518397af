using Microsoft.Win32.SafeHandles;

namespace DiscMastering.Imapi.Reading;

/// <summary>
/// A read-only, seekable view of one entry's data in an image (ISO 9660 or UDF): positional reads on the
/// image's handle, so several streams of one reader can be read at once and nothing is loaded ahead of the
/// caller. A range at a negative offset is data that was allocated but never recorded, and reads as zeros.
/// </summary>
internal sealed class ImageExtentStream : Stream
{
    private readonly SafeFileHandle _image;
    private readonly string _imagePath;
    private readonly (long Offset, long Length)[] _ranges;
    private readonly long _length;
    private readonly Func<string, string, DiscMasteringException> _damaged;
    private long _position;
    private bool _disposed;

    /// <summary>A stream over <paramref name="ranges"/> of the image, <paramref name="length"/> bytes in all; <paramref name="damaged"/> makes the file system's own error for an image that ends inside the data.</summary>
    public ImageExtentStream(SafeFileHandle image, string imagePath, (long Offset, long Length)[] ranges, long length, Func<string, string, DiscMasteringException> damaged)
    {
        _image = image;
        _imagePath = imagePath;
        _ranges = ranges;
        _length = length;
        _damaged = damaged;
    }

    public override bool CanRead => !_disposed;

    public override bool CanSeek => !_disposed;

    public override bool CanWrite => false;

    public override long Length
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _length;
        }
    }

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

    public override int Read(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        return Read(buffer.AsSpan(offset, count));
    }

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!TryLocate(buffer.Length, out var imageOffset, out var count))
        {
            return 0;
        }

        if (imageOffset < 0)
        {
            buffer[..count].Clear();
            return Advance(count);
        }

        var read = RandomAccess.Read(_image, buffer[..count], imageOffset);
        return Advance(read);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!TryLocate(buffer.Length, out var imageOffset, out var count))
        {
            return 0;
        }

        if (imageOffset < 0)
        {
            buffer.Span[..count].Clear();
            return Advance(count);
        }

        var read = await RandomAccess.ReadAsync(_image, buffer[..count], imageOffset, cancellationToken).ConfigureAwait(false);
        return Advance(read);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        ValidateBufferArguments(buffer, offset, count);
        return ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => _length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        if (target < 0)
        {
            throw new IOException("An attempt was made to move the position before the beginning of the stream.");
        }

        _position = target;
        return target;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException("An image entry's stream is read-only.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("An image entry's stream is read-only.");

    protected override void Dispose(bool disposing)
    {
        _disposed = true;
        base.Dispose(disposing);
    }

    /// <summary>Where the next read goes in the image, cut to the end of the current extent; false at the end of the data.</summary>
    private bool TryLocate(int wanted, out long imageOffset, out int count)
    {
        imageOffset = 0;
        count = 0;
        if (wanted == 0 || _position >= _length)
        {
            return false;
        }

        var skip = _position;
        foreach (var (offset, length) in _ranges)
        {
            if (skip < length)
            {
                imageOffset = offset < 0 ? -1 : offset + skip;
                count = (int)Math.Min(wanted, length - skip);
                return true;
            }

            skip -= length;
        }

        return false;
    }

    /// <summary>A read that returns nothing inside the data means the image ends early.</summary>
    private int Advance(int read)
    {
        if (read == 0)
        {
            throw _damaged(_imagePath, $"the file data ends at byte {_position:N0} of {_length:N0}, where the image file ends");
        }

        _position += read;
        return read;
    }
}
