using DiscMastering.Imapi.ElTorito;
using DiscMastering.Imapi.Iso9660;
using DiscMastering.Imapi.Iso9660.Reading;
using DiscMastering.Imapi.Sources;

namespace DiscMastering.Imapi.Verification;

/// <summary>
/// Compares an image's trees and every file's content with the tree its sources give: the Joliet tree by
/// the sources' own names, the primary tree by the names the engine maps them to. Content is read in
/// bounded chunks from the image and the source, so memory does not grow with the files' sizes.
/// </summary>
public static class TreeVerifier
{
    /// <summary>
    /// Opens <paramref name="imagePath"/>, builds the tree <paramref name="sources"/> give with
    /// <paramref name="options"/> (as <c>image</c> would) and compares them. An image that cannot be read
    /// fails with the reader's code; a missing source with <see cref="DiscMasteringError.SourceNotFound"/>.
    /// Differences are not failures: they are the report.
    /// </summary>
    public static VerificationReport Verify(
        string imagePath,
        IReadOnlyList<DiscSource> sources,
        MasteringOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(imagePath);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(options);
        using var reader = IsoImageReader.Open(imagePath);
        var expected = DiscTreeBuilder.Build(sources, options, cancellationToken);
        var patched = options.Boot is { BootInfoTable: true, BiosBootPath: { } bios } ? BootLayout.Find(expected, bios) : null;
        return Verify(reader, expected, cancellationToken, patched);
    }

    /// <summary>Compares an image's Joliet and Rock Ridge trees (when it has them) and primary tree with <paramref name="expected"/>.</summary>
    public static VerificationReport Verify(IsoImageReader reader, DiscTree expected, CancellationToken cancellationToken = default) =>
        Verify(reader, expected, cancellationToken, bootInfoTableFile: null);

    private static VerificationReport Verify(IsoImageReader reader, DiscTree expected, CancellationToken cancellationToken, DiscFile? bootInfoTableFile)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(expected);
        var trees = new List<IImageTree>();
        if (IsoImageTree.Joliet(reader) is { } joliet)
        {
            trees.Add(joliet);
        }

        if (IsoImageTree.RockRidge(reader) is { } rockRidge)
        {
            trees.Add(rockRidge);
        }

        trees.Add(IsoImageTree.Primary(reader));
        return Verify(expected, trees, cancellationToken, bootInfoTableFile);
    }

    /// <summary>
    /// Compares each of <paramref name="trees"/> with <paramref name="expected"/>, in order. A finding that
    /// several trees share (the same source file, the same data on the image) is reported once, by the first.
    /// </summary>
    public static VerificationReport Verify(DiscTree expected, IReadOnlyList<IImageTree> trees, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(trees);
        return Verify(expected, trees, cancellationToken, bootInfoTableFile: null);
    }

    private static VerificationReport Verify(DiscTree expected, IReadOnlyList<IImageTree> trees, CancellationToken cancellationToken, DiscFile? bootInfoTableFile)
    {
        var run = new VerificationRun(expected, cancellationToken, bootInfoTableFile);
        foreach (var tree in trees)
        {
            run.Compare(tree);
        }

        return run.Report(trees.Select(t => t.Name).ToList());
    }
}
