using DiscMastering.Imapi.Iso9660;
using DiscMastering.Imapi.Sources;

namespace DiscMastering.Imapi.Tests.TestSupport;

/// <summary>The <see cref="RockRidgeTree"/> mastered once per test class with default options (Rock Ridge on).</summary>
public sealed class RockRidgeImageFixture : IDisposable
{
    private readonly TempDirectory _temp = new("discmastering-rockridge-");
    private int _workFolders;

    public RockRidgeImageFixture()
    {
        SourceRoot = _temp.Combine("source");
        AwkwardTree.Create(SourceRoot, RockRidgeTree.Entries());
        Options = new MasteringOptions
        {
            VolumeLabel = "ROCKRIDGE",
            SourceDateEpoch = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000),
        };
        Sources = [new DiscSource("", SourceRoot)];
        ImagePath = _temp.Combine("rockridge.iso");
        Summary = ImageMaster.MasterToFile(Sources, ImagePath, Options);
        Tree = DiscTreeBuilder.Build(Sources, Options);
    }

    public string SourceRoot { get; }

    public IReadOnlyList<DiscSource> Sources { get; }

    public MasteringOptions Options { get; }

    public string ImagePath { get; }

    public MasteringSummary Summary { get; }

    public DiscTree Tree { get; }

    /// <summary>The folders below the root.</summary>
    public IEnumerable<DiscDirectory> Folders => Tree.Directories.Where(d => d.Parent is not null);

    /// <summary>A new empty folder for one test's output.</summary>
    public string NewWorkFolder(string name) => _temp.CreateDirectory("work", $"{name}-{Interlocked.Increment(ref _workFolders)}");

    public void Dispose() => _temp.Dispose();
}
