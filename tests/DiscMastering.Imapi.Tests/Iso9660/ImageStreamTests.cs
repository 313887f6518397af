using DiscMastering.Imapi.Iso9660;
using DiscMastering.Imapi.Sources;
using DiscMastering.Imapi.Tests.TestSupport;

namespace DiscMastering.Imapi.Tests.Iso9660;

/// <summary>
/// <see cref="ImageMaster.MasterToStream"/>: the stream holds exactly the bytes <see cref="ImageMaster.MasterToFile"/>
/// writes for the same sources and options, whatever the read sizes and positions, and fails like the
/// writer when a source file changes size.
/// </summary>
public sealed class ImageStreamTests(AwkwardImageFixture awkward) : IClassFixture<AwkwardImageFixture>, IDisposable
{
    private static readonly MasteringOptions s_options = new() { VolumeLabel = "STREAM", SourceDateEpoch = DateTimeOffset.FromUnixTimeSeconds(1_600_000_000) };

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public enum Change
    {
        Grown,
        Shrunk,
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2047)]
    [InlineData(2048)]
    [InlineData(65536)]
    [InlineData(1 << 20)]
    public void AwkwardTree_ReadInChunks_EqualsTheImageFile(int chunk)
    {
        using var stream = ImageMaster.MasterToStream(awkward.Sources, awkward.Options);

        ExtractedTree.AssertSameBytes(File.ReadAllBytes(awkward.ImagePath), ReadAll(stream, chunk), $"the stream read in chunks of {chunk}");
    }

    [Fact]
    public void AwkwardTree_LengthAndSummary_MatchTheImageFile()
    {
        using var stream = ImageMaster.MasterToStream(awkward.Sources, awkward.Options);

        Assert.True(stream.CanRead);
        Assert.True(stream.CanSeek);
        Assert.False(stream.CanWrite);
        Assert.Equal(new FileInfo(awkward.ImagePath).Length, stream.Length);
        Assert.Equal(awkward.Summary.ImageBytes, stream.Blocks * 2048);
        Assert.Equal(awkward.Summary.Files, stream.Files);
        Assert.Equal(awkward.Summary.Folders, stream.Folders);
        Assert.Equal(awkward.Summary.FileBytes, stream.FileBytes);
        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public void AwkwardTree_SeekAnywhere_GivesTheImageFilesBytes()
    {
        var image = File.ReadAllBytes(awkward.ImagePath);
        var layout = DiscLayout.Create(awkward.Tree, awkward.Options);
        var positions = new List<long> { 0, 2047, 2048, 16 * 2048, (long)layout.FirstFileBlock * 2048 - 1, image.Length - 2048, image.Length - 1 };
        foreach (var file in awkward.Tree.Files.Where(f => f.Length > 0))
        {
            var start = (long)layout.FileExtents[file.Index] * 2048;
            var end = start + DiscLayout.BlocksFor(file.Length) * 2048;
            positions.AddRange([start, start + file.Length / 2, start + file.Length - 1, start + file.Length, end - 1]);
        }

        using var stream = ImageMaster.MasterToStream(awkward.Sources, awkward.Options);
        var buffer = new byte[5000];

        // Backwards first, so every read seeks away from where the last one ended.
        foreach (var position in positions.Distinct().OrderDescending().Concat(positions))
        {
            stream.Position = position;
            var read = stream.Read(buffer);

            var expected = (int)Math.Min(buffer.Length, image.Length - position);
            Assert.Equal(expected, read);
            ExtractedTree.AssertSameBytes(image.AsSpan((int)position, expected).ToArray(), buffer.AsSpan(0, read).ToArray(), $"the stream at byte {position:N0}");
            Assert.Equal(position + read, stream.Position);
        }

        Assert.Equal(image[^1], (byte)ReadByteAt(stream, stream.Seek(-1, SeekOrigin.End)));
        stream.Seek(100, SeekOrigin.Begin);
        Assert.Equal(image[2148], (byte)ReadByteAt(stream, stream.Seek(2048, SeekOrigin.Current)));
        Assert.Throws<IOException>(() => stream.Seek(-1, SeekOrigin.Begin));
    }

    [Fact]
    public void ReadAtOrPastTheEnd_ReturnsZero()
    {
        using var stream = ImageMaster.MasterToStream(awkward.Sources, awkward.Options);
        var buffer = new byte[100];

        stream.Position = stream.Length - 10;
        Assert.Equal(10, stream.Read(buffer, 0, buffer.Length));
        Assert.Equal(0, stream.Read(buffer, 0, buffer.Length));
        Assert.Equal(-1, stream.ReadByte());
        stream.Position = stream.Length + 12345;
        Assert.Equal(0, stream.Read(buffer));
        Assert.Equal(stream.Length + 12345, stream.Position);
    }

    [Theory]
    [InlineData(100, Change.Grown)]
    [InlineData(100, Change.Shrunk)]
    [InlineData(3 << 20, Change.Grown)]
    [InlineData(3 << 20, Change.Shrunk)]
    public void FileChangedAfterMasterToStream_ReadIsFileChanged_NamingTheFile(int size, Change change)
    {
        var source = _temp.CreateDirectory("source");
        File.WriteAllText(Path.Combine(source, "before.txt"), "unchanged\n");
        var changing = Path.Combine(source, "changing.bin");
        File.WriteAllBytes(changing, new byte[size]);
        File.WriteAllText(Path.Combine(source, "zafter.txt"), "unchanged\n");

        using var stream = ImageMaster.MasterToStream([new DiscSource("", source)], s_options);
        if (change == Change.Grown)
        {
            File.AppendAllText(changing, "grown");
        }
        else
        {
            using var file = File.OpenWrite(changing);
            file.SetLength(file.Length - 1);
        }

        var e = Assert.Throws<DiscMasteringException>(() => stream.CopyTo(Stream.Null));

        Assert.Equal(DiscMasteringError.FileChanged, e.Error);
        Assert.Contains(changing, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FileGrownWhileItIsRead_IsFileChanged_AtItsLastByte()
    {
        var source = _temp.CreateDirectory("source");
        var changing = Path.Combine(source, "changing.bin");
        File.WriteAllBytes(changing, new byte[3 << 20]);
        using var stream = ImageMaster.MasterToStream([new DiscSource("", source)], s_options);
        var layout = DiscLayout.Create(DiscTreeBuilder.Build([new DiscSource("", source)], s_options), s_options);
        stream.Position = (long)layout.FirstFileBlock * 2048;
        stream.ReadExactly(new byte[1 << 20]);

        File.AppendAllText(changing, "grown");

        var e = Assert.Throws<DiscMasteringException>(() => stream.CopyTo(Stream.Null));
        Assert.Equal(DiscMasteringError.FileChanged, e.Error);
    }

    [Fact]
    public void FileLargerThanTheBuffer_StreamsEqualToTheImageFile()
    {
        var random = new Random(1 << 20);
        var large = new byte[(5 << 20) + 123];
        random.NextBytes(large);
        var small = new byte[3000];
        random.NextBytes(small);
        _temp.WriteFile("source/a-small.bin", small);
        _temp.WriteFile("source/big/large.bin", large);
        _temp.WriteFile("source/z-small.bin", small);

        AssertStreamEqualsFile([new DiscSource("", _temp.Combine("source"))], (1 << 20) + 1);
    }

    [Fact]
    public void EmptyFiles_StreamEqualToTheImageFile()
    {
        _temp.WriteFile("source/a-empty.txt", []);
        _temp.WriteFile("source/b.txt", "between two empty files\n");
        _temp.WriteFile("source/c-empty.txt", []);
        _temp.WriteFile("only-empty/empty.txt", []);

        AssertStreamEqualsFile([new DiscSource("", _temp.Combine("source"))], 4096);
        AssertStreamEqualsFile([new DiscSource("", _temp.Combine("only-empty"))], 4096);
    }

    [Fact]
    public void Dispose_Twice_IsSafe_AndReadsAfterwardsThrow()
    {
        var stream = ImageMaster.MasterToStream(awkward.Sources, awkward.Options);
        stream.Position = stream.Length / 2;
        stream.ReadExactly(new byte[4096]);

        stream.Dispose();
        stream.Dispose();

        Assert.False(stream.CanRead);
        Assert.Throws<ObjectDisposedException>(() => stream.Read(new byte[10]));
        Assert.Throws<ObjectDisposedException>(() => stream.Position = 0);
        Assert.Throws<ObjectDisposedException>(() => stream.Length);
    }

    [Fact]
    public void Progress_EndsWithEveryByteAndFile()
    {
        var progress = new ProgressLog<MasteringProgress>();
        using var stream = ImageMaster.MasterToStream(awkward.Sources, awkward.Options, progress);

        stream.CopyTo(Stream.Null);

        var last = progress.Reports[^1];
        Assert.Equal(new MasteringProgress(MasteringPhase.Writing, stream.Length, stream.Length, stream.Files, stream.Files), last);
        Assert.Equal(MasteringPhase.Scanning, progress.Reports[0].Phase);
    }

    [Fact]
    public void InvalidVolumeLabel_IsRefusedBeforeTheScan()
    {
        var e = Assert.Throws<DiscMasteringException>(() =>
            ImageMaster.MasterToStream(awkward.Sources, new MasteringOptions { VolumeLabel = "a label far too long for Joliet" }));

        Assert.Equal(DiscMasteringError.InvalidVolumeText, e.Error);
    }

    private void AssertStreamEqualsFile(IReadOnlyList<DiscSource> sources, int chunk)
    {
        var imagePath = _temp.Combine($"image-{Guid.NewGuid():N}.iso");
        ImageMaster.MasterToFile(sources, imagePath, s_options);
        using var stream = ImageMaster.MasterToStream(sources, s_options);

        Assert.Equal(new FileInfo(imagePath).Length, stream.Length);
        ExtractedTree.AssertSameBytes(File.ReadAllBytes(imagePath), ReadAll(stream, chunk), $"the stream read in chunks of {chunk}");
    }

    /// <summary>The whole stream, read in order in reads of <paramref name="chunk"/> bytes, and then a read at the end that gives 0.</summary>
    internal static byte[] ReadAll(Stream stream, int chunk)
    {
        var bytes = new byte[stream.Length];
        var done = 0;
        int read;
        while ((read = stream.Read(bytes, done, Math.Min(chunk, bytes.Length - done))) > 0)
        {
            done += read;
        }

        Assert.Equal(bytes.Length, done);
        Assert.Equal(0, stream.Read(new byte[chunk]));
        return bytes;
    }

    private static int ReadByteAt(Stream stream, long position)
    {
        Assert.Equal(position, stream.Position);
        return stream.ReadByte();
    }
}
