using DiscMastering.Imapi.Iso9660;
using DiscMastering.Imapi.Sources;
using DiscMastering.Imapi.Tests.TestSupport;

namespace DiscMastering.Imapi.Tests.Iso9660;

/// <summary>
/// Read in order, <see cref="ImageStream"/> takes small files from reader threads a window at a time; a seek drops
/// them and reading goes on at the asked offset. Either way the bytes are the image file's.
/// </summary>
public sealed class ImageStreamReadAheadTests : IDisposable
{
    /// <summary>More threads than the machine may have, so windows are shared out and waited for.</summary>
    private const int ManyThreads = 4;

    private static readonly MasteringOptions s_options = new() { VolumeLabel = "AHEAD", SourceDateEpoch = DateTimeOffset.FromUnixTimeSeconds(1_600_000_000) };

    private readonly TempDirectory _temp = new();
    private readonly string _source;
    private readonly byte[] _image;

    public ImageStreamReadAheadTests()
    {
        _source = _temp.CreateDirectory("source");
        CreateTree(_source);
        _image = File.ReadAllBytes(ImageMaster.MasterToFile([new DiscSource("", _source)], _temp.Combine("disc.iso"), s_options).ImagePath);
    }

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(2048)]
    [InlineData(5000)]
    [InlineData((1 << 20) + 1)]
    public void ReadInOrder_OnSeveralThreads_GivesTheImageFilesBytes(int chunk)
    {
        using (MasteringParallelism.Force(ManyThreads))
        {
            using var stream = ImageMaster.MasterToStream([new DiscSource("", _source)], s_options);

            ExtractedTree.AssertSameBytes(_image, ImageStreamTests.ReadAll(stream, chunk), $"the stream read in order in chunks of {chunk}");
        }
    }

    [Fact]
    public void SeeksBackAndForth_BetweenRunsInOrder_GiveTheImageFilesBytes()
    {
        using (MasteringParallelism.Force(ManyThreads))
        {
            using var stream = ImageMaster.MasterToStream([new DiscSource("", _source)], s_options);
            var random = new Random(7);
            var buffer = new byte[70_000];
            for (var run = 0; run < 40; run++)
            {
                // A run of reads in order from somewhere, the file data mostly: the readers start there and are dropped by the next seek.
                var start = random.NextInt64(0, _image.Length);
                stream.Position = start;
                for (var reads = random.Next(1, 6); reads > 0 && stream.Position < _image.Length; reads--)
                {
                    var position = stream.Position;
                    var read = stream.Read(buffer, 0, random.Next(1, buffer.Length));
                    Assert.True(_image.AsSpan((int)position, read).SequenceEqual(buffer.AsSpan(0, read)), $"bytes from {position:N0} differ");
                }
            }
        }
    }

    [Fact]
    public void FileDeletedAfterMasterToStream_ReadInOrder_IsFileChanged_NamingIt()
    {
        using (MasteringParallelism.Force(ManyThreads))
        {
            using var stream = ImageMaster.MasterToStream([new DiscSource("", _source)], s_options);
            var victim = Path.Combine(_source, "d07", "f01207.bin");
            File.Delete(victim);

            var e = Assert.Throws<DiscMasteringException>(() => stream.CopyTo(Stream.Null, 2048));

            Assert.Equal(DiscMasteringError.FileChanged, e.Error);
            Assert.Contains(victim, e.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>2,000 files in 20 folders: mostly small, some empty, some either side of the buffered-file limit and of a window, and one of 3 MiB.</summary>
    private static void CreateTree(string root)
    {
        int[] boundaries = [0, 0, 1, 2047, 2048, 2049, 256 << 10, (256 << 10) + 1, (1 << 20) - 1, 3 << 20];
        var random = new Random(2000);
        var seed = new byte[(3 << 20) + 4096];
        random.NextBytes(seed);
        for (var i = 0; i < 2000; i++)
        {
            var size = i % 41 == 3 ? boundaries[i / 41 % boundaries.Length] : random.Next(0, 9000);
            if (size == 3 << 20 && i > 500)
            {
                size = 100;
            }

            var folder = Path.Combine(root, $"d{i % 20:D2}");
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, $"f{i:D5}.bin"), seed.AsSpan(random.Next(0, 4096), size).ToArray());
        }
    }
}
