using DiscMastering.Imapi.Iso9660;
using DiscMastering.Imapi.Sources;
using DiscMastering.Imapi.Tests.TestSupport;
using DiscMastering.Imapi.Verification;

namespace DiscMastering.Imapi.Tests.Verification;

/// <summary>
/// <see cref="TreeVerifier"/>: an image against its sources through the Joliet and primary trees, and what
/// it reports when a source changed after mastering.
/// </summary>
public sealed class TreeVerifierTests(AwkwardImageFixture awkward) : IClassFixture<AwkwardImageFixture>, IDisposable
{
    private const string LargeFile = "large/random-3MiB.bin";

    private static readonly MasteringOptions s_options = new() { SourceDateEpoch = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000) };

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void TheAwkwardImage_IsEqualToItsSources_ThroughEveryTree()
    {
        var report = TreeVerifier.Verify(awkward.ImagePath, awkward.Sources, awkward.Options);

        AssertEqual(report);
        Assert.Equal(["joliet", "rock-ridge", "primary"], report.Trees);
        Assert.Equal(awkward.Tree.Files.Count, report.FilesCompared);
        Assert.Equal(awkward.Tree.TotalFileBytes, report.BytesCompared);
    }

    [Fact]
    public void OneChangedByte_NamesTheFileAndTheOffset()
    {
        var (source, image) = MasterAwkwardCopy();
        var path = Local(source, LargeFile);
        var bytes = File.ReadAllBytes(path);
        bytes[1_234_567] ^= 0x40;
        File.WriteAllBytes(path, bytes);

        var report = TreeVerifier.Verify(image, [new DiscSource("", source)], s_options);

        Assert.False(report.IsEqual);
        Assert.Empty(report.Missing);
        Assert.Empty(report.Extra);
        var difference = Assert.Single(report.Different);
        Assert.Equal(new VerificationDifference("/" + LargeFile, "joliet", 1_234_567, bytes.Length, bytes.Length), difference);
    }

    [Fact]
    public void AFileAddedToTheSource_IsMissingFromTheImage()
    {
        var (source, image) = MasterAwkwardCopy();
        File.WriteAllText(Local(source, AwkwardTree.DeepFolder + "/new file.txt"), "new");

        var report = TreeVerifier.Verify(image, [new DiscSource("", source)], s_options);

        Assert.Equal([new VerificationEntry("/" + AwkwardTree.DeepFolder + "/new file.txt", "joliet", IsDirectory: false)], report.Missing);
        Assert.Empty(report.Extra);
        Assert.Empty(report.Different);
    }

    [Fact]
    public void AFileAndAFolderRemovedFromTheSource_AreExtraOnTheImage_OnceEach()
    {
        var (source, image) = MasterAwkwardCopy();
        File.Delete(Local(source, "日本語.txt"));
        Directory.Delete(Local(source, "data"), recursive: true);

        var report = TreeVerifier.Verify(image, [new DiscSource("", source)], s_options);

        Assert.Equal(
            [new VerificationEntry("/data", "joliet", IsDirectory: true), new VerificationEntry("/日本語.txt", "joliet", IsDirectory: false)],
            report.Extra);
        Assert.Equal("/data/", report.Extra[0].DisplayPath);
        Assert.Empty(report.Missing);
        Assert.Empty(report.Different);
    }

    [Fact]
    public void ASizeChange_IsADifferenceAtTheShorterLength()
    {
        var (source, image) = MasterAwkwardCopy();
        File.AppendAllText(Local(source, "exactly-2048.bin"), "++");

        var report = TreeVerifier.Verify(image, [new DiscSource("", source)], s_options);

        Assert.Equal([new VerificationDifference("/exactly-2048.bin", "joliet", 2048, 2050, 2048)], report.Different);
        Assert.Empty(report.Missing);
        Assert.Empty(report.Extra);
    }

    [Fact]
    public void PrimaryNames_AreCheckedAsTheEngineMapsThem()
    {
        // Both long names map to VERYLONG.TXT; the second gets the _1 tail. Without the first, the second
        // would be VERYLONG.TXT, which on the image holds the first one's bytes.
        var (source, image) = MasterAwkwardCopy();
        File.Delete(Local(source, "verylongname-one.txt"));

        var report = TreeVerifier.Verify(image, [new DiscSource("", source)], s_options);

        Assert.Equal(
            [new VerificationEntry("/VERYLO_1.TXT", "primary", IsDirectory: false), new VerificationEntry("/verylongname-one.txt", "joliet", IsDirectory: false)],
            report.Extra);
        var difference = Assert.Single(report.Different);
        Assert.Equal(("/VERYLONG.TXT", "primary", "this is verylongname-".Length), (difference.Path, difference.Tree, difference.Offset));
        Assert.Empty(report.Missing);
    }

    [Fact]
    public void GraftPoints_AreVerifiedWhereTheyGo()
    {
        var readme = _temp.WriteFile("in/readme.txt", "read me");
        var tools = _temp.CreateDirectory("in", "tools");
        _temp.WriteFile("in/tools/run.sh", "echo run");
        var sources = new[] { new DiscSource("docs/Read Me.txt", readme), new DiscSource("bin/tools", tools) };
        var image = _temp.Combine("graft.iso");
        ImageMaster.MasterToFile(sources, image, s_options);

        AssertEqual(TreeVerifier.Verify(image, sources, s_options));

        var elsewhere = TreeVerifier.Verify(image, [new DiscSource("docs/readme.txt", readme), new DiscSource("bin/tools", tools)], s_options);
        Assert.Equal([new VerificationEntry("/docs/readme.txt", "joliet", IsDirectory: false)], elsewhere.Missing);
        Assert.Equal([new VerificationEntry("/docs/Read Me.txt", "joliet", IsDirectory: false)], elsewhere.Extra);
    }

    [Fact]
    public void A200MiBSparseFile_IsComparedInBoundedChunks()
    {
        var source = _temp.CreateDirectory("sparse");
        using (var file = File.Create(Path.Combine(source, "holes.bin")))
        {
            file.SetLength(200L << 20);
            file.Position = (200L << 20) - 1;
            file.WriteByte(1);
        }

        var image = _temp.Combine("sparse.iso");
        ImageMaster.MasterToFile([new DiscSource("", source)], image, s_options);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var report = TreeVerifier.Verify(image, [new DiscSource("", source)], s_options);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        AssertEqual(report);
        Assert.Equal(200L << 20, report.BytesCompared);
        Assert.True(allocated < 16L << 20, $"verifying a 200 MiB file allocated {allocated:N0} bytes; it must stream");
    }

    [Fact]
    public void ATreeOfAnotherKind_PlugsIn()
    {
        var copy = _temp.Combine("copy");
        AwkwardTree.Create(copy);
        Assert.True(TreeVerifier.Verify(awkward.Tree, [new FolderTree(copy)]).IsEqual);

        File.Delete(Path.Combine(copy, "noextension"));
        var report = TreeVerifier.Verify(awkward.Tree, [new FolderTree(copy)]);

        Assert.Equal(["folder"], report.Trees);
        Assert.Equal([new VerificationEntry("/noextension", "folder", IsDirectory: false)], report.Missing);
    }

    [Fact]
    public void AMissingSource_IsSourceNotFound()
    {
        var e = Assert.Throws<DiscMasteringException>(() =>
            TreeVerifier.Verify(awkward.ImagePath, [new DiscSource("", _temp.Combine("nowhere"))], s_options));

        Assert.Equal(DiscMasteringError.SourceNotFound, e.Error);
    }

    [Fact]
    public void AFileThatIsNotAnImage_IsTheReadersError()
    {
        var notAnImage = _temp.WriteFile("not.iso", new byte[40_000]);

        var e = Assert.Throws<DiscMasteringException>(() => TreeVerifier.Verify(notAnImage, awkward.Sources, awkward.Options));

        Assert.Equal(DiscMasteringError.InvalidImage, e.Error);
    }

    private static void AssertEqual(VerificationReport report)
    {
        Assert.True(
            report.IsEqual,
            $"missing: {string.Join(", ", report.Missing)}; extra: {string.Join(", ", report.Extra)}; different: {string.Join(", ", report.Different)}");
    }

    private static string Local(string root, string relativePath) => Path.Combine([root, .. relativePath.Split('/')]);

    /// <summary>The awkward tree and its image, in this test's own folder so the test may change the source.</summary>
    private (string Source, string Image) MasterAwkwardCopy()
    {
        var source = _temp.Combine("source");
        AwkwardTree.Create(source);
        var image = _temp.Combine("awkward.iso");
        ImageMaster.MasterToFile([new DiscSource("", source)], image, s_options);
        return (source, image);
    }
}
