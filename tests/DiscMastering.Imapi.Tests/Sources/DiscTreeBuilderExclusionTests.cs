using DiscMastering.Imapi.Iso9660;
using DiscMastering.Imapi.Sources;
using DiscMastering.Imapi.Tests.TestSupport;

namespace DiscMastering.Imapi.Tests.Sources;

/// <summary><see cref="MasteringOptions.Exclude"/> and <see cref="MasteringOptions.Preset"/> in <see cref="DiscTreeBuilder"/>.</summary>
public sealed class DiscTreeBuilderExclusionTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void ExcludedFilesAndFoldersAreLeftOff()
    {
        var source = _temp.CreateDirectory("source");
        _temp.WriteFile("source/app.dll", "x");
        _temp.WriteFile("source/app.pdb", "x");
        _temp.WriteFile("source/lib/deep/x.pdb", "x");
        _temp.WriteFile("source/lib/deep/x.dll", "x");
        _temp.WriteFile("source/obj/cache.bin", "x");

        var tree = Build(source, "**/*.pdb", "obj/");

        Assert.Equal(["/app.dll", "/lib/deep/x.dll"], tree.Files.Select(f => f.DiscPath).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(tree.Directories, d => d.Name == "obj");
    }

    [Fact]
    public void AnExcludedNameJolietCannotHoldIsNoProblem()
    {
        var source = _temp.CreateDirectory("source");
        _temp.WriteFile("source/bad:name.txt", "x");
        _temp.WriteFile("source/12:30/inside.txt", "x");
        _temp.WriteFile("source/good.txt", "x");

        var tree = Build(source, "bad:name.txt", "12:30");

        Assert.Equal("/good.txt", Assert.Single(tree.Files).DiscPath);
    }

    [Fact]
    public void AnExcludedFileOverFourGibibytesIsNoProblem()
    {
        var source = _temp.CreateDirectory("source");
        using (var stream = File.Create(Path.Combine(source, "huge.iso")))
        {
            stream.SetLength(uint.MaxValue + 1L);
        }

        _temp.WriteFile("source/small.txt", "x");

        var tree = Build(source, "**/*.iso");

        Assert.Equal("/small.txt", Assert.Single(tree.Files).DiscPath);
    }

    [Fact]
    public void GraftPointsAreMatchedAtTheirDiscPath()
    {
        var docs = _temp.CreateDirectory("docs");
        _temp.WriteFile("docs/guide.txt", "x");
        var single = _temp.WriteFile("notes.pdb", "x");
        var kept = _temp.WriteFile("kept.txt", "x");
        var options = new MasteringOptions { Exclude = ["manual/", "**/*.pdb"] };

        var tree = DiscTreeBuilder.Build(
            [new DiscSource("manual/en", docs), new DiscSource("extra/notes.pdb", single), new DiscSource("", kept)],
            options);

        Assert.Equal(["/kept.txt"], tree.Files.Select(f => f.DiscPath));
    }

    [Fact]
    public void ExcludeIsCaseSensitive()
    {
        var source = _temp.CreateDirectory("source");
        _temp.WriteFile("source/A.PDB", "x");

        Assert.Single(Build(source, "*.pdb").Files);
    }

    [Fact]
    public void ACloudInitSeedNeedsUserDataAndMetaDataAtTheRoot()
    {
        var source = _temp.CreateDirectory("seed");
        _temp.WriteFile("seed/user-data", "#cloud-config\n");
        _temp.WriteFile("seed/sub/meta-data", "instance-id: x\n");
        var options = new MasteringOptions { Preset = MasteringPreset.CloudInit, VolumeLabel = CloudInitSeed.VolumeLabel };

        var e = Assert.Throws<DiscMasteringException>(() => DiscTreeBuilder.Build([new DiscSource("", source)], options));

        Assert.Equal(DiscMasteringError.CloudInitSeedIncomplete, e.Error);
        Assert.Contains("meta-data", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACloudInitSeedMayHoldOtherFiles()
    {
        var source = _temp.CreateDirectory("seed");
        _temp.WriteFile("seed/user-data", "#cloud-config\n");
        _temp.WriteFile("seed/meta-data", "instance-id: x\n");
        _temp.WriteFile("seed/network-config", "version: 2\n");
        _temp.WriteFile("seed/README", "ignored by cloud-init\n");
        var options = new MasteringOptions { Preset = MasteringPreset.CloudInit, VolumeLabel = CloudInitSeed.VolumeLabel };

        Assert.Equal(4, DiscTreeBuilder.Build([new DiscSource("", source)], options).Files.Count);
    }

    private static DiscTree Build(string source, params string[] exclude) =>
        DiscTreeBuilder.Build([new DiscSource("", source)], new MasteringOptions { Exclude = exclude });
}
