using System.Buffers.Binary;

namespace DiscMastering.Tasks.Tests.EndToEnd;

/// <summary>Writes silent WAV files in the format an audio CD takes: 44.1 kHz, 16-bit, stereo PCM.</summary>
internal static class WavFile
{
    private const int HeaderSize = 44;
    private const int SampleRate = 44_100;
    private const short Channels = 2;
    private const short BitsPerSample = 16;
    private const short BlockAlign = Channels * BitsPerSample / 8;
    private const int ByteRate = SampleRate * BlockAlign;

    /// <summary>Writes <paramref name="seconds"/> of silence to <paramref name="path"/>, creating its folder.</summary>
    public static void WriteSilence(string path, int seconds)
    {
        int dataSize = seconds * ByteRate;
        byte[] bytes = new byte[HeaderSize + dataSize];
        Span<byte> header = bytes.AsSpan(0, HeaderSize);
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], HeaderSize - 8 + dataSize);
        "WAVE"u8.CopyTo(header[8..]);
        "fmt "u8.CopyTo(header[12..]);
        BinaryPrimitives.WriteInt32LittleEndian(header[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(header[20..], 1); // PCM
        BinaryPrimitives.WriteInt16LittleEndian(header[22..], Channels);
        BinaryPrimitives.WriteInt32LittleEndian(header[24..], SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(header[28..], ByteRate);
        BinaryPrimitives.WriteInt16LittleEndian(header[32..], BlockAlign);
        BinaryPrimitives.WriteInt16LittleEndian(header[34..], BitsPerSample);
        "data"u8.CopyTo(header[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(header[40..], dataSize);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }
}
