using System.Buffers.Binary;
using System.Text;

namespace DiscMastering.Imapi.Tests.Redbook;

/// <summary>Hand-made WAV files, byte by byte, for the layouts sox does not write: extensible, INFO tags, odd chunks, RF64, cut short.</summary>
internal static class WaveBuilder
{
    public const int FrameSize = 4;
    public const int SectorSize = 2352;

    /// <summary>KSDATAFORMAT_SUBTYPE_PCM as a file holds it.</summary>
    public static readonly byte[] PcmSubFormat = [0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    /// <summary>KSDATAFORMAT_SUBTYPE_IEEE_FLOAT.</summary>
    public static readonly byte[] FloatSubFormat = [0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    /// <summary>Stereo 16-bit frames that are never silent, different for each seed.</summary>
    public static byte[] Samples(int frames, int seed = 1)
    {
        var samples = new byte[frames * FrameSize];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (byte)(((i * 31) + (seed * 17)) % 251 + 1);
        }

        return samples;
    }

    public static byte[] Format(ushort tag = 1, ushort channels = 2, uint rate = 44_100, ushort bits = 16)
    {
        var body = new byte[16];
        var align = (ushort)(channels * bits / 8);
        BinaryPrimitives.WriteUInt16LittleEndian(body, tag);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(2), channels);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(4), rate);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(8), rate * align);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(12), align);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(14), bits);
        return body;
    }

    public static byte[] ExtensibleFormat(byte[] subFormat)
    {
        var body = new byte[40];
        Format(0xFFFE).CopyTo(body, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(16), 22);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(18), 16);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(20), 3);
        subFormat.CopyTo(body, 24);
        return body;
    }

    /// <summary>A chunk: id, size (the body's, unless declared), body, and the pad byte after an odd body.</summary>
    public static byte[] Chunk(string id, byte[] body, uint? declaredSize = null)
    {
        var chunk = new byte[8 + body.Length + (body.Length & 1)];
        Encoding.ASCII.GetBytes(id).CopyTo(chunk, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(4), declaredSize ?? (uint)body.Length);
        body.CopyTo(chunk, 8);
        return chunk;
    }

    public static byte[] Riff(string form, params byte[][] chunks)
    {
        var body = chunks.SelectMany(c => c).ToArray();
        var header = new byte[12];
        Encoding.ASCII.GetBytes(form).CopyTo(header, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), form == "RF64" ? uint.MaxValue : (uint)(body.Length + 4));
        Encoding.ASCII.GetBytes("WAVE").CopyTo(header, 8);
        return [.. header, .. body];
    }

    public static byte[] Pcm(byte[] samples) => Riff("RIFF", Chunk("fmt ", Format()), Chunk("data", samples));

    /// <summary>A LIST/INFO body with INAM and IART (zero-terminated, as writers store them).</summary>
    public static byte[] Info(string title, string artist) =>
        [.. "INFO"u8, .. Chunk("INAM", [.. Encoding.UTF8.GetBytes(title), 0]), .. Chunk("IART", [.. Encoding.UTF8.GetBytes(artist), 0])];

    /// <summary>An RF64 ds64 body whose 64-bit data size is <paramref name="dataSize"/>.</summary>
    public static byte[] Ds64(long dataSize)
    {
        var body = new byte[28];
        BinaryPrimitives.WriteInt64LittleEndian(body.AsSpan(8), dataSize);
        BinaryPrimitives.WriteInt64LittleEndian(body.AsSpan(16), dataSize / FrameSize);
        return body;
    }

    /// <summary>A WAV of <paramref name="frames"/> silent frames that costs no disk: the header, then a sparse hole.</summary>
    public static string Sparse(string path, long frames)
    {
        var header = Riff("RIFF", Chunk("fmt ", Format()), Chunk("data", [], (uint)(frames * FrameSize)));
        using var file = File.Create(path);
        file.Write(header);
        file.SetLength(header.Length + (frames * FrameSize));
        return path;
    }

    /// <summary>Makes a 44.1 kHz 16-bit stereo WAV of exactly <paramref name="seconds"/> with sox.</summary>
    public static string Sox(string path, string seconds, int frequency = 440)
    {
        ExternalTool.Sox.RunChecked(["-n", "-r", "44100", "-b", "16", "-c", "2", path, "synth", seconds, "sine", frequency.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        return path;
    }

    /// <summary>The raw samples of a WAV file, as sox reads them: independent of the engine's reader.</summary>
    public static byte[] RawSamples(string wavePath, string scratch)
    {
        ExternalTool.Sox.RunChecked([wavePath, "-t", "raw", "-e", "signed-integer", "-b", "16", "-L", scratch]);
        return File.ReadAllBytes(scratch);
    }
}
