using System.Buffers;
using System.Buffers.Binary;
using DiscMastering.Imapi.Iso9660;

namespace DiscMastering.Imapi.ElTorito;

/// <summary>
/// mkisofs' boot-info table, patched into bytes 8-63 of the disc's copy of a BIOS boot image so a loader
/// (isolinux, GRUB) finds itself on the disc: the primary volume descriptor's block, the image's block, its
/// length in bytes, and the 32-bit little-endian sum of its bytes from offset 64 (mkisofs(8), -boot-info-table).
/// </summary>
internal sealed record BootInfoTable(uint PrimaryDescriptorBlock, uint FileBlock, uint FileLength, uint Checksum)
{
    internal static class FieldLocations
    {
        public const int PrimaryDescriptorBlock = 0;
        public const int FileBlock = 4;
        public const int FileLength = 8;
        public const int Checksum = 12;
    }

    /// <summary>Where the table starts in the boot image.</summary>
    public const int Offset = 8;

    /// <summary>The table's bytes (8-63): four fields and 40 reserved zero bytes.</summary>
    public const int Length = 56;

    /// <summary>The checksum covers the image from here on, the table itself left out.</summary>
    public const int ChecksumStart = Offset + Length;

    /// <summary>The table's 56 bytes, to put at <see cref="Offset"/> in the image's copy.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[Length];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(FieldLocations.PrimaryDescriptorBlock), PrimaryDescriptorBlock);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(FieldLocations.FileBlock), FileBlock);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(FieldLocations.FileLength), FileLength);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(FieldLocations.Checksum), Checksum);
        return bytes;
    }

    /// <summary>
    /// Reads the boot image once, in slices, to sum its 32-bit words from offset 64; a file whose size is not
    /// the one the tree recorded fails as any changed source does.
    /// </summary>
    public static BootInfoTable Compute(DiscFile file, uint fileBlock, uint primaryDescriptorBlock, CancellationToken cancellationToken)
    {
        const int sliceSize = 64 << 10;
        var buffer = ArrayPool<byte>.Shared.Rent(sliceSize);
        try
        {
            using var input = Sources.SourceFile.OpenRead(file.LocalPath);
            if (RandomAccess.GetLength(input) != file.Length)
            {
                throw ImageWriter.FileChanged(file);
            }

            uint sum = 0;
            long offset = ChecksumStart;
            while (offset < file.Length)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var wanted = (int)Math.Min(sliceSize, file.Length - offset);
                var read = RandomAccess.Read(input, buffer.AsSpan(0, wanted), offset);
                if (read == 0)
                {
                    throw ImageWriter.FileChanged(file);
                }

                // Slices start at multiples of 4 from offset 64, so words never straddle two reads except at the end.
                var whole = read & ~3;
                for (var i = 0; i < whole; i += 4)
                {
                    sum += BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(i));
                }

                if (whole < read)
                {
                    // The last bytes of a length not a multiple of 4 count as a word padded with zeros.
                    uint word = 0;
                    for (var i = read - 1; i >= whole; i--)
                    {
                        word = (word << 8) | buffer[i];
                    }

                    sum += word;
                }

                offset += read;
                if (read != wanted)
                {
                    break;
                }
            }

            if (offset < file.Length)
            {
                throw ImageWriter.FileChanged(file);
            }

            return new BootInfoTable(primaryDescriptorBlock, fileBlock, (uint)file.Length, sum);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
