namespace DiscMastering.Tasks.Tests.EndToEnd;

/// <summary>A file on a disc: its '/'-separated path, its size, and (where the reader gives it) its SHA-256 in hex.</summary>
internal sealed record DiscImageEntry(string Path, long Size, string? Sha256)
{
    /// <summary>The same entry without its hash, to compare with readers that give none.</summary>
    public DiscImageEntry WithoutHash() => this with { Sha256 = null };

    public override string ToString() => $"{Path} ({Size} bytes{(Sha256 is null ? "" : ", " + Sha256[..12])})";
}
