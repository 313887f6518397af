using System.Diagnostics;
using DiscMastering.Imapi.ElTorito;
using DiscMastering.Imapi.Sources;

namespace DiscMastering.Imapi.Iso9660;

/// <summary>Masters sources into an ISO 9660 + Joliet image: a file (scan, lay out, write, rename) or a stream read on demand.</summary>
public static class ImageMaster
{
    /// <summary>
    /// Masters <paramref name="sources"/> into <paramref name="imagePath"/>. Nothing is written before the tree
    /// and the layout pass their checks (names, capacity); the image appears only when complete.
    /// </summary>
    public static MasteringSummary MasterToFile(
        IReadOnlyList<DiscSource> sources,
        string imagePath,
        MasteringOptions options,
        IProgress<MasteringProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(imagePath);
        ArgumentNullException.ThrowIfNull(options);
        var stopwatch = Stopwatch.StartNew();
        var target = Path.GetFullPath(imagePath);
        CheckVolumeLabel(options.VolumeLabel);
        BootChecks.CheckOptions(options.Boot);
        CheckFileModes(options);
        CheckNotInsideSources(sources, target);
        if (Directory.Exists(target))
        {
            throw new DiscMasteringException(
                DiscMasteringError.OutputNotWritable,
                $"the image path '{target}' is a folder; name a file, such as {Path.Combine(target, "disc.iso")}.");
        }


        progress?.Report(new MasteringProgress(MasteringPhase.Scanning, 0, 0, 0, 0));
        var tree = DiscTreeBuilder.Build(sources, options, cancellationToken);
        progress?.Report(new MasteringProgress(MasteringPhase.Layout, 0, 0, 0, tree.Files.Count));
        var layout = DiscLayout.Create(tree, options);
        var boot = BootContent.Read(layout, cancellationToken);

        using (var image = ImageFile.Create(target))
        {
            ImageWriter.Write(layout, options, image.Handle, progress, cancellationToken, boot);
            image.Commit();
        }

        return new MasteringSummary(target, tree.Files.Count, tree.Directories.Count - 1, tree.TotalFileBytes, layout.ImageBytes, stopwatch.Elapsed);
    }

    /// <summary>
    /// Masters <paramref name="sources"/> into a read-only, seekable stream of the image, for a recorder that
    /// takes blocks: the same checks, scan and layout as <see cref="MasterToFile"/>, with no image file.
    /// File data is read from the sources as the stream is read; <paramref name="progress"/> hears of reads
    /// and <paramref name="cancellationToken"/> cancels them too. The caller disposes the stream.
    /// </summary>
    public static ImageStream MasterToStream(
        IReadOnlyList<DiscSource> sources,
        MasteringOptions options,
        IProgress<MasteringProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(options);
        CheckVolumeLabel(options.VolumeLabel);
        BootChecks.CheckOptions(options.Boot);
        CheckFileModes(options);

        progress?.Report(new MasteringProgress(MasteringPhase.Scanning, 0, 0, 0, 0));
        var tree = DiscTreeBuilder.Build(sources, options, cancellationToken);
        progress?.Report(new MasteringProgress(MasteringPhase.Layout, 0, 0, 0, tree.Files.Count));
        var layout = DiscLayout.Create(tree, options);
        CheckMetadataFitsMemory(layout);
        var boot = BootContent.Read(layout, cancellationToken);
        return new ImageStream(layout, options, progress, cancellationToken, boot);
    }

    /// <summary>The stream serves the folders and names from one array (UDF's file entries aside); only millions of files make it this large.</summary>
    private static void CheckMetadataFitsMemory(DiscLayout layout)
    {
        var (udfStart, udfEnd) = MetadataWriter.UdfFileSystemRange(layout);
        var bytes = MetadataWriter.Length(layout) - (udfEnd - udfStart);
        if (bytes > Array.MaxLength)
        {
            throw new DiscMasteringException(
                DiscMasteringError.ExceedsCapacity,
                $"the image's folders and names take {bytes:N0} bytes, more than a stream can hold in memory ({Array.MaxLength:N0}); master to a file instead, or split the files over several discs.");
        }
    }

    /// <summary>The Joliet volume identifier holds 16 UCS-2 characters; Windows shows it, so it is never cut silently.</summary>
    private static void CheckVolumeLabel(string label)
    {
        if (label.Length == 0 || label.Length > IsoConstants.JolietVolumeIdLength || JolietNaming.FirstForbidden(label) is not null)
        {
            throw new DiscMasteringException(
                DiscMasteringError.InvalidVolumeText,
                $"the volume label '{label}' must be 1 to {IsoConstants.JolietVolumeIdLength} characters without * / : ; ? \\ or control characters (Joliet's limit); choose a shorter label.");
        }
    }

    /// <summary>Modes live in Rock Ridge entries: rules for an image without them would be dropped silently.</summary>
    private static void CheckFileModes(MasteringOptions options)
    {
        if (!options.RockRidge && options.FileModes.Count > 0)
        {
            throw new DiscMasteringException(
                DiscMasteringError.FileModesWithoutRockRidge,
                $"file mode rules ({string.Join(", ", options.FileModes)}) were given but Rock Ridge is off, and only Rock Ridge records modes; drop --no-rock-ridge or the --file-mode rules.");
        }
    }

    /// <summary>An image inside its own source folder would try to master itself; links are resolved first.</summary>
    private static void CheckNotInsideSources(IReadOnlyList<DiscSource> sources, string target)
    {
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        target = CanonicalPath.Of(target);
        foreach (var source in sources)
        {
            var local = CanonicalPath.Of(source.LocalPath);
            // A root ("/", "C:\\") already ends with its separator.
            var folder = Path.EndsInDirectorySeparator(local) ? local : local + Path.DirectorySeparatorChar;
            var isInside = string.Equals(local, target, comparison)
                || (Directory.Exists(local) && target.StartsWith(folder, comparison));
            if (isInside)
            {
                throw new DiscMasteringException(
                    DiscMasteringError.ImageInsideSource,
                    $"the image '{target}' would be written inside the source '{local}', so it would master itself; write it outside that folder with -o.");
            }
        }
    }
}
