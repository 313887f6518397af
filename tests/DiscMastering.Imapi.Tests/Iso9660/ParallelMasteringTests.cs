using DiscMastering.Imapi.Iso9660;
using DiscMastering.Imapi.Iso9660.RockRidge;
using DiscMastering.Imapi.Sources;
using DiscMastering.Imapi.Tests.TestSupport;

namespace DiscMastering.Imapi.Tests.Iso9660;

/// <summary>
/// The scan, the Rock Ridge mode probe and the writer use several threads; each must give what one thread gives:
/// the same tree, the same bytes, the same first error, and no image after a failure or a cancellation.
/// </summary>
public sealed class ParallelMasteringTests : IDisposable
{
    /// <summary>More threads than the machine may have, so windows are shared out and waited for.</summary>
    private const int ManyThreads = 4;

    private static readonly MasteringOptions s_options = new() { SourceDateEpoch = DateTimeOffset.FromUnixTimeSeconds(1_600_000_000) };

    private static readonly MasteringOptions s_withoutRockRidge = new() { SourceDateEpoch = DateTimeOffset.FromUnixTimeSeconds(1_600_000_000), RockRidge = false };

    /// <summary>Sizes either side of a block, of the buffered-file limit and of the 1 MiB window.</summary>
    private static readonly int[] s_boundarySizes = [0, 1, 2047, 2048, 2049, 256 << 10, (256 << 10) + 1, 3 << 20, (1 << 20) - 1, 1 << 20];

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void AwkwardTree_ParallelImage_IsTheOneThreadImage()
    {
        var source = _temp.Combine("source");
        AwkwardTree.Create(source);

        AssertSameImage(source, s_options);
    }

    [Fact]
    public void ThousandsOfFilesCrossingBufferBoundaries_ParallelImage_IsTheOneThreadImage()
    {
        var source = _temp.Combine("source");
        CreateVariedTree(source, files: 3000);

        AssertSameImage(source, s_options);
    }

    [Fact]
    public void BootableTree_ParallelImage_KeepsTheBootInfoTable()
    {
        var source = _temp.Combine("source");
        CreateVariedTree(source, files: 300);
        var boot = new byte[4 * 2048];
        new Random(4).NextBytes(boot);
        File.WriteAllBytes(Path.Combine(source, "boot", "loader.bin"), boot);
        var options = new MasteringOptions
        {
            SourceDateEpoch = s_options.SourceDateEpoch,
            Boot = new DiscMastering.Imapi.ElTorito.BootOptions { BiosBootPath = "boot/loader.bin", BootInfoTable = true },
        };

        AssertSameImage(source, options);
    }

    [Fact]
    public void AwkwardTree_ParallelScan_IsTheOneThreadScan()
    {
        var source = _temp.Combine("source");
        AwkwardTree.Create(source);
        File.CreateSymbolicLink(Path.Combine(source, "level01", "link to data"), Path.Combine(source, "data"));

        var one = Describe(Scan(source, threads: 1));
        for (var run = 0; run < 5; run++)
        {
            Assert.Equal(one, Describe(Scan(source, ManyThreads)));
        }
    }

    [Fact]
    public void SeveralBadNames_ParallelScan_ReportsWhatOneThreadReports()
    {
        var source = _temp.Combine("source");
        CreateVariedTree(source, files: 400);
        // Two problems in each of 20 folders: more than the scan collects, so which it stops at matters too.
        for (var folder = 0; folder < 20; folder++)
        {
            File.WriteAllText(Path.Combine(source, $"d{folder:D2}", $"bad:{folder}.txt"), "x");
            File.WriteAllText(Path.Combine(source, $"d{folder:D2}", new string('n', 70 + folder) + ".txt"), "x");
        }

        var one = Problems(Assert.Throws<DiscMasteringException>(() => Scan(source, threads: 1)));
        Assert.Equal(20, one.Count);
        for (var run = 0; run < 5; run++)
        {
            Assert.Equal(one, Problems(Assert.Throws<DiscMasteringException>(() => Scan(source, ManyThreads))));
        }
    }

    [Fact]
    public void FilesDeletedBeforeTheWrite_ParallelWrite_FailsOnTheFirstInFileOrder_AndLeavesNoImage()
    {
        var source = _temp.Combine("source");
        CreateVariedTree(source, files: 2000);
        var tree = Scan(source, ManyThreads, s_withoutRockRidge);
        var layout = DiscLayout.Create(tree, s_withoutRockRidge);
        var first = tree.Files[1200].LocalPath;
        File.Delete(tree.Files[1900].LocalPath);
        File.Delete(first);
        var target = _temp.Combine("out", "disc.iso");

        var e = Assert.Throws<DiscMasteringException>(() => WriteToFile(layout, s_withoutRockRidge, target, null, CancellationToken.None));

        Assert.Equal(DiscMasteringError.FileChanged, e.Error);
        Assert.Contains(first, e.Message, StringComparison.Ordinal);
        AssertNoImage(target);
    }

    [Fact]
    public void FileGrownBeforeTheWrite_ParallelWrite_IsFileChanged()
    {
        var source = _temp.Combine("source");
        CreateVariedTree(source, files: 600);
        var tree = Scan(source, ManyThreads, s_withoutRockRidge);
        var layout = DiscLayout.Create(tree, s_withoutRockRidge);
        var growing = tree.Files.First(f => f.Index > 300 && f.Length is > 0 and < 4096);
        File.AppendAllText(growing.LocalPath, "grown");
        var target = _temp.Combine("out", "disc.iso");

        var e = Assert.Throws<DiscMasteringException>(() => WriteToFile(layout, s_withoutRockRidge, target, null, CancellationToken.None));

        Assert.Equal(DiscMasteringError.FileChanged, e.Error);
        Assert.Contains(growing.LocalPath, e.Message, StringComparison.Ordinal);
        AssertNoImage(target);
    }

    [Fact]
    public void CancelledMidWrite_ParallelWrite_StopsAndLeavesNoImage()
    {
        var source = _temp.Combine("source");
        CreateVariedTree(source, files: 2000);
        var tree = Scan(source, ManyThreads, s_options);
        var layout = DiscLayout.Create(tree, s_options);
        var target = _temp.Combine("out", "disc.iso");
        using var cancellation = new CancellationTokenSource();
        var progress = new CancelOnFirstFiles(cancellation);

        Assert.ThrowsAny<OperationCanceledException>(() => WriteToFile(layout, s_options, target, progress, cancellation.Token));

        Assert.True(progress.FilesAtCancel > 0);
        Assert.True(progress.LastFiles < tree.Files.Count, "the write went on to the end after cancellation");
        AssertNoImage(target);
    }

    [Fact]
    public void FilesDeletedBeforeTheModeProbe_ParallelProbe_FailsOnTheFirstInFileOrder()
    {
        var source = _temp.Combine("source");
        CreateVariedTree(source, files: 2000);
        var tree = Scan(source, ManyThreads, s_options);
        var probed = tree.Files.Where(f => f.Length >= 2).ToList();
        var first = probed[900].LocalPath;
        File.Delete(probed[1800].LocalPath);
        File.Delete(probed[1300].LocalPath);
        File.Delete(first);

        for (var run = 0; run < 3; run++)
        {
            using (MasteringParallelism.Force(ManyThreads))
            {
                var e = Assert.Throws<DiscMasteringException>(() => PosixModes.Resolve(tree, []));
                Assert.Equal(DiscMasteringError.FileChanged, e.Error);
                Assert.Contains(first, e.Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void ParallelProbe_GivesTheOneThreadModes()
    {
        var source = _temp.Combine("source");
        CreateTreeWithPrograms(source, files: 500);
        var tree = Scan(source, threads: 1, s_options);

        uint[] Modes(int threads)
        {
            using (MasteringParallelism.Force(threads))
            {
                var modes = PosixModes.Resolve(tree, []);
                return tree.Files.Select(f => modes.For(f).Mode).ToArray();
            }
        }

        var one = Modes(1);
        Assert.Equal(2, one.Count(m => m == (PosixModes.RegularFileType | PosixModes.ReadExecute)));
        Assert.Equal(one, Modes(ManyThreads));
    }

    [Fact]
    public void ProgramsSmallAndLarge_ModesToldWhileWriting_AreTheProbedModes()
    {
        var source = _temp.Combine("source");
        CreateTreeWithPrograms(source, files: 300);
        var large = new byte[(256 << 10) + 3000];
        large[0] = 0x7F;
        "ELF"u8.CopyTo(large.AsSpan(1));
        File.WriteAllBytes(Path.Combine(source, "d09", "large-program"), large);
        File.WriteAllText(Path.Combine(source, "d11", "#!"), "#!");

        // The stream probes every file before it serves a block; the file writer tells programs from the bytes it writes.
        byte[] streamed;
        using (var stream = ImageMaster.MasterToStream([new DiscSource("", source)], s_options))
        {
            var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            streamed = bytes.ToArray();
        }

        foreach (var threads in new[] { 1, ManyThreads })
        {
            var written = File.ReadAllBytes(Master(source, s_options, threads, $"modes-{threads}.iso"));
            var firstDifference = streamed.AsSpan().CommonPrefixLength(written);
            Assert.True(firstDifference == streamed.Length && written.Length == streamed.Length, $"with {threads} threads the image differs from the stream first at byte {firstDifference:N0}");
        }

        var tree = Scan(source, threads: 1);
        var modes = PosixModes.Resolve(tree, []);
        Assert.Equal(4, tree.Files.Count(f => modes.For(f).Mode == (PosixModes.RegularFileType | PosixModes.ReadExecute)));
    }

    /// <summary>The varied tree with two small programs in it: a script and an ELF header.</summary>
    private static void CreateTreeWithPrograms(string root, int files)
    {
        CreateVariedTree(root, files);
        File.WriteAllText(Path.Combine(root, "d03", "script"), "#!/bin/sh\n");
        File.WriteAllBytes(Path.Combine(root, "d07", "program"), [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0]);
    }

    /// <summary>
    /// Folders d00..d19 of files whose sizes are mostly small and random, with the boundary sizes spread among them,
    /// so windows end at every kind of file; a 1 MiB file fills a window alone.
    /// </summary>
    private static void CreateVariedTree(string root, int files)
    {
        var random = new Random(files);
        var seed = new byte[(3 << 20) + 4096];
        random.NextBytes(seed);
        for (var i = 0; i < files; i++)
        {
            var size = i % 37 == 5 ? s_boundarySizes[i / 37 % s_boundarySizes.Length] : random.Next(0, 9000);
            if (size >= 3 << 20 && i > files / 2)
            {
                size = 3000;
            }

            var folder = Path.Combine(root, $"d{i % 20:D2}");
            Directory.CreateDirectory(folder);
            var offset = random.Next(0, 4096);
            File.WriteAllBytes(Path.Combine(folder, $"f{i:D5}.bin"), seed.AsSpan(offset, size).ToArray());
        }

        Directory.CreateDirectory(Path.Combine(root, "boot"));
    }

    private void AssertSameImage(string source, MasteringOptions options)
    {
        var one = Master(source, options, threads: 1, "one.iso");
        var many = Master(source, options, ManyThreads, "many.iso");
        var oneBytes = File.ReadAllBytes(one);
        var manyBytes = File.ReadAllBytes(many);
        Assert.Equal(oneBytes.Length, manyBytes.Length);
        var firstDifference = oneBytes.AsSpan().CommonPrefixLength(manyBytes);
        Assert.True(firstDifference == oneBytes.Length, $"the images differ first at byte {firstDifference:N0}");
    }

    private string Master(string source, MasteringOptions options, int threads, string name)
    {
        using (MasteringParallelism.Force(threads))
        {
            return ImageMaster.MasterToFile([new DiscSource("", source)], _temp.Combine(name), options).ImagePath;
        }
    }

    private static DiscTree Scan(string source, int threads, MasteringOptions? options = null)
    {
        using (MasteringParallelism.Force(threads))
        {
            return DiscTreeBuilder.Build([new DiscSource("", source)], options ?? s_options);
        }
    }

    private static List<string> Describe(DiscTree tree) =>
    [
        .. tree.Directories.Select(d => $"{d.Index} {d.DiscPath} {d.IsoName} {d.Modified:O} [{string.Join('|', d.Children.Select(c => c.Name))}]"),
        .. tree.Files.Select(f => $"{f.Index} {f.DiscPath} {f.IsoName} {f.LocalPath} {f.Length} {f.Modified:O}"),
    ];

    private static List<string> Problems(DiscMasteringException e) => [.. e.Problems.Select(p => $"{p.Error} {p.Message}")];

    private static void WriteToFile(DiscLayout layout, MasteringOptions options, string target, IProgress<MasteringProgress>? progress, CancellationToken cancellationToken)
    {
        using (MasteringParallelism.Force(ManyThreads))
        {
            using var image = ImageFile.Create(target);
            ImageWriter.Write(layout, options, image.Handle, progress, cancellationToken);
            image.Commit();
        }
    }

    private static void AssertNoImage(string target)
    {
        Assert.False(File.Exists(target));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(target)!, "*.discmaster.tmp", SearchOption.AllDirectories));
    }

    /// <summary>Cancels as soon as the writer reports written files, on the writer's own thread.</summary>
    private sealed class CancelOnFirstFiles(CancellationTokenSource cancellation) : IProgress<MasteringProgress>
    {
        public int FilesAtCancel { get; private set; }

        public int LastFiles { get; private set; }

        public void Report(MasteringProgress value)
        {
            LastFiles = value.FilesDone;
            if (value.FilesDone > 0 && !cancellation.IsCancellationRequested)
            {
                FilesAtCancel = value.FilesDone;
                cancellation.Cancel();
            }
        }
    }
}
