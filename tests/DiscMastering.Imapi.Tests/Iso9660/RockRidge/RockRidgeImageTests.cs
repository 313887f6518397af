using System.Buffers.Binary;
using System.Text;
using System.Text.RegularExpressions;
using DiscMastering.Imapi.Iso9660;
using DiscMastering.Imapi.Iso9660.RockRidge;
using DiscMastering.Imapi.Sources;
using DiscMastering.Imapi.Tests.TestSupport;

namespace DiscMastering.Imapi.Tests.Iso9660.RockRidge;

/// <summary>Where the Rock Ridge entries go, what they hold, and that the images stay reproducible with them.</summary>
public sealed partial class RockRidgeImageTests(RockRidgeImageFixture image) : IClassFixture<RockRidgeImageFixture>, IDisposable
{
    private static readonly DateTimeOffset s_epoch = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void PrimaryDescriptor_KeepsThePlainRootRecord()
    {
        var descriptor = new IsoImage(image.ImagePath).Descriptor(16);

        // ECMA-119 8.4.18: 34 bytes, identifier 0x00, no System Use.
        Assert.Equal(34, descriptor.Raw[156]);
        Assert.Equal(1, descriptor.Raw[156 + 32]);
        Assert.Equal(0, descriptor.Raw[156 + 33]);
    }

    [Fact]
    public void RootSelfRecord_StartsWithSp_AndItsContinuationHoldsTheEr()
    {
        var iso = new IsoImage(image.ImagePath);
        var descriptor = iso.Descriptor(16);
        var entries = SystemUse(iso, Records(iso, descriptor.RootExtent, descriptor.RootDataLength).First());

        Assert.Equal("SP", entries[0].Signature);
        Assert.Equal([0xBE, 0xEF, 0x00], entries[0].Data);
        var er = Assert.Single(entries, e => e.Signature == "ER");
        Assert.Equal([10, 84, 135, 1], er.Data[..4]);
        Assert.Equal("RRIP_1991A", Encoding.ASCII.GetString(er.Data, 4, 10));
        Assert.Contains(entries, e => e.Signature == "CE");
    }

    [Fact]
    public void Px_SerialNumbersAreUniquePerNode_AndLinksCountSubfolders()
    {
        var iso = new IsoImage(image.ImagePath);
        var descriptor = iso.Descriptor(16);
        var serials = new Dictionary<uint, string>();
        var root = Records(iso, descriptor.RootExtent, descriptor.RootDataLength).First();
        serials.Add(Px(iso, root).Serial, "/");
        Visit(root.Extent, root.DataLength, "/");
        Assert.Equal(image.Tree.Files.Count + image.Tree.Directories.Count, serials.Count);

        void Visit(uint extent, uint dataLength, string path)
        {
            var records = Records(iso, extent, dataLength).ToList();
            var self = Px(iso, records[0]);
            Assert.Equal((uint)(2 + records.Skip(2).Count(r => r.IsDirectory)), self.Links);
            Assert.Equal(0x4000u | 0x16Du, self.Mode);
            foreach (var record in records.Skip(2))
            {
                var px = Px(iso, record);
                var child = path + record.Identifier + (record.IsDirectory ? "/" : "");
                Assert.True(serials.TryAdd(px.Serial, child), $"'{child}' has the serial number {px.Serial} of '{serials.GetValueOrDefault(px.Serial)}'");
                Assert.Equal((0u, 0u), (px.Uid, px.Gid));
                if (record.IsDirectory)
                {
                    Assert.Equal(px, Px(iso, Records(iso, record.Extent, record.DataLength).First()));
                    Assert.Equal(self, Px(iso, Records(iso, record.Extent, record.DataLength).Skip(1).First()));
                    Visit(record.Extent, record.DataLength, child);
                }
                else
                {
                    Assert.Equal(1u, px.Links);
                }
            }
        }
    }

    [Fact]
    public void SameSourcesTwice_UnderSourceDateEpoch_GiveTheSameBytes()
    {
        var first = _temp.Combine("first.iso");
        var second = _temp.Combine("second.iso");
        ImageMaster.MasterToFile(image.Sources, first, image.Options);
        foreach (var path in Directory.EnumerateFileSystemEntries(image.SourceRoot, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(5));
        }

        ImageMaster.MasterToFile(image.Sources, second, image.Options);

        ExtractedTree.AssertSameBytes(File.ReadAllBytes(first), File.ReadAllBytes(second), "the second image");
        ExtractedTree.AssertSameBytes(File.ReadAllBytes(image.ImagePath), File.ReadAllBytes(second), "the fixture's image");
    }

    [Fact]
    public void Stream_GivesTheImageFilesBytes()
    {
        using var stream = ImageMaster.MasterToStream(image.Sources, image.Options);
        var bytes = new MemoryStream();
        stream.CopyTo(bytes, 3000);

        ExtractedTree.AssertSameBytes(File.ReadAllBytes(image.ImagePath), bytes.ToArray(), "the stream");
    }

    [Fact]
    public void FileModeRules_OverrideTheContent_LastMatchWins()
    {
        var path = _temp.Combine("modes.iso");
        var options = new MasteringOptions
        {
            SourceDateEpoch = s_epoch,
            FileModes = [.. new[] { "**/*.sh=755", "bin/tool=700", "**/*.md=640", "scripts/notes.md=4755", "mac/=750", "**/Z.txt=0", "java/=1777" }.Select(FileModeRule.Parse)],
        };

        ImageMaster.MasterToFile(image.Sources, path, options);

        var modes = RockRidgeModes(path);
        Assert.Equal("-rwxr-xr-x", modes["/scripts/build.sh"]);
        Assert.Equal("-rwx------", modes["/bin/tool"]);
        Assert.Equal("-rwsr-xr-x", modes["/scripts/notes.md"]);
        Assert.Equal("drwxr-x---", modes["/mac"]);
        Assert.Equal("dr-xr-xr-x", modes["/"]);
        Assert.Equal("-r-xr-xr-x", modes["/mac/thin"]);
        Assert.Equal("----------", modes["/Z.txt"]);
        Assert.Equal("-r--r--r--", modes["/readme.txt"]);
        Assert.Equal("dr-xr-xr-x", modes["/bin"]);
        Assert.Equal("drwxrwxrwt", modes["/java"]);
    }

    [Fact]
    public void WithoutRockRidge_RecordsCarryNoSystemUse()
    {
        var path = _temp.Combine("plain.iso");
        ImageMaster.MasterToFile(image.Sources, path, new MasteringOptions { SourceDateEpoch = s_epoch, RockRidge = false });

        var description = ExternalTool.IsoInfo.RunChecked(["-d", "-i", path]).StdOut;
        Assert.Contains("NO Rock Ridge present", description);
        Assert.DoesNotContain("Rock Ridge signatures", description);
        var iso = new IsoImage(path);
        var descriptor = iso.Descriptor(16);
        var records = iso.Walk(descriptor).ToList();
        records.AddRange(iso.ReadDirectory(descriptor.RootExtent, descriptor.RootDataLength, joliet: false).Take(2));
        foreach (var record in records)
        {
            var identifierLength = record.Identifier is "." or ".." ? 1 : Encoding.ASCII.GetByteCount(record.Identifier);
            Assert.True(record.Length == DirectoryRecord.CalcLength(identifierLength), $"'{record.Path}' ({record.Identifier}) is {record.Length} bytes: it carries System Use bytes");
        }

        var withRockRidge = DiscLayout.Create(image.Tree, image.Options);
        var without = DiscLayout.Create(image.Tree, new MasteringOptions { SourceDateEpoch = s_epoch, RockRidge = false });
        Assert.Equal(0u, without.Primary.ContinuationBlocks);
        Assert.Equal(without.TotalBlocks, new FileInfo(path).Length / 2048);
        Assert.True(withRockRidge.TotalBlocks > without.TotalBlocks);
    }

    [Fact]
    public void WithoutRockRidge_TheImageIsByteForByteWhatItWasBeforeRockRidge()
    {
        // The SHA-256 of this tree's image as the engine wrote it before Rock Ridge existed (same label, same
        // SOURCE_DATE_EPOCH): --no-rock-ridge must keep every byte. A change here must be a deliberate one.
        const string BeforeRockRidge = "b22d369f155602c0c8d7f53e9d6a493398bb415ba957507a21519ae09d19025a";
        var source = _temp.CreateDirectory("golden");
        _temp.WriteFile("golden/a.txt", "alpha\n");
        _temp.WriteFile("golden/Readme.TXT", "Read me.\n");
        _temp.WriteFile("golden/run.sh", "#!/bin/sh\necho run\n");
        _temp.WriteFile("golden/sub/b.bin", [.. Enumerable.Repeat(Enumerable.Range(0, 256).Select(i => (byte)i), 10).SelectMany(b => b)]);
        _temp.WriteFile("golden/empty", []);
        var path = _temp.Combine("golden.iso");

        ImageMaster.MasterToFile([new DiscSource("", source)], path, new MasteringOptions { VolumeLabel = "PLAIN", SourceDateEpoch = s_epoch, RockRidge = false });

        Assert.Equal(BeforeRockRidge, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Metadata_FillsExactlyTheBlocksTheLayoutGives_ForEveryNameLength(bool rockRidge)
    {
        // Names of every length and width, so records end at every offset of a block, some exactly at its end.
        var source = _temp.CreateDirectory($"lengths-{rockRidge}");
        for (var length = 1; length <= 64; length += 3)
        {
            foreach (var (letter, tag) in new[] { ('a', "a"), ('é', "e"), ('語', "j") })
            {
                var folder = Path.Combine(source, $"{tag}{length:D2}");
                Directory.CreateDirectory(folder);
                for (var i = 0; i < 12 + length; i++)
                {
                    var name = i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture) + new string(letter, Math.Max(0, length - 3));
                    File.WriteAllText(Path.Combine(folder, name[..Math.Min(name.Length, 64)]), "x");
                }
            }
        }

        var options = new MasteringOptions { SourceDateEpoch = s_epoch, RockRidge = rockRidge };
        var layout = DiscLayout.Create(DiscTreeBuilder.Build([new DiscSource("", source)], options), options);
        var metadataLength = (int)MetadataWriter.Length(layout);
        var output = new MemoryMetadataOutput(new byte[metadataLength], metadataLength);

        MetadataWriter.Write(layout, options, output, rockRidge ? PosixModes.Resolve(layout.Tree, options.FileModes) : null);

        Assert.Equal(metadataLength, output.Written);
    }

    [Fact]
    public void Layout_PutsContinuationAreasAfterThePrimaryDirectories_NeverAcrossABlock()
    {
        var layout = DiscLayout.Create(image.Tree, image.Options);
        var lastPrimary = layout.Primary.InPathTableOrder.Max(d => d.Extent + (d.Size / 2048));
        var firstJoliet = layout.Joliet.InPathTableOrder.Min(d => d.Extent);

        Assert.Equal(lastPrimary, layout.Primary.FirstContinuationBlock);
        Assert.Equal(layout.Primary.FirstContinuationBlock + layout.Primary.ContinuationBlocks, firstJoliet);
        foreach (var directory in layout.Primary.InPathTableOrder)
        {
            var rockRidge = directory.RockRidge!;
            for (var i = 0; i < rockRidge.RecordCount; i++)
            {
                if (rockRidge.ContinuationLength(i) > 0)
                {
                    Assert.InRange(rockRidge.ContinuationBlock(i), layout.Primary.FirstContinuationBlock, firstJoliet - 1);
                    Assert.True(rockRidge.ContinuationOffset(i) + rockRidge.ContinuationLength(i) <= 2048, "a continuation area crosses a block's end");
                }
            }
        }
    }

    /// <summary>xorriso's listing, mode by Rock Ridge path: unlike isoinfo it shows setuid, setgid and sticky bits.</summary>
    private static Dictionary<string, string> RockRidgeModes(string path)
    {
        var result = ExternalTool.Xorriso.RunChecked(["-indev", path, "-find", "/", "-exec", "lsdl"]);
        var modes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in result.StdOut.Split('\n'))
        {
            if (XorrisoEntry().Match(line) is { Success: true } entry)
            {
                modes[entry.Groups["path"].Value] = entry.Groups["mode"].Value;
            }
        }

        return modes;
    }

    private readonly record struct PxValues(uint Mode, uint Links, uint Uid, uint Gid, uint Serial);

    /// <summary>One directory record where it lies in the image.</summary>
    private readonly record struct RawRecord(long Start, int Length, string Identifier, bool IsDirectory, uint Extent, uint DataLength);

    /// <summary>The records of a primary directory extent, "." and ".." first.</summary>
    private static IEnumerable<RawRecord> Records(IsoImage iso, uint extent, uint dataLength)
    {
        for (var block = 0L; block < dataLength / 2048; block++)
        {
            var offset = 0;
            while (offset < 2048)
            {
                var start = ((extent + block) * 2048) + offset;
                var length = iso.Bytes[start];
                if (length == 0)
                {
                    break;
                }

                Assert.True(offset + length <= 2048, "a record crosses a block's end");
                var identifier = Encoding.ASCII.GetString(iso.Bytes, (int)start + 33, iso.Bytes[start + 32]);
                yield return new RawRecord(
                    start,
                    length,
                    identifier,
                    (iso.Bytes[start + 25] & 0x02) != 0,
                    BinaryPrimitives.ReadUInt32LittleEndian(iso.Bytes.AsSpan((int)start + 2)),
                    BinaryPrimitives.ReadUInt32LittleEndian(iso.Bytes.AsSpan((int)start + 10)));
                offset += length;
            }
        }
    }

    private static PxValues Px(IsoImage iso, RawRecord record)
    {
        var px = Assert.Single(SystemUse(iso, record), e => e.Signature == "PX");
        Assert.Equal(40, px.Data.Length);
        return new(Both(px.Data, 0), Both(px.Data, 8), Both(px.Data, 16), Both(px.Data, 24), Both(px.Data, 32));
    }

    /// <summary>A number recorded in both byte orders, checked to agree.</summary>
    private static uint Both(byte[] data, int offset)
    {
        var little = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(offset));
        Assert.Equal(little, BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(offset + 4)));
        return little;
    }

    /// <summary>The System Use entries of a record, following CE into its continuation area (a few hops at most).</summary>
    private static List<(string Signature, byte[] Data)> SystemUse(IsoImage iso, RawRecord record)
    {
        var identifierLength = iso.Bytes[record.Start + 32];
        var offset = record.Start + DirectoryRecord.SystemUseOffset(identifierLength);
        var end = record.Start + record.Length;
        var entries = new List<(string, byte[])>();
        for (var hops = 0; hops < 4; hops++)
        {
            long next = -1, nextEnd = -1;
            while (end - offset >= 4 && iso.Bytes[offset + 2] >= 4 && offset + iso.Bytes[offset + 2] <= end)
            {
                var length = iso.Bytes[offset + 2];
                var signature = Encoding.ASCII.GetString(iso.Bytes, (int)offset, 2);
                var data = iso.Bytes.AsSpan((int)offset + 4, length - 4).ToArray();
                entries.Add((signature, data));
                if (signature == "CE")
                {
                    next = ((long)Both(data, 0) * 2048) + Both(data, 8);
                    nextEnd = next + Both(data, 16);
                }

                offset += length;
            }

            Assert.True(offset == end || end - offset < 4, $"the System Use bytes of '{record.Identifier}' end inside an entry");
            if (next < 0)
            {
                return entries;
            }

            (offset, end) = (next, nextEnd);
        }

        return entries;
    }

    /// <summary>"-r-xr-xr-x    1 0        0              64 Nov 14  2023 '/bin/tool'"</summary>
    [GeneratedRegex(@"^(?<mode>[d-][rwxsStT-]{9})\s.*? '(?<path>/.*)'$")]
    private static partial Regex XorrisoEntry();
}
