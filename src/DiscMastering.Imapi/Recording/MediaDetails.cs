namespace DiscMastering.Imapi.Recording;

/// <summary>The media in a recorder, with the original wrapper's figures. Addresses and sizes are in 2048-byte blocks.</summary>
public sealed record MediaDetails
{
    /// <summary>Details of an empty drive.</summary>
    public static MediaDetails None { get; } = new() { MediaType = "none" };

    /// <summary>Whether the drive holds media.</summary>
    public bool MediaPresent { get; init; }

    /// <summary>Sessions on the media (0 when blank).</summary>
    public int Sessions { get; init; }

    /// <summary>The number of the last track (0 when blank).</summary>
    public int LastTrack { get; init; }

    /// <summary>Where the last session starts.</summary>
    public long StartAddress { get; init; }

    /// <summary>Where the next track would be written.</summary>
    public long NextWritable { get; init; }

    /// <summary>Blocks that can still be written.</summary>
    public long FreeBlocks { get; init; }

    /// <summary>The kind of media, such as "CD-R", "DVD+RW" or "stdio file".</summary>
    public string MediaType { get; init; } = "";

    /// <summary>The media's MMC profile number (0x0009 CD-R, 0x001A DVD+RW, ...), 0xFFFF for a pseudo-drive's file, 0 when unknown.</summary>
    public int Profile { get; init; }

    /// <summary>What the media allows.</summary>
    public MediaFlags Flags { get; init; }

    /// <summary>Whether data can be written now.</summary>
    public bool IsWritable => MediaPresent && Flags.HasFlag(MediaFlags.Writable);
}
