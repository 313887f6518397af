using DiscMastering.Imapi.Iso9660.Reading;
using DiscMastering.Imapi.Tests.TestSupport;

namespace DiscMastering.Imapi.Tests.Iso9660.Reading;

/// <summary>
/// Bytes of the metadata of Rock Ridge, El Torito and hybrid images overwritten at random (with fixed seeds):
/// every read ends, within seconds, in a result or a DM error, never in another exception.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class CorruptedImageTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void CorruptedRockRidgeDirectoriesFailCleanly()
    {
        ReferenceImages.WriteRockRidgeTree(_temp.Source);
        var original = ReferenceImages.MakeGenisoimageRockRidge(_temp.Source, _temp.Path("rr.iso"));

        // The system area, descriptors, path tables and directories (with their continuation areas) of this small image.
        var outcomes = Corrupt(original, firstByte: 16 * 2048, lastByte: 40 * 2048, reader =>
        {
            _ = reader.Walk(IsoTree.RockRidge).Count();
            _ = reader.Walk(IsoTree.Primary).Count();
        });

        Assert.True(outcomes.Errors > 0 && outcomes.Read > 0, $"{outcomes.Errors} errors and {outcomes.Read} reads: the corruption should give both");
    }

    [Fact]
    public void CorruptedCatalogsAndPartitionTablesFailCleanly()
    {
        var original = ReferenceImages.MakeElToritoHybrid(_temp.Root, _temp.Path("hybrid.iso"));
        uint catalogBlock;
        using (var reader = IsoImageReader.Open(original))
        {
            catalogBlock = reader.BootRecord!.CatalogBlock;
        }

        var catalog = Corrupt(original, catalogBlock * 2048L, catalogBlock * 2048L + 128, reader => reader.ReadBootCatalog());
        var partitions = Corrupt(original, 0, 1024, reader => reader.ReadPartitionTable());

        Assert.True(catalog.Errors > 0 && catalog.Read > 0, $"catalog: {catalog.Errors} errors and {catalog.Read} reads");
        Assert.True(partitions.Errors > 0 && partitions.Read > 0, $"partitions: {partitions.Errors} errors and {partitions.Read} reads");
    }

    /// <summary>200 copies of the image, each with 1 to 8 random bytes changed in the range, read by <paramref name="read"/>.</summary>
    private (int Errors, int Read) Corrupt(string original, long firstByte, long lastByte, Action<IsoImageReader> read)
    {
        var pristine = File.ReadAllBytes(original);
        var copy = _temp.Path("corrupt.iso");
        var random = new Random(1994);
        var errors = 0;
        var reads = 0;
        for (var round = 0; round < 200; round++)
        {
            var bytes = (byte[])pristine.Clone();
            for (var n = random.Next(1, 9); n > 0; n--)
            {
                bytes[random.NextInt64(firstByte, lastByte)] = (byte)random.Next(256);
            }

            File.WriteAllBytes(copy, bytes);
            var failure = ReferenceImages.WithinSeconds(10, () =>
            {
                try
                {
                    using var reader = IsoImageReader.Open(copy);
                    read(reader);
                    return null;
                }
                catch (DiscMasteringException e)
                {
                    return e;
                }
            });
            if (failure is null)
            {
                reads++;
            }
            else
            {
                errors++;
            }
        }

        return (errors, reads);
    }
}
