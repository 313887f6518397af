using System.Buffers;
using Microsoft.Win32.SafeHandles;

namespace DiscMastering.Imapi.Verification;

/// <summary>
/// Compares a file on the image with its source in fixed chunks, so a 4 GiB file costs two buffers and
/// nothing more; stops at the first differing byte.
/// </summary>
internal static class ContentComparer
{
    private const int ChunkSize = 256 * 1024;

    /// <summary>
    /// The source's size now, the first byte that differs (null when content and size are equal; the shorter
    /// length when one file is a prefix of the other) and the bytes compared.
    /// </summary>
    /// <remarks>
    /// Bytes in <paramref name="ignored"/> (the boot-info table the writer patches into a BIOS boot image's
    /// copy) are taken from the source, so they never differ.
    /// </remarks>
    public static (long SourceLength, long? Offset, long BytesCompared) Compare(Stream image, long imageLength, string sourcePath, CancellationToken cancellationToken, (long Start, int Length)? ignored = null)
    {
        using var source = OpenSource(sourcePath);
        var sourceLength = RandomAccess.GetLength(source);
        var common = Math.Min(sourceLength, imageLength);
        var fromSource = ArrayPool<byte>.Shared.Rent(ChunkSize);
        var fromImage = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            long position = 0;
            while (position < common)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var count = (int)Math.Min(ChunkSize, common - position);
                var sourceRead = ReadSource(source, sourcePath, fromSource.AsSpan(0, count), position);
                var imageRead = image.ReadAtLeast(fromImage.AsSpan(0, count), count, throwOnEndOfStream: false);
                var read = Math.Min(sourceRead, imageRead);
                if (ignored is { } range)
                {
                    var start = Math.Max(position, range.Start);
                    var end = Math.Min(position + read, range.Start + range.Length);
                    if (start < end)
                    {
                        fromSource.AsSpan((int)(start - position), (int)(end - start)).CopyTo(fromImage.AsSpan((int)(start - position)));
                    }
                }

                var same = fromSource.AsSpan(0, read).CommonPrefixLength(fromImage.AsSpan(0, read));
                if (same < count)
                {
                    // A byte differs, or the source shrank since its size was read.
                    return (sourceLength, position + same, position + same);
                }

                position += count;
            }

            return (sourceLength, sourceLength == imageLength ? null : common, common);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(fromSource);
            ArrayPool<byte>.Shared.Return(fromImage);
        }
    }

    private static SafeFileHandle OpenSource(string path)
    {
        try
        {
            return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new DiscMasteringException(
                DiscMasteringError.SourceNotFound,
                $"the source file '{path}' disappeared while the image was verified; stop whatever deletes it and verify again.",
                e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unreadable(path, e);
        }
    }

    /// <summary>Fills <paramref name="buffer"/> unless the file ends first; returns the bytes read.</summary>
    private static int ReadSource(SafeFileHandle source, string path, Span<byte> buffer, long offset)
    {
        var total = 0;
        try
        {
            while (total < buffer.Length)
            {
                var read = RandomAccess.Read(source, buffer[total..], offset + total);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unreadable(path, e);
        }

        return total;
    }

    private static DiscMasteringException Unreadable(string path, Exception e) =>
        new(DiscMasteringError.Unreadable, $"the source file '{path}' cannot be read ({e.Message}); give the user read access, or leave it out of the sources.", e);
}
