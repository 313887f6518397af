using DiscMastering.Imapi.Iso9660;
using DiscMastering.Imapi.Sources;
using DiscMastering.Imapi.Udf;

namespace DiscMastering.Imapi.Tests.TestSupport;

/// <summary>
/// A UDF-only image made with the engine's <see cref="UdfLayout"/> and <see cref="UdfWriter"/>, so UDF readers
/// can be tried on it before UDF joins the ISO 9660 image: the System Area, the recognition sequence at 16,
/// the volume descriptors, the anchor at 256, the file system from 257, the file data, and the last anchor.
/// </summary>
internal static class UdfOnlyImage
{
    private const int BlockSize = UdfConstants.BlockSize;

    /// <summary>What was written and where.</summary>
    public sealed record Result(string ImagePath, DiscTree Tree, UdfLayout Layout, uint[] FileBlocks, long TotalBlocks);

    /// <summary>Masters <paramref name="sourceRoot"/> into <paramref name="imagePath"/>; all-zero stretches of file data are left as holes so huge sparse sources stay cheap.</summary>
    /// <param name="lastBlockTaken">Fill the last blocks with a stand-in for a GPT backup, so the second anchor goes to the last block less 256.</param>
    public static Result Write(string sourceRoot, string imagePath, MasteringOptions options, uint maxExtentLength = UdfConstants.MaxExtentLength, bool lastBlockTaken = false)
    {
        var tree = DiscTreeBuilder.Build([new DiscSource("", sourceRoot)], options);
        const uint recognition = 16;
        var descriptors = recognition + UdfLayout.RecognitionBlocks;
        var layout = UdfLayout.Create(tree, recognition, descriptors, UdfConstants.AnchorBlock + 1, maxExtentLength);

        var fileBlocks = new uint[tree.Files.Count];
        long cursor = layout.FileSystemEnd;
        foreach (var file in tree.Files)
        {
            fileBlocks[file.Index] = (uint)cursor;
            cursor += UdfLayout.BlocksFor(file.Length);
        }

        var partitionEnd = (uint)cursor;
        var totalBlocks = cursor + UdfLayout.TrailerBlocks(lastBlockTaken);
        var secondAnchor = UdfLayout.SecondAnchorBlock(totalBlocks, lastBlockTaken);
        var writer = new UdfWriter(layout, new UdfVolume(options.VolumeLabel, options.VolumeDate, f => fileBlocks[f.Index], partitionEnd));

        using var image = new FileStream(imagePath, FileMode.Create, FileAccess.Write);
        image.SetLength(totalBlocks * BlockSize);

        var buffer = new byte[Math.Max(UdfLayout.VolumeDescriptorBlocks, UdfLayout.RecognitionBlocks) * BlockSize];
        writer.WriteVolumeRecognition(buffer.AsSpan(0, UdfLayout.RecognitionBlocks * BlockSize));
        WriteAt(image, recognition, buffer.AsSpan(0, UdfLayout.RecognitionBlocks * BlockSize));
        writer.WriteVolumeDescriptors(buffer.AsSpan(0, UdfLayout.VolumeDescriptorBlocks * BlockSize));
        WriteAt(image, descriptors, buffer.AsSpan(0, UdfLayout.VolumeDescriptorBlocks * BlockSize));
        writer.WriteAnchor(buffer.AsSpan(0, BlockSize), UdfConstants.AnchorBlock);
        WriteAt(image, UdfConstants.AnchorBlock, buffer.AsSpan(0, BlockSize));
        writer.WriteAnchor(buffer.AsSpan(0, BlockSize), secondAnchor);
        WriteAt(image, secondAnchor, buffer.AsSpan(0, BlockSize));
        if (lastBlockTaken)
        {
            buffer.AsSpan(0, 9 * BlockSize).Fill(0xEE);
            WriteAt(image, totalBlocks - 9, buffer.AsSpan(0, 9 * BlockSize));
        }

        var region = new byte[layout.FileSystemBlocks * BlockSize];
        var output = new MemoryMetadataOutput(region, region.Length);
        writer.WriteFileSystem(output);
        Assert.Equal(region.Length, output.Written);
        WriteAt(image, layout.FileSystemBlock, region);

        var chunk = new byte[1 << 20];
        foreach (var file in tree.Files)
        {
            using var input = File.OpenRead(file.LocalPath);
            long done = 0;
            int read;
            while ((read = input.Read(chunk)) > 0)
            {
                if (chunk.AsSpan(0, read).ContainsAnyExcept((byte)0))
                {
                    image.Position = ((long)fileBlocks[file.Index] * BlockSize) + done;
                    image.Write(chunk, 0, read);
                }

                done += read;
            }
        }

        return new Result(imagePath, tree, layout, fileBlocks, totalBlocks);
    }

    private static void WriteAt(FileStream image, long block, ReadOnlySpan<byte> bytes)
    {
        image.Position = block * BlockSize;
        image.Write(bytes);
    }
}
