using System.Diagnostics;
using DiscMastering.Imapi.Media;

namespace DiscMastering.Imapi.Recording.Imapi;

/// <summary>
/// What IMAPI2's Write reads: the image from its position when this was made, exactly <c>blocks</c> whole blocks long
/// (a short last block is padded with zeros), read-only and seekable. Until IMAPI2's own events arrive (while
/// <c>quiet</c> says no), it reports as writing progress how far IMAPI2 has read (IMAPI2 buffers ahead of the drive,
/// so this leads the laser a little). It keeps the first read failure so that the write's failure can name the image
/// rather than the drive, and what a progress handler threw so that the caller can rethrow it. Once its token is
/// cancelled every read fails, which stops a write that CancelWrite reached before IMAPI2 had started it.
/// </summary>
internal sealed class ImapiImageStream : Stream
{
    private static readonly long s_reportInterval = Stopwatch.Frequency / 10;

    private readonly Stream _image;
    private readonly long _start;
    private readonly long _imageBytes;
    private readonly long _blocks;
    private readonly IProgress<RecordingProgress> _progress;
    private readonly Func<bool>? _quiet;
    private readonly CancellationToken _cancellationToken;
    private long _position;
    private long _reportedBlocks = -1;
    private long _lastReport;

    public ImapiImageStream(Stream image, long blocks, IProgress<RecordingProgress> progress, Func<bool>? quiet = null, CancellationToken cancellationToken = default)
    {
        _quiet = quiet;
        _cancellationToken = cancellationToken;
        _image = image;
        _start = image.Position;
        _imageBytes = Math.Min(image.Length - _start, blocks * DiscBlocks.Size);
        _blocks = blocks;
        _progress = progress;
        Length = blocks * DiscBlocks.Size;
    }

    /// <summary>The first exception reading the image threw, if any.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>What the progress handler threw, if it did; reading stops from then on.</summary>
    public Exception? ProgressFailure { get; private set; }

    /// <inheritdoc/>
    public override bool CanRead => true;

    /// <inheritdoc/>
    public override bool CanSeek => true;

    /// <inheritdoc/>
    public override bool CanWrite => false;

    /// <inheritdoc/>
    public override long Length { get; }

    /// <inheritdoc/>
    public override long Position
    {
        get => _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (ProgressFailure is not null)
        {
            throw new InvalidOperationException("a progress handler failed, so the image is no longer read.", ProgressFailure);
        }

        var count = (int)Math.Min(buffer.Length, Length - _position);
        if (count <= 0)
        {
            return 0;
        }

        var fromImage = (int)Math.Clamp(_imageBytes - _position, 0, count);
        if (fromImage > 0)
        {
            try
            {
                _image.Position = _start + _position;
                _image.ReadExactly(buffer[..fromImage]);
            }
            catch (Exception e)
            {
                Failure ??= e;
                throw;
            }
        }

        buffer[fromImage..count].Clear();
        _position += count;
        try
        {
            Report();
        }
        catch (Exception e)
        {
            // Failing this read stops IMAPI2's write; the caller rethrows the handler's own exception afterwards.
            ProgressFailure = e;
            throw;
        }

        return count;
    }

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin)
    {
        var position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => Length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        ArgumentOutOfRangeException.ThrowIfNegative(position, nameof(offset));
        _position = position;
        return position;
    }

    /// <inheritdoc/>
    public override void Flush()
    {
    }

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private void Report()
    {
        if (_quiet?.Invoke() == true)
        {
            return;
        }

        var blocks = Math.Min(_position / DiscBlocks.Size, _blocks);
        var now = Stopwatch.GetTimestamp();
        if (blocks > _reportedBlocks && (blocks == _blocks || now - _lastReport >= s_reportInterval))
        {
            _reportedBlocks = blocks;
            _lastReport = now;
            _progress.Report(new RecordingProgress(RecordingPhase.Writing, blocks, _blocks, 1, 1));
        }
    }
}
