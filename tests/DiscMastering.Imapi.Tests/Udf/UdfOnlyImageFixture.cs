using DiscMastering.Imapi.Iso9660;
using DiscMastering.Imapi.Tests.TestSupport;

namespace DiscMastering.Imapi.Tests.Udf;

/// <summary>The awkward tree written once as a UDF-only image, for the readers' tests.</summary>
public sealed class UdfOnlyImageFixture : IDisposable
{
    private readonly TempDirectory _temp = new("discmastering-udf-");
    private int _workFolders;

    public UdfOnlyImageFixture()
    {
        SourceRoot = _temp.Combine("source");
        AwkwardTree.Create(SourceRoot);
        Options = new MasteringOptions
        {
            VolumeLabel = "AWKWARD UDF",
            SourceDateEpoch = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000),
        };
        var result = UdfOnlyImage.Write(SourceRoot, _temp.Combine("awkward-udf.img"), Options);
        ImagePath = result.ImagePath;
        Tree = result.Tree;
    }

    public string SourceRoot { get; }

    public MasteringOptions Options { get; }

    public string ImagePath { get; }

    internal DiscTree Tree { get; }

    /// <summary>An empty folder of its own for one test.</summary>
    public string NewWorkFolder(string name) => _temp.CreateDirectory($"{name}-{Interlocked.Increment(ref _workFolders)}");

    public void Dispose() => _temp.Dispose();
}
