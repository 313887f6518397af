using DiscMastering.Imapi.Iso9660;
using DiscMastering.Imapi.Sources;

namespace DiscMastering.Imapi.Tests.TestSupport;

/// <summary>
/// A source tree mastered once per test class with default options, with the <see cref="DiscTree"/> that the
/// same sources and options give: its nodes carry each file's Joliet path and primary (ISO 9660) path.
/// </summary>
public abstract class MasteredTreeFixture : IDisposable
{
    private readonly TempDirectory _temp;
    private int _workFolders;

    protected MasteredTreeFixture(string name, string volumeLabel, Action<string> createSource)
    {
        _temp = new($"discmastering-{name}-");
        SourceRoot = _temp.Combine("source");
        createSource(SourceRoot);
        Options = new MasteringOptions
        {
            VolumeLabel = volumeLabel,
            SourceDateEpoch = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000),
        };
        Sources = [new DiscSource("", SourceRoot)];
        ImagePath = _temp.Combine($"{name}.iso");
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

    public void Dispose()
    {
        _temp.Dispose();
        GC.SuppressFinalize(this);
    }
}
