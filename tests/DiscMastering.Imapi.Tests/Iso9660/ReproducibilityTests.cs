using System.Globalization;
using DiscMastering.Imapi.Iso9660;
using DiscMastering.Imapi.Sources;
using DiscMastering.Imapi.Tests.TestSupport;

namespace DiscMastering.Imapi.Tests.Iso9660;

/// <summary>With <see cref="MasteringOptions.SourceDateEpoch"/> set, the image depends on names and bytes only.</summary>
public sealed class ReproducibilityTests : IDisposable
{
    private static readonly DateTimeOffset s_epoch = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void SameTree_AfterTouchingEveryFile_GivesTheSameBytes()
    {
        var source = _temp.Combine("source");
        AwkwardTree.Create(source);
        var first = Master(source, "first.iso");

        var later = DateTime.UtcNow.AddHours(1);
        foreach (var path in Directory.EnumerateFileSystemEntries(source, "*", SearchOption.AllDirectories))
        {
            if (File.Exists(path))
            {
                File.SetLastWriteTimeUtc(path, later);
            }
            else
            {
                Directory.SetLastWriteTimeUtc(path, later);
            }
        }

        Directory.SetLastWriteTimeUtc(source, later);
        var second = Master(source, "second.iso");

        AssertIdentical(first, second);
    }

    [Fact]
    public void SameTree_CopiedInAnotherOrder_GivesTheSameBytes()
    {
        var entries = AwkwardTree.Entries();
        var forward = _temp.Combine("forward");
        AwkwardTree.Create(forward, entries);

        // Reverse creation order, with files made and removed in between so inode numbers and
        // directory slots come out in another order too.
        var backward = _temp.Combine("backward");
        Directory.CreateDirectory(backward);
        var index = 0;
        foreach (var entry in entries.Reverse())
        {
            var scratch = Path.Combine(backward, $"scratch-{index++}");
            File.WriteAllText(scratch, "scratch");
            AwkwardTree.Create(backward, [entry]);
            File.Delete(scratch);
        }

        AssertIdentical(Master(forward, "forward.iso"), Master(backward, "backward.iso"));
    }

    [Fact]
    public void TheComparisonSeesADifference_WhenNoEpochIsSet()
    {
        // A check that cannot fail proves nothing: without the epoch the volume date is "now".
        var source = _temp.Combine("source");
        AwkwardTree.Create(source);
        var first = _temp.Combine("first.iso");
        var second = _temp.Combine("second.iso");
        ImageMaster.MasterToFile([new DiscSource("", source)], first, new MasteringOptions { Now = s_epoch });
        ImageMaster.MasterToFile([new DiscSource("", source)], second, new MasteringOptions { Now = s_epoch.AddSeconds(1) });

        Assert.False(File.ReadAllBytes(first).AsSpan().SequenceEqual(File.ReadAllBytes(second)));
    }

    [Fact]
    public void VolumeDates_AreTheEpoch()
    {
        var source = _temp.Combine("source");
        AwkwardTree.Create(source);
        var image = new IsoImage(Master(source, "image.iso"));

        foreach (var block in new[] { 16, 17 })
        {
            var descriptor = image.Descriptor(block);
            Assert.Equal("2024010203040500", descriptor.DateDigits(IsoDescriptor.CreationDate));
            Assert.Equal(0, descriptor.DateOffset(IsoDescriptor.CreationDate));
            Assert.Equal("2024010203040500", descriptor.DateDigits(IsoDescriptor.ModificationDate));
            Assert.Equal(0, descriptor.DateOffset(IsoDescriptor.ModificationDate));
            Assert.Equal("0000000000000000", descriptor.DateDigits(IsoDescriptor.ExpirationDate));
            Assert.Equal("0000000000000000", descriptor.DateDigits(IsoDescriptor.EffectiveDate));
            Assert.Equal(s_epoch, descriptor.RootRecorded);
        }

        // Offset 813 of block 16, as ECMA-119 8.4.26 places it.
        var raw = System.Text.Encoding.ASCII.GetString(image.Bytes, (16 * 2048) + 813, 16);
        Assert.Equal(s_epoch.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "00", raw);
    }

    [Fact]
    public void EveryRecordedDate_IsAtMostTheEpoch_AndOlderFilesKeepTheirOwn()
    {
        var source = _temp.Combine("source");
        AwkwardTree.Create(source);
        var old = new DateTime(2001, 9, 8, 7, 6, 5, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(Path.Combine(source, "a.b.c.d"), old);
        var image = new IsoImage(Master(source, "image.iso"));

        foreach (var descriptor in new[] { image.Descriptor(16), image.Descriptor(17) })
        {
            var records = image.Walk(descriptor);
            var later = records.Where(r => r.Recorded > s_epoch).Select(r => $"{r.Path} {r.Recorded:O}").ToList();
            Assert.True(later.Count == 0, $"dates after the epoch: {string.Join(", ", later)}");

            // "." and ".." of every folder too.
            foreach (var folder in records.Where(r => r.IsDirectory))
            {
                Assert.All(image.ReadDirectory(folder.Extent, folder.DataLength, descriptor.IsJoliet).Take(2), r => Assert.True(r.Recorded <= s_epoch));
            }

            var kept = records.Single(r => r.Path == (descriptor.IsJoliet ? "/a.b.c.d" : "/A_B_C.D;1"));
            Assert.Equal(new DateTimeOffset(old), kept.Recorded);
            Assert.All(records.Where(r => r != kept), r => Assert.Equal(s_epoch, r.Recorded));
        }
    }

    private string Master(string source, string name)
    {
        var imagePath = _temp.Combine(name);
        ImageMaster.MasterToFile([new DiscSource("", source)], imagePath, new MasteringOptions { SourceDateEpoch = s_epoch, VolumeLabel = "REPRO" });
        return imagePath;
    }

    private static void AssertIdentical(string first, string second)
    {
        var a = File.ReadAllBytes(first);
        var b = File.ReadAllBytes(second);
        var common = a.AsSpan().CommonPrefixLength(b);
        Assert.True(a.Length == b.Length && common == a.Length, $"the images differ: {a.Length:N0} and {b.Length:N0} bytes, first difference at byte {common:N0} (block {common / 2048}, offset {common % 2048})");
    }
}
