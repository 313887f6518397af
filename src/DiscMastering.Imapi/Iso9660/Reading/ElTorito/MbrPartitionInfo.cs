namespace DiscMastering.Imapi.Iso9660.Reading.ElTorito;

/// <summary>One used entry of a master boot record's partition table (UEFI 2.10 5.2.1, table 5.2).</summary>
/// <param name="Index">The entry's place, 1 to 4.</param>
/// <param name="Status">0x80 for the active (boot) partition, 0 otherwise.</param>
/// <param name="Type">The partition type: 0xEE a protective GPT entry, 0xEF an EFI system partition, 0x00 empty, 0x17 or 0x83 data.</param>
/// <param name="StartLba">The first sector (512 bytes).</param>
/// <param name="Sectors">The number of sectors.</param>
public sealed record MbrPartitionInfo(int Index, byte Status, byte Type, uint StartLba, uint Sectors)
{
    /// <summary>True for the active partition (status 0x80).</summary>
    public bool IsActive => Status == 0x80;
}
