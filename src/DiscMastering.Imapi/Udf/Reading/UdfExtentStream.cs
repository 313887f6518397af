using Microsoft.Win32.SafeHandles;

namespace DiscMastering.Imapi.Udf.Reading;

/// <summary>
/// A read-only, seekable view of a UDF entry's data: positional reads on the image's handle over the
/// entry's ranges, zeros for extents that are allocated but not recorded.
/// </summary>
internal sealed class UdfExtentStream : Stream
{
    private readonly SafeFileHandle _image;
    private readonly string _imagePath;
    private readonly (long Offset, long Length)[] _ranges;
    private readonly long _length;
    private long _position;
    private bool _disposed;

    public UdfExtentStream(SafeFileHandle image, string imagePath, (long Offset, long Length)[] ranges, long length)
    {
        _image = image;
        _imagePath = imagePath;
        _ranges = ranges;
        _length = length;
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
        if (buffer.IsEmpty || _position >= _length)
        {
            return 0;
        }

        var skip = _position;
        foreach (var (offset, length) in _ranges)
        {
            if (skip >= length)
            {
                skip -= length;
                continue;
            }

            var count = (int)Math.Min(buffer.Length, Math.Min(length - skip, _length - _position));
            int read;
            if (offset < 0)
            {
                buffer[..count].Clear();
                read = count;
            }
            else
            {
                read = RandomAccess.Read(_image, buffer[..count], offset + skip);
                if (read == 0)
                {
                    throw UdfReadErrors.Damaged(_imagePath, $"the file data ends at byte {_position:N0} of {_length:N0}, where the image file ends");
                }
            }

            _position += read;
            return read;
        }

        return 0;
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
}
