using DiscMastering.Imapi.Iso9660;
using DiscMastering.Imapi.Sources;
using DiscMastering.Imapi.Tests.TestSupport;

namespace DiscMastering.Imapi.Tests.Udf;

/// <summary>The awkward tree mastered once as a UDF bridge image (ISO 9660 + Joliet + Rock Ridge + UDF) under a fixed SOURCE_DATE_EPOCH.</summary>
public sealed class BridgeImageFixture : IDisposable
{
    private readonly TempDirectory _temp = new("discmastering-bridge-");
    private int _workFolders;

    public BridgeImageFixture()
    {
        SourceRoot = _temp.Combine("source");
        AwkwardTree.Create(SourceRoot);
        Options = Bridge("AWKWARD UDF");
        Sources = [new DiscSource("", SourceRoot)];
        ImagePath = _temp.Combine("awkward-bridge.iso");
        ImageMaster.MasterToFile(Sources, ImagePath, Options);
        PlainImagePath = _temp.Combine("awkward-plain.iso");
        ImageMaster.MasterToFile(Sources, PlainImagePath, new MasteringOptions { VolumeLabel = Options.VolumeLabel, SourceDateEpoch = Options.SourceDateEpoch });
        Tree = DiscTreeBuilder.Build(Sources, Options);
    }

    public string SourceRoot { get; }

    public IReadOnlyList<DiscSource> Sources { get; }

    public MasteringOptions Options { get; }

    public string ImagePath { get; }

    /// <summary>The same tree without UDF, to measure what UDF adds.</summary>
    public string PlainImagePath { get; }

    internal DiscTree Tree { get; }

    /// <summary>Bridge options under a fixed SOURCE_DATE_EPOCH.</summary>
    public static MasteringOptions Bridge(string label) => new()
    {
        VolumeLabel = label,
        SourceDateEpoch = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000),
        Udf = true,
    };

    /// <summary>An empty folder of its own for one test.</summary>
    public string NewWorkFolder(string name) => _temp.CreateDirectory($"{name}-{Interlocked.Increment(ref _workFolders)}");

    public void Dispose() => _temp.Dispose();
}
