using Microsoft.Win32.SafeHandles;

namespace DiscMastering.Imapi.Redbook;

/// <summary>An open WAV file whose header passed its checks: where its samples are and its INFO tags.</summary>
internal sealed class WaveFile : IDisposable
{
    public WaveFile(string path, SafeFileHandle handle, long dataOffset, long dataLength, string? title, string? artist)
    {
        Path = path;
        Handle = handle;
        DataOffset = dataOffset;
        DataLength = dataLength;
        Title = title;
        Artist = artist;
    }

    /// <summary>The file's full path.</summary>
    public string Path { get; }

    /// <summary>Open for positional reads for as long as the disc is mastered, so the file read is the file checked.</summary>
    public SafeFileHandle Handle { get; }

    /// <summary>Where the first sample is.</summary>
    public long DataOffset { get; }

    /// <summary>Sample bytes, whole stereo frames only.</summary>
    public long DataLength { get; }

    /// <summary>LIST/INFO INAM, or null.</summary>
    public string? Title { get; }

    /// <summary>LIST/INFO IART, or null.</summary>
    public string? Artist { get; }

    public void Dispose() => Handle.Dispose();
}
