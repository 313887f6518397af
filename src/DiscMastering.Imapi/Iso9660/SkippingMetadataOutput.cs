namespace DiscMastering.Imapi.Iso9660;

/// <summary>
/// Collects the metadata region in a caller's array, leaving out one range of it (UDF's file system region,
/// a block per file) that the caller renders on demand instead: blocks handed out inside that range go to a
/// scratch block and are dropped.
/// </summary>
internal sealed class SkippingMetadataOutput : IMetadataOutput
{
    private readonly MemoryMetadataOutput _kept;
    private readonly long _skipStart;
    private readonly long _skipEnd;
    private readonly byte[] _scratch = new byte[IsoConstants.BlockSize];

    /// <param name="region">The array; it holds the region less the skipped bytes.</param>
    /// <param name="length">Bytes of the region less the skipped bytes.</param>
    /// <param name="skipStart">The first byte of the range left out.</param>
    /// <param name="skipEnd">The byte after it.</param>
    public SkippingMetadataOutput(byte[] region, int length, long skipStart, long skipEnd)
    {
        _kept = new MemoryMetadataOutput(region, length);
        _skipStart = skipStart;
        _skipEnd = skipEnd;
    }

    /// <summary>Bytes handed out so far, the skipped ones included.</summary>
    public long Position { get; private set; }

    /// <summary>Bytes kept in the array.</summary>
    public int Kept => _kept.Written;

    public Span<byte> Blocks(int count)
    {
        var length = count * IsoConstants.BlockSize;
        if (!IsSkipped(length))
        {
            Position += length;
            return _kept.Blocks(count);
        }

        // The skipped range is written one block per call (UdfWriter.WriteFileSystem).
        if (count != 1)
        {
            throw new InvalidOperationException("the skipped range is written a block at a time.");
        }

        Position += length;
        var scratch = _scratch.AsSpan();
        scratch.Clear();
        return scratch;
    }

    public void Bytes(ReadOnlySpan<byte> bytes)
    {
        if (IsSkipped(bytes.Length))
        {
            throw new InvalidOperationException("the skipped range is written as blocks.");
        }

        Position += bytes.Length;
        _kept.Bytes(bytes);
    }

    /// <summary>Whether the next <paramref name="length"/> bytes fall in the skipped range; a write that straddles its edge is a bug.</summary>
    private bool IsSkipped(int length)
    {
        var end = Position + length;
        if (end <= _skipStart || Position >= _skipEnd)
        {
            return false;
        }

        return Position >= _skipStart && end <= _skipEnd
            ? true
            : throw new InvalidOperationException("a write straddles the edge of the skipped range.");
    }
}
