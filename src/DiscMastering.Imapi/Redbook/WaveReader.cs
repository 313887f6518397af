using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace DiscMastering.Imapi.Redbook;

/// <summary>
/// Reads a WAV file's header: RIFF/WAVE or RF64 (EBU Tech 3306), PCM or WAVE_FORMAT_EXTENSIBLE with the PCM
/// subformat, LIST/INFO tags. The file is untrusted: every size is checked against the file's length, and the
/// walk over chunks is bounded, so a damaged or hostile file is a coded error, never a hang or a huge read.
/// </summary>
internal static class WaveReader
{
    /// <summary>Opens <paramref name="path"/> and checks it holds 44.1 kHz, 16-bit stereo PCM.</summary>
    public static WaveFile Open(string path)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            var what = Directory.Exists(fullPath) ? "is a folder, not a WAV file" : "does not exist";
            throw new DiscMasteringException(DiscMasteringError.AudioFileNotFound, $"the audio track '{fullPath}' {what}; check the path.");
        }

        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DiscMasteringException(DiscMasteringError.Unreadable, $"the audio track '{fullPath}' cannot be read ({e.Message}); check its permissions.", e);
        }

        try
        {
            return Read(fullPath, handle);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private static WaveFile Read(string path, SafeFileHandle handle)
    {
        var fileLength = RandomAccess.GetLength(handle);
        Span<byte> header = stackalloc byte[RedbookConstants.RiffHeaderSize];
        if (RandomAccess.Read(handle, header, 0) < header.Length)
        {
            throw NotWave(path, "it is shorter than a RIFF header");
        }

        var isRf64 = header[..4].SequenceEqual(RedbookConstants.Rf64);
        if (!(isRf64 || header[..4].SequenceEqual(RedbookConstants.Riff)) || !header[8..12].SequenceEqual(RedbookConstants.Wave))
        {
            throw NotWave(path, "it does not start with RIFF/WAVE");
        }

        Span<byte> chunk = stackalloc byte[RedbookConstants.ChunkHeaderSize];
        Span<byte> format = stackalloc byte[RedbookConstants.FormatExtensibleSize];
        Span<byte> ds64 = stackalloc byte[RedbookConstants.Ds64FixedSize];
        var haveFormat = false;
        long? ds64DataSize = null;
        long dataOffset = -1;
        long dataLength = 0;
        string? title = null;
        string? artist = null;
        var position = (long)RedbookConstants.RiffHeaderSize;
        for (var chunks = 0; position + RedbookConstants.ChunkHeaderSize <= fileLength; chunks++)
        {
            if (chunks == RedbookConstants.MaxChunks)
            {
                if (dataOffset >= 0)
                {
                    break;
                }

                throw NotWave(path, Invariant($"it has more than {RedbookConstants.MaxChunks:N0} chunks before its samples"));
            }

            RandomAccess.Read(handle, chunk, position);
            var id = chunk[..4];
            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
            var body = position + RedbookConstants.ChunkHeaderSize;
            var available = fileLength - body;

            if (id.SequenceEqual(RedbookConstants.DataChunk))
            {
                if (!haveFormat)
                {
                    throw NotWave(path, "its samples come before their format (no fmt chunk before data)");
                }

                long declared;
                if (size == RedbookConstants.UnknownSize)
                {
                    // RF64 keeps the real size in ds64; a streaming writer that could not seek back leaves it unknown.
                    declared = isRf64 && ds64DataSize is { } large ? large : available;
                }
                else
                {
                    declared = size;
                }

                if (declared > available)
                {
                    throw new DiscMasteringException(
                        DiscMasteringError.TruncatedAudio,
                        Invariant($"the audio track '{path}' declares {declared:N0} bytes of samples but only {available:N0} follow its header: the file is cut short; export or copy it again."));
                }

                dataOffset = body;
                // A trailing partial frame is not a sample; it is left out rather than shifting the channels.
                dataLength = declared - declared % RedbookConstants.FrameSize;
                if (size == RedbookConstants.UnknownSize && !(isRf64 && ds64DataSize is not null))
                {
                    break;
                }

                position = Next(body, declared);
                continue;
            }

            if (size > available)
            {
                if (dataOffset >= 0)
                {
                    // Damaged metadata after the samples costs nothing: the samples are whole.
                    break;
                }

                throw NotWave(path, Invariant($"its '{Printable(id)}' chunk declares {size:N0} bytes but only {available:N0} remain (the header is cut short)"));
            }

            if (id.SequenceEqual(RedbookConstants.FormatChunk))
            {
                if (size < RedbookConstants.FormatPcmSize)
                {
                    throw NotWave(path, "its fmt chunk is cut short");
                }

                var read = format[..(int)Math.Min(size, RedbookConstants.FormatExtensibleSize)];
                RandomAccess.Read(handle, read, body);
                CheckFormat(path, read);
                haveFormat = true;
            }
            else if (id.SequenceEqual(RedbookConstants.Ds64Chunk) && isRf64)
            {
                if (size < RedbookConstants.Ds64FixedSize)
                {
                    throw NotWave(path, "its ds64 chunk is cut short");
                }

                RandomAccess.Read(handle, ds64, body);
                var dataSize = BinaryPrimitives.ReadUInt64LittleEndian(ds64[RedbookConstants.Ds64DataSizeOffset..]);
                ds64DataSize = dataSize > long.MaxValue ? long.MaxValue : (long)dataSize;
            }
            else if (id.SequenceEqual(RedbookConstants.ListChunk) && size <= RedbookConstants.MaxListSize)
            {
                ReadInfo(handle, body, (int)size, ref title, ref artist);
            }

            // fact, cue, bext, LIST over the limit and every chunk not known here are skipped.
            position = Next(body, size);
        }

        if (dataOffset < 0)
        {
            throw NotWave(path, haveFormat ? "it has no data chunk" : "it has no fmt chunk");
        }

        return new WaveFile(path, handle, dataOffset, dataLength, title, artist);
    }

    /// <summary>The chunk after one of <paramref name="size"/> bytes: RIFF pads an odd-sized chunk with one byte.</summary>
    private static long Next(long body, long size) => body + size + (size & 1);

    private static void CheckFormat(string path, ReadOnlySpan<byte> format)
    {
        var tag = BinaryPrimitives.ReadUInt16LittleEndian(format);
        var channels = BinaryPrimitives.ReadUInt16LittleEndian(format[2..]);
        var rate = BinaryPrimitives.ReadUInt32LittleEndian(format[4..]);
        var blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(format[12..]);
        var bits = BinaryPrimitives.ReadUInt16LittleEndian(format[14..]);
        if (tag == RedbookConstants.FormatTagExtensible)
        {
            if (format.Length < RedbookConstants.FormatExtensibleSize)
            {
                throw NotWave(path, "its WAVE_FORMAT_EXTENSIBLE fmt chunk is cut short");
            }

            var subFormat = format.Slice(RedbookConstants.SubFormatOffset, 16);
            if (!subFormat.SequenceEqual(RedbookConstants.PcmSubFormat))
            {
                throw Unsupported(path, $"WAVE_FORMAT_EXTENSIBLE with the subformat {new Guid(subFormat):B}, not PCM");
            }
        }
        else if (tag != RedbookConstants.FormatTagPcm)
        {
            throw Unsupported(path, $"format tag 0x{tag:X4} ({FormatName(tag)}), not PCM (0x0001)");
        }

        if (rate != RedbookConstants.SampleRate || bits != RedbookConstants.BitsPerSample || channels != RedbookConstants.Channels || blockAlign != RedbookConstants.FrameSize)
        {
            var layout = channels switch
            {
                1 => "mono",
                2 => "stereo",
                _ => Invariant($"{channels} channels"),
            };
            throw Unsupported(path, Invariant($"{rate:N0} Hz, {bits}-bit, {layout}"));
        }
    }

    /// <summary>Reads INAM and IART from a LIST/INFO chunk already bounded by <see cref="RedbookConstants.MaxListSize"/>.</summary>
    private static void ReadInfo(SafeFileHandle handle, long offset, int size, ref string? title, ref string? artist)
    {
        var rented = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            var list = rented.AsSpan(0, RandomAccess.Read(handle, rented.AsSpan(0, size), offset));
            ReadInfo(list, ref title, ref artist);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static void ReadInfo(ReadOnlySpan<byte> list, ref string? title, ref string? artist)
    {
        if (list.Length < 4 || !list[..4].SequenceEqual(RedbookConstants.InfoList))
        {
            return;
        }

        var position = 4;
        while (position + RedbookConstants.ChunkHeaderSize <= list.Length)
        {
            var id = list.Slice(position, 4);
            var length = BinaryPrimitives.ReadUInt32LittleEndian(list[(position + 4)..]);
            var body = position + RedbookConstants.ChunkHeaderSize;
            if (length > (uint)(list.Length - body))
            {
                return;
            }

            var text = list.Slice(body, (int)length);
            if (id.SequenceEqual(RedbookConstants.TitleTag))
            {
                title = DecodeText(text) ?? title;
            }
            else if (id.SequenceEqual(RedbookConstants.ArtistTag))
            {
                artist = DecodeText(text) ?? artist;
            }

            position = body + (int)length + (int)(length & 1);
        }
    }

    /// <summary>INFO text is zero-terminated; today's writers put UTF-8 in it, older ones a code page (read as Latin-1).</summary>
    private static string? DecodeText(ReadOnlySpan<byte> text)
    {
        var end = text.IndexOf((byte)0);
        if (end >= 0)
        {
            text = text[..end];
        }

        string decoded;
        try
        {
            decoded = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(text);
        }
        catch (DecoderFallbackException)
        {
            decoded = Encoding.Latin1.GetString(text);
        }

        decoded = decoded.Trim();
        return decoded.Length == 0 ? null : decoded;
    }

    private static string FormatName(ushort tag) => tag switch
    {
        0x0002 => "Microsoft ADPCM",
        0x0003 => "IEEE float",
        0x0006 => "A-law",
        0x0007 => "µ-law",
        0x0011 => "IMA ADPCM",
        0x0055 => "MPEG Layer 3",
        _ => "a compressed or unknown format",
    };

    private static string Printable(ReadOnlySpan<byte> id)
    {
        Span<char> chars = stackalloc char[id.Length];
        for (var i = 0; i < id.Length; i++)
        {
            chars[i] = id[i] is >= 0x20 and < 0x7F ? (char)id[i] : '?';
        }

        return new string(chars);
    }

    private static DiscMasteringException NotWave(string path, string why) =>
        new(DiscMasteringError.NotAWaveFile, $"'{path}' is not a WAV file: {why}; export the track as a WAV file (RIFF/WAVE, PCM).");

    private static DiscMasteringException Unsupported(string path, string what) =>
        new(DiscMasteringError.UnsupportedAudioFormat, $"the audio track '{path}' is {what}; an audio CD takes 44,100 Hz, 16-bit, stereo PCM: convert it, e.g. sox in.wav -r 44100 -b 16 -c 2 out.wav.");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
