namespace DiscMastering.Imapi.Redbook;

/// <summary>
/// One track's sectors from its INDEX 01 to its end, as the BIN image holds them: the WAV's samples read in place,
/// then silence to the end of the last sector and up to the 4-second minimum. Read-only and seekable; it reads
/// through the disc's open handle and does not own it.
/// </summary>
internal sealed class TrackSampleStream : Stream
{
    private readonly WaveFile _wave;
    private readonly RedbookTrack _track;
    private long _position;

    public TrackSampleStream(WaveFile wave, RedbookTrack track)
    {
        _wave = wave;
        _track = track;
    }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => _track.Bytes;

    public override long Position
    {
        get => _position;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _position = value;
        }
    }

    /// <summary>Fills <paramref name="buffer"/> with the track's bytes at <paramref name="position"/>; 0 at the end.</summary>
    public static int Read(WaveFile wave, RedbookTrack track, long position, Span<byte> buffer)
    {
        var count = (int)Math.Min(buffer.Length, Math.Max(0, track.Bytes - position));
        buffer = buffer[..count];
        var fromFile = (int)Math.Clamp(track.AudioBytes - position, 0, count);
        var done = 0;
        while (done < fromFile)
        {
            var read = RandomAccess.Read(wave.Handle, buffer[done..fromFile], wave.DataOffset + position + done);
            if (read == 0)
            {
                throw new DiscMasteringException(
                    DiscMasteringError.TruncatedAudio,
                    $"the audio track '{wave.Path}' became shorter while it was read; leave it unchanged until the disc is written.");
            }

            done += read;
        }

        buffer[fromFile..].Clear();
        return count;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = Read(_wave, _track, _position, buffer);
        _position += read;
        return read;
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => Length + offset,
        };
        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
