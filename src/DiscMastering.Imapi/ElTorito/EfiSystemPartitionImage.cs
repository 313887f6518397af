using System.Buffers.Binary;
using DiscMastering.Imapi.Iso9660;

namespace DiscMastering.Imapi.ElTorito;

/// <summary>
/// Checks that an EFI boot image is a FAT file system image, as UEFI reads it (UEFI 2.10 13.3): the boot
/// sector's signature and a BIOS Parameter Block that makes sense (Microsoft FAT specification, section 3).
/// </summary>
internal static class EfiSystemPartitionImage
{
    internal static class FieldLocations
    {
        public const int BytesPerSector = 11;
        public const int SectorsPerCluster = 13;
        public const int ReservedSectors = 14;
        public const int NumberOfFats = 16;
        public const int Fat16FileSystemType = 54;
        public const int Fat32FileSystemType = 82;
        public const int Signature = 510;
    }

    /// <summary>The boot sector.</summary>
    public const int MinimumLength = 512;

    /// <summary>Reads the image's boot sector and fails with <see cref="DiscMasteringError.EfiBootImageNotFat"/> unless it is FAT's.</summary>
    public static void Check(DiscFile file)
    {
        Span<byte> sector = stackalloc byte[MinimumLength];
        using (var input = Sources.SourceFile.OpenRead(file.LocalPath))
        {
            var done = 0;
            int read;
            while (done < sector.Length && (read = RandomAccess.Read(input, sector[done..], done)) > 0)
            {
                done += read;
            }

            if (done < sector.Length)
            {
                throw ImageWriter.FileChanged(file);
            }
        }

        if (Problem(sector) is { } problem)
        {
            throw NotFat(file, problem);
        }
    }

    /// <summary>What is wrong with a boot sector, or null for a FAT one.</summary>
    internal static string? Problem(ReadOnlySpan<byte> sector)
    {
        if (sector[FieldLocations.Signature] != 0x55 || sector[FieldLocations.Signature + 1] != 0xAA)
        {
            return "its first sector does not end with the boot signature 55 AA";
        }

        var bytesPerSector = BinaryPrimitives.ReadUInt16LittleEndian(sector[FieldLocations.BytesPerSector..]);
        var sectorsPerCluster = sector[FieldLocations.SectorsPerCluster];
        var reserved = BinaryPrimitives.ReadUInt16LittleEndian(sector[FieldLocations.ReservedSectors..]);
        var fats = sector[FieldLocations.NumberOfFats];
        if (bytesPerSector is not (512 or 1024 or 2048 or 4096) || sectorsPerCluster == 0 || (sectorsPerCluster & (sectorsPerCluster - 1)) != 0
            || reserved == 0 || fats == 0)
        {
            return "its BIOS Parameter Block is not FAT's (bytes per sector, sectors per cluster, reserved sectors or FAT count out of range)";
        }

        if (!sector.Slice(FieldLocations.Fat16FileSystemType, 3).SequenceEqual("FAT"u8) && !sector.Slice(FieldLocations.Fat32FileSystemType, 3).SequenceEqual("FAT"u8))
        {
            return "its boot sector names no FAT file system type";
        }

        return null;
    }

    public static DiscMasteringException NotFat(DiscFile file, string problem) => new(
        DiscMasteringError.EfiBootImageNotFat,
        $"the EFI boot image '{file.DiscPath}' ({file.LocalPath}) is not a FAT file system image: {problem}. Make one holding EFI/BOOT/BOOTX64.EFI, e.g. with mformat -C -f 2880 -i efi.img :: and mcopy.");
}
