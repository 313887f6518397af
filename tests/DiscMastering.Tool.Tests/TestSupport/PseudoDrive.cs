namespace DiscMastering.Tool.Tests.TestSupport;

/// <summary>A libburn <c>stdio:</c> pseudo-drive: a regular file the real libburn writes as if it were blank media.</summary>
public sealed class PseudoDrive(string path)
{
    public string Path { get; } = path;

    public string Address => "stdio:" + Path;

    public bool Exists => File.Exists(Path);

    public long Length => Exists ? new FileInfo(Path).Length : 0;

    /// <summary>The first <paramref name="count"/> bytes of the drive file.</summary>
    public byte[] ReadStart(long count)
    {
        using var file = File.OpenRead(Path);
        var bytes = new byte[Math.Min(count, file.Length)];
        file.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>Flips every bit of one byte on the "media".</summary>
    public void Corrupt(long offset)
    {
        using var file = new FileStream(Path, FileMode.Open, FileAccess.ReadWrite);
        file.Position = offset;
        var value = file.ReadByte();
        file.Position = offset;
        file.WriteByte((byte)~value);
    }
}
