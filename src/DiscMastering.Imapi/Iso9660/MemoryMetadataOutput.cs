namespace DiscMastering.Imapi.Iso9660;

/// <summary>Collects the metadata region in a caller's array, for a sink that serves it at any offset later.</summary>
internal sealed class MemoryMetadataOutput : IMetadataOutput
{
    private readonly byte[] _region;
    private readonly int _length;

    public MemoryMetadataOutput(byte[] region, int length)
    {
        _region = region;
        _length = length;
    }

    /// <summary>Bytes handed out so far.</summary>
    public int Written { get; private set; }

    public Span<byte> Blocks(int count)
    {
        var span = Next(count * IsoConstants.BlockSize);
        span.Clear();
        return span;
    }

    public void Bytes(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Next(bytes.Length));

    /// <summary>The next <paramref name="length"/> bytes; the layout sized the region, so running past it is a bug.</summary>
    private Span<byte> Next(int length)
    {
        if (length > _length - Written)
        {
            throw new InvalidOperationException("the metadata is larger than the layout's metadata region.");
        }

        var span = _region.AsSpan(Written, length);
        Written += length;
        return span;
    }
}
