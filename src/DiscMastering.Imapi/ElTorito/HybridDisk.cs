using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using DiscMastering.Imapi.Iso9660;

namespace DiscMastering.Imapi.ElTorito;

/// <summary>
/// The image seen as a disk of 512-byte sectors: a protective MBR at LBA 0, the primary GPT at LBA 1 with its
/// entries at 2-33 (all inside the System Area, blocks 0-15), and the backup entries and header in the last 33
/// sectors (UEFI 2.10 5.3.1), which the layout adds after the file data.
/// </summary>
/// <remarks>
/// The EFI image is a file inside the ISO 9660 volume, so a partition covering the whole volume would overlap
/// the EFI System Partition, and UEFI firmware ignores overlapping entries (edk2's partition driver skips
/// both). The volume is therefore covered by basic data partitions before and after the EFI System Partition.
/// Partitions start at LBA 64, the end of the System Area. GUIDs and the disk signature come from a hash
/// of the label and the layout, so the same sources give the same bytes.
/// </remarks>
internal sealed class HybridDisk
{
    /// <summary>Blocks after the volume's data holding the backup GPT: 33 sectors rounded up to whole 2048-byte blocks.</summary>
    public const uint BackupBlocks = (GptHeader.EntrySectors + 1 + BootCatalog.SectorsPerBlock - 1) / BootCatalog.SectorsPerBlock;

    /// <summary>The first sector a partition may use: the System Area's end.</summary>
    public const ulong FirstUsableLba = IsoConstants.SystemAreaBlocks * BootCatalog.SectorsPerBlock;

    private const ulong PrimaryHeaderLba = 1;
    private const ulong PrimaryEntriesLba = 2;

    private HybridDisk(ulong diskSectors, uint backupBlock, Guid diskGuid, uint diskSignature, ulong biosImageLba, GptPartitionEntry[] partitions)
    {
        DiskSectors = diskSectors;
        BackupBlock = backupBlock;
        DiskGuid = diskGuid;
        DiskSignature = diskSignature;
        BiosImageLba = biosImageLba;
        Partitions = partitions;
    }

    /// <summary>The image's size in 512-byte sectors.</summary>
    public ulong DiskSectors { get; }

    /// <summary>The first block after the volume's data: where the backup GPT's blocks start.</summary>
    public uint BackupBlock { get; }

    public Guid DiskGuid { get; }

    public uint DiskSignature { get; }

    /// <summary>The BIOS boot image's first sector, recorded at MBR offset 432 with isohybrid boot code; 0 without one.</summary>
    public ulong BiosImageLba { get; }

    public IReadOnlyList<GptPartitionEntry> Partitions { get; }

    private ulong LastLba => DiskSectors - 1;

    private ulong BackupEntriesLba => LastLba - GptHeader.EntrySectors;

    public static HybridDisk Create(string volumeLabel, uint volumeBlocks, uint backupBlocks, BootImage efi, BootImage? bios)
    {
        var diskSectors = ((ulong)volumeBlocks + backupBlocks) * BootCatalog.SectorsPerBlock;
        var volumeEnd = (ulong)volumeBlocks * BootCatalog.SectorsPerBlock;
        var espFirst = efi.FirstSector;
        var espLast = espFirst + efi.Sectors - 1;
        var seed = Seed(volumeLabel, diskSectors, espFirst, espLast);
        var ranges = new List<(Guid Type, ulong First, ulong Last, string Name)>();
        if (espFirst > FirstUsableLba)
        {
            ranges.Add((GptPartitionEntry.BasicData, FirstUsableLba, espFirst - 1, "ISO9660"));
        }

        ranges.Add((GptPartitionEntry.EfiSystemPartition, espFirst, espLast, "EFI System Partition"));
        if (espLast + 1 < volumeEnd)
        {
            ranges.Add((GptPartitionEntry.BasicData, espLast + 1, volumeEnd - 1, "ISO9660"));
        }

        var partitions = ranges.Select((r, i) => new GptPartitionEntry(r.Type, DerivedGuid(seed, i + 1), r.First, r.Last, r.Name)).ToArray();
        var diskGuid = DerivedGuid(seed, 0);
        Span<byte> guidBytes = stackalloc byte[16];
        diskGuid.TryWriteBytes(guidBytes);
        return new HybridDisk(diskSectors, volumeBlocks, diskGuid, BinaryPrimitives.ReadUInt32LittleEndian(guidBytes), bios?.FirstSector ?? 0, partitions);
    }

    /// <summary>Fills the System Area (blocks 0-15, zeroed): MBR, primary GPT header and entries.</summary>
    public void WriteSystemArea(Span<byte> systemArea, ReadOnlySpan<byte> bootCode)
    {
        var entries = systemArea.Slice((int)PrimaryEntriesLba * BootCatalog.SectorSize, GptHeader.EntrySectors * BootCatalog.SectorSize);
        var entriesCrc = WriteEntries(entries);
        MasterBootRecord.WriteTo(systemArea[..BootCatalog.SectorSize], bootCode, BiosImageLba, DiskSignature, DiskSectors);
        Header(PrimaryHeaderLba, LastLba, PrimaryEntriesLba, entriesCrc)
            .WriteTo(systemArea.Slice((int)PrimaryHeaderLba * BootCatalog.SectorSize, BootCatalog.SectorSize));
    }

    /// <summary>Fills the <see cref="BackupBlocks"/> zeroed blocks at the image's end: backup entries, then the backup header in the last sector.</summary>
    public void WriteBackup(Span<byte> tail)
    {
        var headerOffset = tail.Length - BootCatalog.SectorSize;
        var entriesOffset = headerOffset - (GptHeader.EntrySectors * BootCatalog.SectorSize);
        var entriesCrc = WriteEntries(tail[entriesOffset..headerOffset]);
        Header(LastLba, PrimaryHeaderLba, BackupEntriesLba, entriesCrc).WriteTo(tail[headerOffset..]);
    }

    private GptHeader Header(ulong myLba, ulong alternateLba, ulong entriesLba, uint entriesCrc) =>
        new(myLba, alternateLba, FirstUsableLba, BackupEntriesLba - 1, DiskGuid, entriesLba, entriesCrc);

    private uint WriteEntries(Span<byte> entries)
    {
        for (var i = 0; i < Partitions.Count; i++)
        {
            Partitions[i].WriteTo(entries.Slice(i * GptPartitionEntry.Size, GptPartitionEntry.Size));
        }

        return Crc32.Compute(entries);
    }

    private static byte[] Seed(string volumeLabel, ulong diskSectors, ulong espFirst, ulong espLast)
    {
        var text = Encoding.UTF8.GetBytes("DiscMastering hybrid GPT\0" + volumeLabel + "\0");
        var bytes = new byte[text.Length + 24];
        text.CopyTo(bytes, 0);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(text.Length), diskSectors);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(text.Length + 8), espFirst);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(text.Length + 16), espLast);
        return SHA256.HashData(bytes);
    }

    /// <summary>A GUID from the seed and an ordinal, marked as an RFC 9562 version 8 (custom) GUID.</summary>
    private static Guid DerivedGuid(byte[] seed, int ordinal)
    {
        Span<byte> input = stackalloc byte[seed.Length + 4];
        seed.CopyTo(input);
        BinaryPrimitives.WriteInt32LittleEndian(input[seed.Length..], ordinal);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        var bytes = hash[..16];
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
