using System.Buffers;
using System.Diagnostics;
using DiscMastering.Imapi.Iso9660.Reading;

namespace DiscMastering.Imapi.Extraction;

/// <summary>
/// Writes an image's files and folders into a folder, with their recorded dates. The image is untrusted:
/// every name is checked, and every path it maps to in the target folder, before anything is written, so a
/// refused extraction leaves the target as it was. Files are written under a temporary name created
/// exclusively (never through an existing link) and renamed into place; data is streamed through one buffer.
/// </summary>
public static partial class ImageExtractor
{
    private const int BufferSize = 1 << 20;

    /// <summary>Progress is reported at most this often within a file, so a large file does not flood a log.</summary>
    private static readonly TimeSpan s_progressInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>The tree with the richest names the image holds: Joliet's when present, else Rock Ridge's when present, else the primary tree.</summary>
    public static ExtractionTree RichestTree(IsoImageReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.DefaultTree switch
        {
            IsoTree.Joliet => ExtractionTree.Joliet,
            IsoTree.RockRidge => ExtractionTree.RockRidge,
            _ => ExtractionTree.Primary,
        };
    }

    /// <summary>The reader's name for an extraction tree.</summary>
    internal static IsoTree ToIsoTree(ExtractionTree tree) => tree switch
    {
        ExtractionTree.Joliet => IsoTree.Joliet,
        ExtractionTree.RockRidge => IsoTree.RockRidge,
        _ => IsoTree.Primary,
    };

    /// <summary>
    /// Extracts <paramref name="imagePath"/> into <paramref name="targetFolder"/> (created if missing). Fails with
    /// <see cref="DiscMasteringError.ImageNotFound"/>, <see cref="DiscMasteringError.InvalidImage"/>, or the
    /// extraction codes 2013 to 2018; all but a write failure are found before anything is written.
    /// </summary>
    public static ExtractionSummary Extract(
        string imagePath,
        string targetFolder,
        ExtractionOptions options,
        IProgress<ExtractionProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(imagePath);
        ArgumentException.ThrowIfNullOrEmpty(targetFolder);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        using var reader = IsoImageReader.Open(imagePath);
        var tree = options.Tree ?? RichestTree(reader);
        var target = Path.GetFullPath(targetFolder);
        var plan = Plan(reader, tree, target, options, cancellationToken);

        try
        {
            Directory.CreateDirectory(target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ExtractionErrors.WriteFailed(target, e, 0);
        }

        var folders = plan.Where(e => e.IsDirectory).ToList();
        var files = plan.Where(e => !e.IsDirectory && !e.Source.IsSymbolicLink).ToList();
        var links = plan.Where(e => e.Source.IsSymbolicLink).ToList();
        foreach (var folder in folders)
        {
            CreateFolder(folder, target);
        }

        var bytesTotal = files.Sum(f => f.Source.Length);
        var bytesDone = 0L;
        var filesDone = 0;
        progress?.Report(new ExtractionProgress(0, bytesTotal, 0, files.Count));
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            var lastReport = Stopwatch.StartNew();
            foreach (var file in files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                WriteFile(reader, file, target, options.Overwrite, buffer, filesDone, written =>
                {
                    bytesDone += written;
                    if (progress is not null && lastReport.Elapsed >= s_progressInterval)
                    {
                        lastReport.Restart();
                        progress.Report(new ExtractionProgress(bytesDone, bytesTotal, filesDone, files.Count));
                    }
                }, cancellationToken);
                filesDone++;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        progress?.Report(new ExtractionProgress(bytesDone, bytesTotal, filesDone, files.Count));

        // Links come after every file, so nothing is ever written through one.
        foreach (var link in links)
        {
            cancellationToken.ThrowIfCancellationRequested();
            CreateLink(link, target, options.Overwrite, filesDone);
            filesDone++;
        }

        // Writing into a folder changes its date: folders get theirs last, the deepest first.
        foreach (var folder in folders.OrderByDescending(f => f.Segments.Length))
        {
            var path = folder.TargetPath(target);
            SetDate(path, folder, filesDone, isDirectory: true);
        }

        return new ExtractionSummary(imagePath, target, tree, files.Count + links.Count, folders.Count, bytesTotal, clock.Elapsed);
    }

    /// <summary>
    /// Creates a Rock Ridge symbolic link with its target as recorded. It is never followed: nothing is
    /// written after it, and its date is not set (that would date its target instead).
    /// </summary>
    private static void CreateLink(ExtractionEntry link, string target, bool overwrite, int filesDone)
    {
        var path = link.TargetPath(target);
        try
        {
            if (overwrite && (File.Exists(path) || IsLink(path)))
            {
                File.Delete(path);
            }

            File.CreateSymbolicLink(path, link.Source.LinkTarget!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ExtractionErrors.WriteFailed(path, e, filesDone);
        }
    }

    /// <summary>Creates one folder (its parent exists by now) and makes sure no link was slipped in its place.</summary>
    private static void CreateFolder(ExtractionEntry folder, string target)
    {
        var path = folder.TargetPath(target);
        try
        {
            Directory.CreateDirectory(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw ExtractionErrors.WriteFailed(path, e, 0);
        }

        if (IsLink(path))
        {
            throw ExtractionErrors.Link(path, folder, written: false);
        }
    }

    /// <summary>
    /// Streams one file into a temporary name created exclusively beside it (CreateNew never opens an existing
    /// link), dates it, then renames it into place: replacing atomically with <paramref name="overwrite"/>.
    /// </summary>
    private static void WriteFile(IsoImageReader reader, ExtractionEntry file, string target, bool overwrite, byte[] buffer, int filesDone, Action<long> advanced, CancellationToken cancellationToken)
    {
        var path = file.TargetPath(target);
        var folder = Path.GetDirectoryName(path)!;
        for (var ancestor = file.Parent; ancestor is not null; ancestor = ancestor.Parent)
        {
            // The folders were checked before writing began; a link put in since must not be written through.
            if (IsLink(ancestor.TargetPath(target)))
            {
                throw ExtractionErrors.Link(ancestor.TargetPath(target), file, written: true);
            }
        }

        var temporary = Path.Combine(folder, $".discmaster-{Guid.NewGuid():N}.tmp");
        try
        {
            var written = 0L;
            using (var output = new FileStream(temporary, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 0 }))
            using (var input = reader.OpenRead(file.Source))
            {
                int read;
                while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    output.Write(buffer, 0, read);
                    written += read;
                    advanced(read);
                }
            }

            if (written != file.Source.Length)
            {
                throw ExtractionErrors.Truncated(reader.ImagePath, file, written);
            }

            SetDate(temporary, file, filesDone, isDirectory: false);
            File.Move(temporary, path, overwrite);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            if (!overwrite && File.Exists(path))
            {
                throw ExtractionErrors.Exists(path, file, written: true);
            }

            throw ExtractionErrors.WriteFailed(path, e, filesDone);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void SetDate(string path, ExtractionEntry entry, int filesDone, bool isDirectory)
    {
        try
        {
            var date = entry.Modified.UtcDateTime;
            if (isDirectory)
            {
                Directory.SetLastWriteTimeUtc(path, date);
            }
            else
            {
                File.SetLastWriteTimeUtc(path, date);
            }

            if (entry.Mode is { } mode && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, mode);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException)
        {
            throw ExtractionErrors.WriteFailed(path, e, filesDone);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the original error is the one to report.
        }
    }

    /// <summary>True when <paramref name="path"/> itself is a symbolic link or junction (not followed: lstat).</summary>
    private static bool IsLink(string path) => new FileInfo(path).LinkTarget is not null;
}
