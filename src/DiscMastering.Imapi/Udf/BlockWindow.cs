using DiscMastering.Imapi.Iso9660;

namespace DiscMastering.Imapi.Udf;

/// <summary>
/// An <see cref="IMetadataOutput"/> that keeps a window of the blocks handed out: blocks inside it land in the
/// destination, the others in a scratch block that is thrown away. Serves writers that ask one block at a time.
/// </summary>
internal sealed class BlockWindow : IMetadataOutput
{
    private readonly byte[] _scratch = new byte[UdfConstants.BlockSize];
    private readonly Memory<byte> _destination;
    private readonly long _first;
    private readonly long _end;
    private long _next;

    /// <param name="destination">Receives blocks <paramref name="first"/> on, as many as it holds.</param>
    /// <param name="first">The number of the first block kept.</param>
    /// <param name="start">The number of the first block the writer will hand out.</param>
    public BlockWindow(Memory<byte> destination, long first, long start)
    {
        _destination = destination;
        _first = first;
        _end = first + (destination.Length / UdfConstants.BlockSize);
        _next = start;
    }

    public Span<byte> Blocks(int count)
    {
        if (count != 1)
        {
            throw new NotSupportedException("a block window hands out one block at a time");
        }

        var block = _next++;
        var span = block >= _first && block < _end
            ? _destination.Span.Slice((int)(block - _first) * UdfConstants.BlockSize, UdfConstants.BlockSize)
            : _scratch;
        span.Clear();
        return span;
    }

    public void Bytes(ReadOnlySpan<byte> bytes)
    {
        for (; !bytes.IsEmpty; bytes = bytes[UdfConstants.BlockSize..])
        {
            bytes[..UdfConstants.BlockSize].CopyTo(Blocks(1));
        }
    }
}
