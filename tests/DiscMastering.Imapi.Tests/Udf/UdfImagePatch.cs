using DiscMastering.Imapi.Iso9660;
using DiscMastering.Imapi.Tests.TestSupport;
using DiscMastering.Imapi.Udf;

namespace DiscMastering.Imapi.Tests.Udf;

/// <summary>Changes the blocks of a UDF-only test image in memory and writes them back on dispose, re-tagging what it changed.</summary>
internal sealed class UdfImagePatch(UdfOnlyImage.Result image) : IDisposable
{
    private readonly byte[] _bytes = File.ReadAllBytes(image.ImagePath);

    public Span<byte> Block(long block) => _bytes.AsSpan((int)(block * UdfConstants.BlockSize), UdfConstants.BlockSize);

    public Span<byte> Entry(DiscNode node) => Block(image.Layout.FileSystemBlock + image.Layout.EntryBlock(node));

    public Span<byte> DirectoryStream(DiscDirectory directory) =>
        _bytes.AsSpan((int)((image.Layout.FileSystemBlock + image.Layout.DirectoryEntryBlock(directory) + 1) * UdfConstants.BlockSize), (int)image.Layout.DirectoryStreamLength(directory));

    /// <summary>Recomputes the CRC and checksum of the descriptor at the start of <paramref name="descriptor"/>, <paramref name="length"/> bytes long.</summary>
    public void Retag(Span<byte> descriptor, int length)
    {
        var tag = DescriptorTag.Read(descriptor);
        DescriptorTag.Write(descriptor[..length], tag.Identifier, tag.Location);
    }

    public void Dispose() => File.WriteAllBytes(image.ImagePath, _bytes);
}
