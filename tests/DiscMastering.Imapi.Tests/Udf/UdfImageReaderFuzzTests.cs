using DiscMastering.Imapi.Iso9660;
using DiscMastering.Imapi.Tests.TestSupport;
using DiscMastering.Imapi.Udf;
using DiscMastering.Imapi.Udf.Reading;
using Xunit.Sdk;

namespace DiscMastering.Imapi.Tests.Udf;

/// <summary>
/// Random damage to the UDF structures, with the tags made valid again so the parsers see the damage:
/// every outcome is a successful read or a <see cref="DiscMasteringException"/>, never another exception.
/// </summary>
public sealed class UdfImageReaderFuzzTests
{
    [Fact]
    public void RandomDamage_EndsInADmErrorOrARead()
    {
        using var temp = new TempDirectory();
        var source = temp.CreateDirectory("source");
        temp.WriteFile("source/a/b/deep.txt", "deep\n");
        temp.WriteFile("source/a/two-blocks.bin", new byte[4000]);
        temp.WriteFile("source/日本語.txt", "名前\n");
        for (var i = 0; i < 40; i++)
        {
            temp.WriteFile($"source/many/file {i:D2}.txt", $"{i}\n");
        }

        var pristine = UdfOnlyImage.Write(source, temp.Combine("pristine.img"), new MasteringOptions { VolumeLabel = "FUZZ" });
        var original = File.ReadAllBytes(pristine.ImagePath);
        var structures = Enumerable.Range((int)pristine.Layout.MainSequenceBlock, 6)
            .Concat(Enumerable.Range((int)pristine.Layout.IntegrityBlock, 1))
            .Concat(Enumerable.Range((int)pristine.Layout.FileSystemBlock, (int)pristine.Layout.FileSystemBlocks))
            .Append((int)UdfConstants.AnchorBlock)
            .ToArray();
        var path = temp.Combine("damaged.img");
        var random = new Random(167);
        var outcomes = new Dictionary<string, int>();
        for (var round = 0; round < 400; round++)
        {
            var bytes = (byte[])original.Clone();
            var block = structures[random.Next(structures.Length)];
            var descriptor = bytes.AsSpan(block * UdfConstants.BlockSize, UdfConstants.BlockSize);
            var tagged = DescriptorTag.TryRead(descriptor, out var tag);
            for (var flips = random.Next(1, 4); flips > 0; flips--)
            {
                var at = random.Next(16, tagged ? 16 + tag.CrcLength : UdfConstants.BlockSize);
                descriptor[at] = random.Next(3) switch { 0 => 0xFF, 1 => 0, _ => (byte)random.Next(256) };
            }

            if (tagged)
            {
                DescriptorTag.Write(descriptor[..(16 + tag.CrcLength)], tag.Identifier, tag.Location);
            }

            File.WriteAllBytes(path, bytes);
            string outcome;
            try
            {
                using var reader = UdfImageReader.Open(path);
                foreach (var entry in reader.Walk().Where(e => !e.IsDirectory && e.Length < (64 << 20)))
                {
                    using var data = reader.OpenRead(entry);
                    data.CopyTo(Stream.Null);
                }

                outcome = "read";
            }
            catch (DiscMasteringException e)
            {
                outcome = e.Error.ToString();
            }
            catch (Exception e)
            {
                throw new XunitException($"round {round}, block {block}: {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
            }

            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        Assert.True(outcomes.ContainsKey(nameof(DiscMasteringError.DamagedUdfImage)), string.Join(", ", outcomes));
    }
}
